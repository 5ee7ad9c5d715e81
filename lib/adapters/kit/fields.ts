/**
 * Label lookup: finds the value shown next to a label, whatever holds it — label/value table cells (`th`/`td`
 * or two `td`, ARIA rows), `<dl><dt><dd>` (several `<dd>` make a list),
 * `<div>`/`<span>` pairs side by side or stacked, "Label : value" text, `<label>` + `input`/`output`,
 * `aria-labelledby`/`aria-describedby`/`aria-label`, or a heading and the section under it.
 * Labels are compared by `labelKey` (case, accents, colons, spacing, hints such as « (obligatoire) » do not
 * matter); ids serve only to follow `for` and ARIA references, and classes are never used.
 */
import { perRead } from './per-read';
import { allElements, badgeReplacement, isBlock, keyOfLabelText, labelKey, linesOf, normalizeText, textOf } from './text';

export interface Field {
  /** The value's text, whitespace normalised. */
  text: string;
  /** The element holding the value (for lists and links); for "Label : value" text, the element holding both. */
  element?: Element;
  /** The value's lines, for "Label : value" text that goes on after a line break. */
  lines?: string[];
}

export interface Fields {
  /** The first value shown under one of these labels, in page order, that `accept` takes. */
  find(labels: readonly string[], accept?: (field: Field) => boolean): Field | undefined;
  /** Every value whose label key passes `match`, in page order; `initials` (first letters of such keys) narrow the search. */
  findAll(match: (key: string) => boolean, initials?: string): Field[];
  /** Every value shown under one of these labels, each label in page order. */
  findAllOf(labels: readonly string[]): Field[];
  /** The elements showing one of these labels (headings included), in page order. */
  labelElements(labels: readonly string[]): Element[];
  /** The form control (`input`, `select`, `textarea`) labelled by one of these labels, empty or not. */
  control(labels: readonly string[], selector?: string): Element | undefined;
  /**
   * The elements whose own first text may start a « Label : valeur » pair (`startsInlinePair`), in page order: found
   * in the index's walk, so the consent reader does not walk the page again.
   */
  inlinePairHolders(): readonly Element[];
}

interface Candidate {
  /** The label text; its key is worked out only when a lookup needs it. */
  text: string;
  key?: string;
  label: Element;
  /** For "Label : value" written in one element. */
  inlineValue?: string;
  /** The value element an ARIA reference names (`aria-labelledby`, `aria-describedby`, `aria-label`). */
  target?: Element;
  inlineLines?: string[];
}

const IGNORED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'OPTION', 'SELECT', 'TEXTAREA', 'BUTTON', 'A', 'HEAD', 'TITLE']);
const LABEL_TAGS = new Set(['LABEL', 'DT', 'TH', 'LEGEND']);
const MAX_LABEL = 80;
const CONTROLS = 'input, select, textarea';
const VALUE_CONTROLS = 'input, select, textarea, output';

/** Hints written in a label are not part of it: « Métiers recherchés (obligatoire) », « Nom * », « Permis Nouveau ». */
const LABEL_HINT = /\s*(?:[(\[]\s*(?:obligatoire|facultatif|optionnel|requis|nouveau|new|i|\?)\s*[)\]]|\*|ⓘ|\?|\b(?:nouveau|new|obligatoire|facultatif))\s*$/i;
const MAY_END_WITH_HINT = /[)\]*?ⓘ]$|(?:nouveau|new|obligatoire|facultatif)$/i;
export function withoutHint(label: string): string {
  if (!MAY_END_WITH_HINT.test(label)) return label;
  let text = label;
  for (let i = 0; i < 3 && LABEL_HINT.test(text); i++) text = text.replace(LABEL_HINT, '');
  return text;
}

/** The elements an ARIA attribute names by id. */
export const byIds = (el: Element, attribute: string): Element[] =>
  (el.getAttribute(attribute) ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => el.ownerDocument.getElementById(id))
    .filter((e): e is HTMLElement => e !== null);
/** The same, but never the element itself. */
const referenced = (el: Element, attribute: string): Element[] => byIds(el, attribute).filter((e) => e !== el);

/** Label/value pairs ARIA declares: a value labelled by an element, a label described by its value, a named control. */
function ariaCandidates(el: Element, candidates: Candidate[]): void {
  for (const label of referenced(el, 'aria-labelledby')) {
    const text = withoutHint(normalizeText(label.textContent ?? ''));
    if (text && text.length <= MAX_LABEL) candidates.push({ text, label, target: el });
  }
  if (!el.matches(VALUE_CONTROLS)) {
    for (const value of referenced(el, 'aria-describedby')) {
      const text = withoutHint(normalizeText(el.textContent ?? ''));
      if (text && text.length <= MAX_LABEL && !value.contains(el) && !el.contains(value)) candidates.push({ text, label: el, target: value });
    }
  } else {
    const name = normalizeText(el.getAttribute('aria-label') ?? '');
    if (name && name.length <= MAX_LABEL) candidates.push({ text: withoutHint(name), label: el, target: el });
  }
}

/** « Secrétariat <strong>Métier principal</strong> »: a badge written after a value is not a label. */
function isBadgeAfterText(el: Element, text: string): boolean {
  if (badgeReplacement(text) === undefined) return false;
  let before = el.previousSibling;
  while (before && before.nodeType === 3 && normalizeText((before as Text).data) === '') before = before.previousSibling;
  return before !== null && before.nodeType === 3;
}

/** `<div>SIRET <span>(obligatoire)</span></div>`: a label's own text with a hint or badge element beside it. */
function isLabelWithHint(el: Element): boolean {
  if (el.childElementCount > 3) return false;
  // Cheapest test first: most elements with children hold blocks or nested markup.
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (c.childElementCount > 0 || isBlock(c)) return false;
  let own = false;
  for (let n = el.firstChild; n && !own; n = n.nextSibling) own = n.nodeType === 3 && (n as Text).data.trim() !== '';
  if (!own) return false;
  const raw = el.textContent ?? '';
  if (raw.length > 2 * MAX_LABEL || !MAY_END_WITH_HINT.test(raw.trimEnd())) return false;
  const text = normalizeText(raw);
  return withoutHint(text) !== text;
}

/** Elements whose own text is never a « Label : valeur » pair: code, links, buttons, form values, the page title. */
const NOT_INLINE_PAIR = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'A', 'BUTTON', 'OPTION', 'SELECT', 'TEXTAREA', 'TITLE']);

/** `el` starts with a text that is not blank, and a colon comes in one of its first four child nodes' texts. */
function startsInlinePair(el: Element): boolean {
  const first = el.firstChild;
  if (!first || first.nodeType !== 3 || NOT_INLINE_PAIR.has(el.tagName) || !/\S/.test((first as Text).data)) return false;
  // The colon in the first text, or in the text right after a hint beside the label.
  for (let n: ChildNode | null = first, i = 0; n && i < 4; n = n.nextSibling, i++) if (n.nodeType === 3 && (n as Text).data.includes(':')) return true;
  return false;
}

function indexLabels(root: ParentNode): { candidates: Candidate[]; inlinePairHolders: Element[] } {
  const candidates: Candidate[] = [];
  const inlinePairHolders: Element[] = [];
  for (const el of allElements(root)) {
    if (startsInlinePair(el)) inlinePairHolders.push(el);
    if (IGNORED.has(el.tagName) || (el.parentElement && IGNORED.has(el.parentElement.tagName))) continue;
    if (el.childElementCount > 0 && !LABEL_TAGS.has(el.tagName) && !isLabelWithHint(el)) {
      const inline = inlineLabel(el);
      if (inline) candidates.push(inline);
      continue;
    }
    const text = normalizeText(el.textContent ?? '');
    if (text === '') continue;
    if (text.length <= MAX_LABEL && !isBadgeAfterText(el, text)) candidates.push({ text, label: el });
    // "Courriel : a@b.fr" in one element: the part before the first colon is a label.
    const inline = text.includes(':') ? /^([^:]{1,40}?)\s*:\s*(\S.*)$/.exec(text) : null;
    if (inline && el.childElementCount === 0) candidates.push({ text: inline[1]!, label: el, inlineValue: inline[2]! });
  }
  // Pairs ARIA declares come after those the markup shows (one query: cheaper than an attribute test per element).
  for (const el of Array.from(root.querySelectorAll('[aria-labelledby], [aria-describedby], [aria-label]'))) ariaCandidates(el, candidates);
  return { candidates, inlinePairHolders };
}

const keyOf = (c: Candidate) => (c.key ??= keyOfLabelText(withoutHint(c.text)));

/** The first letter of a label's key, worked out cheaply from its text (keys of one initial share a bucket). */
function initialOf(text: string): string {
  const first = text.replace(/^[\s•*\-–—_/.]+/, '').charAt(0).toLowerCase();
  return first === 'œ' ? 'o' : first.normalize('NFD').charAt(0);
}

/** "Adresse : 8 rue Paul Bert<br>69003 Lyon": a text label and its value inside one element of inline content. */
function inlineLabel(el: Element): Candidate | undefined {
  const first = el.firstChild;
  if (!first || first.nodeType !== 3) return undefined;
  // The colon comes in the first text, or in the text right after a hint: nothing else needs reading.
  let colon = false;
  for (let n: ChildNode | null = first, i = 0; n && i < 4 && !colon; n = n.nextSibling, i++) colon = n.nodeType === 3 && (n as Text).data.includes(':');
  if (!colon) return undefined;
  const firstText = normalizeText((first as Text).data);
  if (firstText === '' || Array.from(el.children).some((child) => isBlock(child))) return undefined;
  const lines = linesOf(el);
  const match = /^([^:]{1,40}?)\s*:\s*(.*)$/.exec(lines[0] ?? '');
  if (!match) return undefined;
  // The label is the first text, or the first text and a hint beside it: « Effectif <span>(obligatoire)</span> : ».
  const label = withoutHint(match[1]!);
  if (firstText.includes(':') ? match[1]!.length > (first as Text).data.length : label !== firstText) return undefined;
  const valueLines = [match[2]!, ...lines.slice(1)].filter(Boolean);
  if (valueLines.length === 0) return undefined;
  return { text: label, label: el, inlineValue: valueLines.join(' '), inlineLines: valueLines };
}

const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
/** A heading, or a wrapper of a heading and its badges: the title of the section that follows. */
function isHeading(el: Element): boolean {
  if (el.matches(HEADING) || el.tagName === 'LEGEND' || el.tagName === 'SUMMARY') return true;
  if (el.childElementCount === 0 || (el.textContent ?? '').length > 2 * MAX_LABEL) return false;
  const inner = el.querySelector(HEADING);
  return inner !== null && withoutHint(textOf(el)) === withoutHint(textOf(inner));
}
const isBadge = (el: Element) => el.childElementCount === 0 && badgeReplacement(normalizeText(el.textContent ?? '')) !== undefined;

const tooBig = (el: Element) =>
  el.tagName === 'TABLE' || el.tagName === 'DL' || el.tagName === 'FORM' || el.querySelector('table, dl, form') !== null;

/** Climbs from a label's text to the element that plays the label's part (its cell, `<dt>`, wrapper). */
function labelBox(label: Element, stop: Node): Element {
  let box = label;
  const text = withoutHint(normalizeText(label.textContent ?? ''));
  while (box.parentElement && box.parentElement !== stop && !LABEL_TAGS.has(box.tagName)) {
    const parent = box.parentElement;
    const parentText = normalizeText(parent.textContent ?? '');
    // A badge beside the label (« Nouveau ») belongs to the label's box.
    if (parentText !== text && (parentText.length > text.length + 30 || withoutHint(textOf(parent)) !== text)) break;
    box = parent;
  }
  return box;
}

/** The value under a heading: what follows it up to the next heading — its list or link if it has one, else its lines. */
function sectionValue(heading: Element): Field | undefined {
  const parts: Element[] = [];
  for (let next = heading.nextElementSibling; next; next = next.nextElementSibling) {
    if (isHeading(next)) break;
    if (next.tagName === 'BR' || isBadge(next) || tooBig(next) || /^(SCRIPT|STYLE|TEMPLATE)$/.test(next.tagName)) continue;
    if (textOf(next) !== '' || next.matches(VALUE_CONTROLS)) parts.push(next);
  }
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return { text: textOf(parts[0]), element: parts[0] };
  const one = (selector: string) => {
    const found = parts.filter((p) => p.matches(selector) || p.querySelector(selector));
    return found.length === 1 ? found[0] : undefined;
  };
  const main = one('ul, ol, li') ?? one('a[href]');
  if (main) return { text: textOf(main), element: main };
  const lines = parts.flatMap((p) => linesOf(p));
  return { text: lines.join(' '), lines };
}

/** A table with column headers: a `<thead>`, or a first row made only of header cells. */
export function isDataGrid(table: Element | null): boolean {
  if (!table) return false;
  if (table.querySelector(':scope > thead')) return true;
  const firstRow = table.querySelector('tr');
  const cells = firstRow ? Array.from(firstRow.children) : [];
  return cells.length > 1 && cells.every((c) => c.tagName === 'TH');
}

/** Bare text after the label, up to a line break or a block: `<b>Nom :</b> DUPONT<br>`. */
function trailingText(box: Element): string | undefined {
  let text = '';
  for (let node = box.nextSibling; node; node = node.nextSibling) {
    if (node.nodeType === 1) {
      const el = node as Element;
      if (el.tagName === 'BR' || isBlock(el)) break;
      if (text.trim() === '') return undefined; // an element comes first: it is the value
      text += el.textContent ?? '';
    } else if (node.nodeType === 3) {
      text += (node as Text).data;
    }
  }
  const value = normalizeText(text).replace(/^[:：]\s*/, ''); // "<b>Nom</b> : DUPONT"
  return value === '' ? undefined : value;
}

function resolve(candidate: Candidate, root: ParentNode): Field | undefined {
  if (candidate.inlineValue !== undefined) {
    return { text: candidate.inlineValue, element: candidate.label, lines: candidate.inlineLines ?? [candidate.inlineValue] };
  }
  const { label, target } = candidate;
  if (target) {
    // A section labelled by its own heading: the value is what follows the heading.
    return target.contains(label) ? sectionValue(labelBox(label, target)) : { text: textOf(target), element: target };
  }
  if (label.tagName === 'LABEL') {
    const forId = label.getAttribute('for');
    const doc = label.ownerDocument;
    const control = (forId ? doc.getElementById(forId) : null) ?? label.querySelector(VALUE_CONTROLS);
    if (control) return { text: textOf(control), element: control };
  }
  const box = labelBox(label, root as Node);
  if (box.tagName === 'DT') {
    let dd = box.nextElementSibling;
    while (dd?.tagName === 'DT') dd = dd.nextElementSibling;
    if (!dd || dd.tagName !== 'DD') return undefined;
    const dds = [dd];
    for (let more = dd.nextElementSibling; more?.tagName === 'DD'; more = more.nextElementSibling) dds.push(more);
    if (dds.length === 1) return { text: textOf(dd), element: dd };
    const lines = dds.map((d) => textOf(d)).filter(Boolean);
    return { text: lines.join(' '), lines };
  }
  if (box.tagName === 'TD' || box.tagName === 'TH' || /^(cell|gridcell|rowheader|columnheader)$/.test(box.getAttribute('role') ?? '')) {
    // Cells of a data grid (a history, a list) are values under column headers, not labels.
    if (box.tagName === 'TD' && isDataGrid(box.closest('table'))) return undefined;
    const cell = box.nextElementSibling ?? undefined;
    return cell && (cell.tagName === 'TD' || /^(cell|gridcell)$/.test(cell.getAttribute('role') ?? '')) ? { text: textOf(cell), element: cell } : undefined;
  }
  if (isHeading(box)) return sectionValue(box);
  const bare = trailingText(box);
  if (bare !== undefined) return { text: bare, element: box.parentElement ?? undefined };
  let next = box.nextElementSibling;
  while (next && (next.tagName === 'BR' || isBadge(next))) next = next.nextElementSibling;
  if (!next || LABEL_TAGS.has(next.tagName)) return undefined;
  return { text: textOf(next), element: next };
}

/** The label index of `root`, built once per read (kit/per-read.ts). */
export const fieldsOf = perRead(function fieldsOf(root: ParentNode): Fields {
  const { candidates, inlinePairHolders } = indexLabels(root);
  const byInitial = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const initial = initialOf(c.text);
    const list = byInitial.get(initial);
    if (list) list.push(c);
    else byInitial.set(initial, [c]);
  }
  const byKey = new Map<string, Candidate[]>();
  const withKey = (key: string): Candidate[] => {
    let list = byKey.get(key);
    if (!list) {
      list = (byInitial.get(key.charAt(0)) ?? []).filter((c) => keyOf(c) === key);
      byKey.set(key, list);
    }
    return list;
  };

  // Lookups share candidates (synonyms, several readers of one value): each is resolved once.
  const resolved = new Map<Candidate, Field | undefined>();
  const resolveOnce = (candidate: Candidate) => {
    if (!resolved.has(candidate)) resolved.set(candidate, resolve(candidate, root));
    return resolved.get(candidate);
  };

  const resolveEach = (list: readonly Candidate[], controlsOnly = false): Field[] => {
    const seen = new Set<Element>();
    const fields: Field[] = [];
    for (const candidate of list) {
      const field = resolveOnce(candidate);
      if (!field || (field.element && tooBig(field.element))) continue;
      if (controlsOnly ? !field.element?.matches(CONTROLS) : field.text === '') continue;
      // Two labels leading to one value (a <span> inside its <td>, say) give it once.
      if (field.element && candidate.inlineValue === undefined) {
        if (seen.has(field.element)) continue;
        seen.add(field.element);
      }
      fields.push(field);
    }
    return fields;
  };

  return {
    find(labels, accept = () => true) {
      // Synonyms in order of preference, each searched in page order.
      for (const label of labels) {
        for (const field of resolveEach(withKey(labelKey(label)))) if (accept(field)) return field;
      }
      return undefined;
    },
    findAll(match, initials) {
      const pool = initials ? candidates.filter((c) => initials.includes(initialOf(c.text))) : candidates;
      return resolveEach(pool.filter((c) => match(keyOf(c))));
    },
    findAllOf(labels) {
      return resolveEach(labels.flatMap((label) => withKey(labelKey(label))));
    },
    control(labels, selector = CONTROLS) {
      for (const label of labels) {
        for (const field of resolveEach(withKey(labelKey(label)), true)) {
          if (field.element?.matches(selector)) return field.element;
        }
      }
      return undefined;
    },
    labelElements(labels) {
      const found = new Set(labels.flatMap((label) => withKey(labelKey(label))));
      const elements = candidates.filter((c) => c.inlineValue === undefined && found.has(c)).map((c) => c.label);
      return elements.filter((el, i) => elements.indexOf(el) === i);
    },
    inlinePairHolders: () => inlinePairHolders,
  };
});
