/**
 * The label that introduces a value the counsellor clicked (« Montrer où se trouve ce champ »): the words a
 * reader would look for, never the value itself nor where it sits in the markup. Tried in the order pages
 * use them: `<label for>`, `<dt>`/`<dd>`, a table's header cell, « Libellé : valeur » in one element, then the
 * nearest short text just before the value (its element or one of its first parents).
 * Smallest version, kept until lib/adapters/kit/label-of.ts (branch readers-meaning) replaces it.
 */
import { normalizeText } from '@/lib/adapters/kit/text';

const MAX_LABEL = 80;
const MAX_CLIMB = 3;

/** The text of a label element, without its trailing colon; nothing when it is too long to be a label. */
function labelText(el: Element | null | undefined): string | undefined {
  const text = normalizeText(el?.textContent ?? '').replace(/\s*:\s*$/, '').trim();
  return text && text.length <= MAX_LABEL ? text : undefined;
}

function ofControl(element: Element): string | undefined {
  const control = element.closest('input, select, textarea');
  if (!control) return undefined;
  const id = control.getAttribute('id');
  const byFor = id ? element.ownerDocument.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
  return labelText(byFor ?? control.closest('label'));
}

function ofDefinition(element: Element): string | undefined {
  let dt = element.closest('dd')?.previousElementSibling;
  while (dt && dt.tagName !== 'DT') dt = dt.previousElementSibling;
  return labelText(dt);
}

function ofTable(element: Element): string | undefined {
  const cell = element.closest('td');
  const row = cell?.parentElement;
  if (!cell || !row) return undefined;
  // A header cell in the row, before the value (label/value tables)…
  let before = cell.previousElementSibling;
  while (before && before.tagName !== 'TH') before = before.previousElementSibling;
  if (before) return labelText(before);
  // …else the column's header.
  const index = Array.from(row.children).indexOf(cell);
  const rows = Array.from(cell.closest('table')?.querySelectorAll('tr') ?? []);
  const header = rows.find((r) => r !== row && r.querySelector(':scope > th'));
  return header ? labelText(header.children[index]) : undefined;
}

/** « Effectif : 20 à 49 salariés » in one element: the words before the colon. */
function ofInline(element: Element): string | undefined {
  const match = /^([^:]{1,40}?)\s*:\s*\S/.exec(normalizeText(element.textContent ?? ''));
  return match ? labelText({ textContent: match[1]! } as Element) : undefined;
}

/** The nearest short text just before the value: its element's previous sibling, or a parent's. */
function ofNeighbour(element: Element): string | undefined {
  let current: Element | null = element;
  for (let level = 0; current && level <= MAX_CLIMB; level++, current = current.parentElement) {
    const previous = current.previousElementSibling;
    const text = labelText(previous);
    if (text) return text;
  }
  return undefined;
}

export function labelIntroducing(element: Element): string | undefined {
  const value = normalizeText(element.textContent ?? '');
  for (const find of [ofControl, ofDefinition, ofTable, ofInline, ofNeighbour]) {
    const label = find(element);
    // A label is never the clicked value itself.
    if (label && label !== value) return label;
  }
  return undefined;
}
