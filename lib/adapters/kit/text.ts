/** Reading text out of legacy markup: always `textContent`, never markup. */
import { normalizeText } from '@/lib/domain/formats';

export { normalizeText };

/**
 * Badges and hints a page writes beside a value (« Principal », « Nouveau », « (obligatoire) »): never part of
 * the value. A main-job badge is kept as « (principal) », the marker the job parser reads.
 */
const BADGE = /^[(\[]?\s*(?:(?:(m[ée]tier|emploi)\s+)?(principale?)|nouveau|nouvelle|new|nouveaut[ée]|obligatoire|facultati(?:f|ve)|optionnel(?:le)?|requis|recommand[ée]e?|modifi[ée]e?|mis à jour|à jour|v[ée]rifi[ée]e?|★|⭐)\s*[)\]]?$/i;
const MAX_BADGE = 24;

/** `(principal)` for a main-job badge, `''` for any other badge, `undefined` for text that is not a badge. */
export function badgeReplacement(text: string): string | undefined {
  if (text.length > MAX_BADGE) return undefined;
  const match = BADGE.exec(text);
  if (!match) return undefined;
  return match[2] || /^[★⭐]$/.test(text) ? ' (principal) ' : ' ';
}

/**
 * The visible text of a node, whitespace normalised, badges set apart (`badgeReplacement`).
 * Form controls give their value.
 */
export function textOf(node: Node | null | undefined): string {
  if (!node) return '';
  const el = node as Element;
  switch (el.tagName) {
    case 'INPUT':
    case 'TEXTAREA':
      return normalizeText((el as HTMLInputElement).value ?? '');
    case 'SELECT': {
      const select = el as HTMLSelectElement;
      const option = select.options[select.selectedIndex];
      return option ? normalizeText(option.textContent ?? '') : '';
    }
  }
  if (node.nodeType !== 1 || el.childElementCount === 0) return normalizeText(node.textContent ?? '');
  let text = '';
  const walk = (parent: Node) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        text += (child as Text).data;
        continue;
      }
      if (child.nodeType !== 1) continue;
      const c = child as Element;
      const tag = c.tagName;
      if (SKIPPED.has(tag)) continue;
      if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') {
        text += ` ${textOf(c)} `;
      } else if (tag === 'BR') {
        text += ' ';
      } else if (c.firstElementChild === null) {
        // A leaf: its text, unless it is a badge (only short text is tested).
        const raw = c.textContent ?? '';
        const badge = raw.length === 0 || raw.length > 2 * MAX_BADGE ? undefined : badgeReplacement(raw.trim());
        text += badge ?? (BLOCK.has(tag) ? ` ${raw} ` : raw);
      } else if (BLOCK.has(tag)) {
        text += ' ';
        walk(c);
        text += ' ';
      } else {
        walk(c);
      }
    }
  };
  walk(node);
  return normalizeText(text);
}

/**
 * A label reduced to what identifies it: accents, case, punctuation, trailing colons,
 * asterisks, "(s)" and plural "s" do not matter. "NOM :", "Nom" and "nom:" are the same label.
 */
export function labelKey(label: string): string {
  return remembered(KEYS, label, (text) => keyOfNormalized(normalizeText(text)));
}

/**
 * `keyOfNormalized`, remembered: a tool's pages show the same labels on every file, and a page is read again
 * whenever it changes.
 */
export function keyOfLabelText(text: string): string {
  return remembered(NORMALIZED_KEYS, text, keyOfNormalized);
}

/** Keys of the labels looked up (the same synonym lists on every read) and of the labels pages show. */
const KEYS = new Map<string, string>();
const NORMALIZED_KEYS = new Map<string, string>();
/** Bounded: page text (values too) passes through here, not only labels. */
const MAX_KEYS = 4096;

function remembered(keys: Map<string, string>, text: string, keyOf: (text: string) => string): string {
  let key = keys.get(text);
  if (key === undefined) {
    key = keyOf(text);
    if (keys.size >= MAX_KEYS) keys.clear();
    keys.set(text, key);
  }
  return key;
}

/** `labelKey` of a text already whitespace-normalised (the label index's hot path). */
export function keyOfNormalized(text: string): string {
  let key = text.toLowerCase();
  // Fast path for plain ASCII labels: the accent and typography passes only run when needed.
  if (/[^\x00-\x7f]/.test(key)) {
    key = key.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/œ/g, 'oe').replace(/[’‘`´]/g, "'");
  }
  return key
    .replace(/\(s\)/g, '')
    .replace(/[\s:：*?.•]+$|^[\s•*]+/g, '')
    .replace(/[-‐‑–—_/.]+/g, ' ')
    .replace(/(\S{3})s(?= |$)/g, '$1')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** "Non renseigné(e)", "Aucun(e)", "Néant"…, as label keys. */
const NOT_PROVIDED = /^(non (renseigne|communique|precise|disponible|defini)e?|aucune?|neant|inconnue?|sans? objet|n a|nc|nr)$/;

/** The page says explicitly that there is nothing: "Non renseigné", "Aucun CV déposé", "—". */
export function saysNothing(text: string): boolean {
  const key = labelKey(text);
  if (key === '' || /^[-–—.\s]*$/.test(text)) return true;
  return NOT_PROVIDED.test(key) || /^(aucune?|pas de?|sans?) /.test(key);
}

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P',
  'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

export const isBlock = (el: Element) => BLOCK.has(el.tagName);

/**
 * The text of an element split where a browser would break lines (`<br>`, blocks). With `badges`, badges are
 * set apart as `textOf` does (for values; consent reads every word as shown).
 */
export function linesOf(root: Node, badges = false): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = normalizeText(current);
    if (line) lines.push(line);
    current = '';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        current += (child as Text).data;
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (SKIPPED.has(el.tagName)) continue;
        const badge = badges && el.childElementCount === 0 ? badgeReplacement(normalizeText(el.textContent ?? '')) : undefined;
        if (badge !== undefined && normalizeText(el.textContent ?? '') !== '') {
          current += badge;
        } else if (el.tagName === 'BR') {
          flush();
        } else if (BLOCK.has(el.tagName)) {
          flush();
          walk(el);
          flush();
        } else {
          walk(el);
        }
      }
    }
  };
  walk(root);
  flush();
  return lines;
}

/** Separators of a list written on one line: `;` `•` `·` `|`, `,` outside brackets, ` / ` between words. */
const LIST_SEPARATOR = /\s*(?:[;•·|]|,(?![^(]*\))|\s\/\s)\s*/;

/** The parts of one line of a list value. */
export const splitList = (line: string): string[] => line.split(LIST_SEPARATOR);

/** Tags or chips: two or more inline elements side by side, each one item, nothing but separators between them. */
function chipsOf(el: Element): Element[] | undefined {
  const children = Array.from(el.children).filter((c) => !SKIPPED.has(c.tagName) && c.tagName !== 'BR');
  if (children.length < 2 || children.some((c) => isBlock(c) && c.tagName !== 'DIV')) return undefined;
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 && !/^[\s,;•·|/]*$/.test((node as Text).data)) return undefined;
  }
  const chips = children.filter((c) => badgeReplacement(textOf(c)) === undefined);
  // A chip holds one short item: a block of several lines is a paragraph, not a chip.
  return chips.length >= 2 && chips.every((c) => linesOf(c).length === 1) ? chips : undefined;
}

/**
 * The items of a list value, whatever its form: its `<li>`s, else its tags or chips, else its lines, else the
 * parts of its one line (`splitList`). Items that say nothing (« Non renseigné ») are dropped.
 */
export function itemsOf(value: Element): string[] {
  if (/^(INPUT|TEXTAREA|SELECT)$/.test(value.tagName)) {
    return itemsOfLines(((value as HTMLInputElement).value ?? textOf(value)).split(/\n/).map(normalizeText).filter(Boolean));
  }
  let el = value;
  // Through wrappers: `<dd><div class="tags">…</div></dd>`.
  while (el.childElementCount === 1 && normalizeText(el.textContent ?? '') === normalizeText(el.firstElementChild!.textContent ?? '')) {
    el = el.firstElementChild!;
  }
  const lis = Array.from(el.querySelectorAll('li'));
  const chips = lis.length > 0 ? lis : el.matches('ul, ol') ? [] : chipsOf(el);
  if (chips && chips.length > 0) return chips.map((c) => textOf(c)).filter((t) => t !== '' && !saysNothing(t));
  // Badges set apart: « Secrétariat <span>Principal</span> ; … ».
  return itemsOfLines(linesOf(el, true));
}

/** The items of a list value given as lines: one per line, or the parts of a single line. */
export function itemsOfLines(lines: readonly string[]): string[] {
  const parts = lines.length > 1 ? lines.flatMap((l) => l.split(/\s*;\s*/)) : lines.flatMap(splitList);
  return parts.map(normalizeText).filter((t) => t !== '' && !saysNothing(t));
}

/** Lower-cased, accents removed: for matching words in values ("Immédiate", "Non autorisée"). */
export function fold(s: string): string {
  return normalizeText(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * Every element under `root`, in document order. A live collection: the readers never change the page, and walking it
 * costs less than copying a static `querySelectorAll('*')` into an array (bench/readers-browser.ts).
 */
export function allElements(root: ParentNode): Iterable<Element> {
  return (root as Document | Element).getElementsByTagName('*');
}
