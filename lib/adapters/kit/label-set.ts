/**
 * The page's label set, as a hash: the texts of its labels (table headers, `dt`, `label`, `legend`, sub-headings,
 * `aria-label`s), as label keys, deduplicated and sorted. The same layout always gives the same hash, whatever the
 * record shown; a redesign that renames, adds or removes a label gives another — a new variant in the readers'
 * health report (lib/domain/reader-health.ts).
 *
 * Label texts only, never values: `h1` (the record's title, « Dossier demandeur – M. Jean DUPONT ») is left out,
 * and so is anything inside a list item or a data cell (a need's title, a row's « Ouvrir le dossier de … »
 * button), any text with a digit or an `@`, and long texts. Only the hash leaves the page.
 */
import { labelKey } from './text';

const LABELS = 'th, dt, label, legend, h2, h3, h4, h5, h6, [aria-label]';
/** Record data sits in these: a label inside them may be a value (a row header names the row's record). */
const RECORD_CONTAINERS = 'li, h1, th[scope="row"]';
const TEXT_LABELS = 'th, dt, label, legend, h2, h3, h4, h5, h6';
const MAX_LABEL_LENGTH = 60;
/** A page with more labels than this is a list, not a form: its first labels tell its layout (and a huge page stays quick). */
const MAX_ELEMENTS = 2_000;

/** Inside a cell of its own table (a row's value or button); a whole page laid out in a table's cells is not. */
function inDataCell(el: Element): boolean {
  const cell = el.closest('td');
  return cell !== null && cell.closest('table') === el.closest('table');
}

/** The label keys of the page, sorted, each once. */
export function labelSet(root: ParentNode): string[] {
  const keys = new Set<string>();
  for (const el of Array.from(root.querySelectorAll(LABELS)).slice(0, MAX_ELEMENTS)) {
    if (el.closest(RECORD_CONTAINERS) || inDataCell(el)) continue;
    const aria = el.getAttribute('aria-label');
    for (const text of [el.matches(TEXT_LABELS) ? el.textContent : null, aria]) {
      if (!text || text.length > MAX_LABEL_LENGTH * 2 || /[\d@]/.test(text)) continue;
      const key = labelKey(text);
      if (key && key.length <= MAX_LABEL_LENGTH) keys.add(key);
    }
  }
  return [...keys].sort();
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/** FNV-1a, 64 bits, over the UTF-8 bytes: stable, synchronous (the reading loop is), 16 hexadecimal digits. */
export function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK;
  }
  return hash.toString(16).padStart(16, '0');
}

/** The hash of the page's label set; undefined when the page shows no label at all. */
export function labelSetHash(root: ParentNode): string | undefined {
  const keys = labelSet(root);
  return keys.length ? fnv1a64(keys.join('\n')) : undefined;
}
