/**
 * The label that introduces a value, for a counsellor who shows a reader where a field is (issue 16): given the
 * element clicked, the text of its label — the `th` of its row (or of its column, in a table of rows), the `dt`
 * of its `dd`, the `<label>` of a control or `<output>`, what `aria-labelledby`/`aria-describedby` name, the
 * element beside or above it in a pair, the heading of the section of a list. Only label text comes out, never
 * the value, never a path in the page: taught, it is looked up like the reader's own labels (kit/fields.ts).
 */
import { fieldsOf, withoutHint } from './fields';
import { linesOf, normalizeText, textOf } from './text';

const MAX_LABEL = 80;
const MAX_DEPTH = 6;
const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"], legend, summary';
const CONTROL = 'input, select, textarea, output';
const LIST = 'ul, ol, dl, table';

/** A label as the readers compare it: whitespace normalised, without its hint or trailing colon. */
function clean(text: string): string | undefined {
  const label = withoutHint(normalizeText(text)).replace(/\s*[:：]\s*$/, '').trim();
  return label && label.length <= MAX_LABEL && /\p{L}/u.test(label) ? label : undefined;
}

const textsOf = (elements: Element[]) => clean(elements.map((e) => e.textContent ?? '').join(' '));

const byIds = (el: Element, attribute: string): Element[] =>
  (el.getAttribute(attribute) ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => el.ownerDocument.getElementById(id))
    .filter((e): e is HTMLElement => e !== null && e !== el && !e.contains(el));

/** The text of a `<label>` without the control it wraps. */
function labelText(label: Element, control: Element): string | undefined {
  if (!label.contains(control)) return clean(label.textContent ?? '');
  let text = '';
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) text += (c as Text).data;
      else if (c.nodeType === 1 && !(c as Element).matches(CONTROL)) walk(c);
    }
  };
  walk(label);
  return clean(text);
}

/** A control's or output's label: `<label for>`, a wrapping `<label>`, `aria-labelledby`, `aria-label`. */
function controlLabel(control: Element): string | undefined {
  const id = control.getAttribute('id');
  const doc = control.ownerDocument;
  if (id) for (const l of Array.from(doc.querySelectorAll('label[for]'))) if (l.getAttribute('for') === id) return labelText(l, control);
  const wrapping = control.closest('label');
  return (wrapping && labelText(wrapping, control)) || textsOf(byIds(control, 'aria-labelledby')) || clean(control.getAttribute('aria-label') ?? '');
}

/** The element whose `aria-describedby` names this one: the label it describes. */
function describing(el: Element): string | undefined {
  const id = el.getAttribute('id');
  if (!id) return undefined;
  for (const d of Array.from(el.ownerDocument.querySelectorAll('[aria-describedby]'))) {
    if (d.getAttribute('aria-describedby')!.split(/\s+/).includes(id) && !d.matches(CONTROL)) return clean(d.textContent ?? '');
  }
  return undefined;
}

/** A table whose first row (or `<thead>`) holds the column headers: its cells are values under them. */
function columnHeader(cell: Element): string | undefined {
  const table = cell.closest('table');
  const row = cell.parentElement;
  if (!table || !row) return undefined;
  const head = table.querySelector('thead tr:last-child') ?? table.querySelector('tr');
  if (!head || head === row) return undefined;
  const headers = Array.from(head.children);
  if (headers.length < 2 || !headers.every((c) => c.tagName === 'TH')) return undefined;
  const index = Array.from(row.children).indexOf(cell);
  return headers[index] ? clean(textOf(headers[index])) : undefined;
}

/** Short text on one line, with nothing after a colon: something that can be a label. */
function labelLike(el: Element): string | undefined {
  if (el.matches(`${LIST}, ${CONTROL}, a, button`) || el.querySelector(`${LIST}, ${CONTROL}`)) return undefined;
  const lines = linesOf(el);
  // Labels hold no digits and no addresses: « 8 rue Paul Bert » above « 69003 Lyon » is a line of the value.
  if (lines.length !== 1 || /[:：]\s*\S|\d|@/.test(lines[0]!)) return undefined;
  return clean(textOf(el));
}

/** "Label : value" written in one element: the part before the colon. */
function inlineLabel(el: Element): string | undefined {
  const match = /^([^:]{1,40}?)\s*:\s*\S/.exec(linesOf(el)[0] ?? '');
  return match ? clean(match[1]!) : undefined;
}

/** The labels that may introduce this element, nearest first. */
function candidatesFor(el: Element): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  if (el.matches(CONTROL)) out.push(controlLabel(el));
  out.push(textsOf(byIds(el, 'aria-labelledby')), describing(el));
  if (el.tagName === 'DD') {
    let dt = el.previousElementSibling;
    while (dt?.tagName === 'DD') dt = dt.previousElementSibling;
    if (dt?.tagName === 'DT') out.push(clean(textOf(dt)));
  }
  if (el.tagName === 'TD' || el.tagName === 'TH') {
    const previous = el.previousElementSibling;
    if (previous && /^T[DH]$/.test(previous.tagName)) out.push(clean(textOf(previous)));
  }
  out.push(inlineLabel(el));
  // Siblings before it: the element beside or above it; for a list, the heading of its section first.
  const isList = el.matches('ul, ol') || el.querySelector('li') !== null || el.childElementCount > 1;
  const near: (string | undefined)[] = [];
  let seen = 0;
  for (let prev = el.previousElementSibling; prev && seen < 3; prev = prev.previousElementSibling) {
    if (prev.tagName === 'BR' || textOf(prev) === '') continue;
    seen++;
    if (prev.matches(HEADING) || prev.querySelector(HEADING)) {
      if (isList) near.unshift(clean(textOf(prev)));
      else near.push(clean(textOf(prev)));
      break;
    }
    near.push(labelLike(prev), inlineLabel(prev));
  }
  return [...out, ...near];
}

/** A list item, or one of several elements of its kind side by side (a chip among chips, a line among lines). */
const hasPeer = (el: Element) =>
  el.tagName === 'LI' || Array.from(el.parentElement?.children ?? []).some((c) => c !== el && c.tagName === el.tagName);

/**
 * The normalised text of the label that introduces the clicked value, `undefined` when none is found. A label
 * is given only when the reader, looking it up, would find this very value: what it gives, taught, works.
 */
export function labelIntroducing(element: Element): string | undefined {
  const root = element.ownerDocument.body;
  if (!root || !root.contains(element) || element === root) return undefined;
  const fields = fieldsOf(root);
  const shows = (label: string | undefined, target: Element, exact: boolean): label is string => {
    if (!label || label === normalizeText(textOf(target))) return false;
    const text = textOf(target);
    return (
      fields.find([label], (f) =>
        f.element
          ? f.element === target || (!exact && f.element.contains(target))
          : !exact && text !== '' && (f.lines ?? []).some((line) => line.includes(text)),
      ) !== undefined
    );
  };
  let el: Element | null = element;
  for (let depth = 0; el && el !== root && depth < MAX_DEPTH; depth++, el = el.parentElement) {
    // A cell under column headers: the header names it (tables are read by their headers).
    if (el.tagName === 'TD' || el.tagName === 'TH') {
      const header = columnHeader(el);
      if (header && header !== normalizeText(textOf(el))) return header;
    }
    // An item among others (a list item, a chip): the list is the value, if a label introduces it.
    const parent: Element | null = el.parentElement;
    if (parent && parent !== root && hasPeer(el)) {
      const listLabel = candidatesFor(parent).find((label) => shows(label, parent, true));
      if (listLabel) return listLabel;
    }
    const own = candidatesFor(el).find((label) => shows(label, el!, false));
    if (own) return own;
  }
  return undefined;
}
