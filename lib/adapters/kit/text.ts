/** Reading text out of legacy markup: always `textContent`, never markup. */
import { normalizeText } from '@/lib/domain/formats';

export { normalizeText };

/** The visible text of a node, whitespace normalised. Form controls give their value. */
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
  return normalizeText(node.textContent ?? '');
}

/**
 * A label reduced to what identifies it: accents, case, punctuation, trailing colons,
 * asterisks, "(s)" and plural "s" do not matter. "NOM :", "Nom" and "nom:" are the same label.
 */
export function labelKey(label: string): string {
  return keyOfNormalized(normalizeText(label));
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

/** The text of an element split where a browser would break lines (`<br>`, blocks). */
export function linesOf(root: Node): string[] {
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
        if (el.tagName === 'BR') {
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

/** The items of a list value: its `<li>`s, else its lines, else its `;`-separated parts. */
export function itemsOf(el: Element): string[] {
  const lis = Array.from(el.querySelectorAll('li'));
  if (lis.length > 0) return lis.map((li) => textOf(li)).filter((t) => t !== '');
  const lines = linesOf(el);
  const parts = lines.length > 1 ? lines : lines.flatMap((l) => l.split(/\s*[;•]\s*/));
  return parts.map(normalizeText).filter((t) => t !== '' && !saysNothing(t));
}

/** Lower-cased, accents removed: for matching words in values ("Immédiate", "Non autorisée"). */
export function fold(s: string): string {
  return normalizeText(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
