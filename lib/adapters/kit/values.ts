/** Parsers for values the legacy pages write in French: civility, yes/no, phones, dates, names. */
import { frenchDateToIso, isValidEmail, isValidPhone, normalizeEmail, normalizePhone } from '@/lib/domain/formats';
import { fold, normalizeText } from './text';

export type Civility = 'M.' | 'Mme';

/** `Madame`/`Mme` → `Mme`, `Monsieur`/`M.` → `M.`. */
export function parseCivility(text: string): Civility | undefined {
  const k = fold(text).replace(/\.$/, '');
  if (/^(madame|mme|mademoiselle|mlle)$/.test(k)) return 'Mme';
  if (/^(monsieur|m|mr)$/.test(k)) return 'M.';
  return undefined;
}

/** `Oui`/`Non` and their usual variants; `undefined` when the text says neither. */
export function parseYesNo(text: string): boolean | undefined {
  const k = fold(text);
  if (/^(oui|yes|o|x|✓|✔|vrai)\b/.test(k)) return true;
  if (/^(non|no|n|aucun|aucune|faux|✗|✘)\b/.test(k)) return false;
  return undefined;
}

const PHONE_IN_TEXT = /(?:(?:\+|00)\s?33\s?(?:\(0\)\s?)?[1-9]|0[1-9])(?:[\s.\-\u00a0]?\d{2}){4}(?!\d)/g;

/** Every French phone number written in the text, normalised, in order. */
export function findPhones(text: string): string[] {
  const phones: string[] = [];
  for (const match of text.match(PHONE_IN_TEXT) ?? []) {
    const phone = normalizePhone(match);
    if (isValidPhone(phone) && !phones.includes(phone)) phones.push(phone);
  }
  return phones;
}

/** Every e-mail address in the text (`Nom <a@b.fr>` included), lower-cased, in order. */
export function findEmails(text: string): string[] {
  const emails: string[] = [];
  for (const match of text.match(/[^\s<>()"',;:]+@[^\s<>()"',;:]+\.[^\s<>()"',;:]*[^\s<>()"',;:.]/g) ?? []) {
    const email = normalizeEmail(match);
    if (isValidEmail(email) && !emails.includes(email)) emails.push(email);
  }
  return emails;
}

/** The first real `dd/mm/yyyy` date in the text, in ISO form. */
export function findFrenchDate(text: string): string | undefined {
  for (const match of text.match(/\b\d{1,2}\/\d{1,2}\/\d{4}\b/g) ?? []) {
    const iso = frenchDateToIso(match);
    if (iso) return iso;
  }
  return undefined;
}

/** "DUPONT Marie" or "Marie DUPONT": the upper-case words are the last name. */
export function splitFullName(text: string): { lastName: string; firstName?: string } | undefined {
  const words = normalizeText(text)
    .replace(/^(madame|monsieur|mme|m\.|mlle)\s+/i, '')
    .split(' ')
    .filter(Boolean);
  if (words.length === 0) return undefined;
  const isUpper = (w: string) => /\p{L}/u.test(w) && w === w.toUpperCase();
  const last = words.filter(isUpper);
  const first = words.filter((w) => !isUpper(w));
  if (last.length === 0) return words.length > 1 ? { lastName: words.slice(1).join(' '), firstName: words[0]! } : { lastName: words[0]! };
  return first.length > 0 ? { lastName: last.join(' '), firstName: first.join(' ') } : { lastName: last.join(' ') };
}

const MONTHS: Record<string, number> = {
  janvier: 1, janv: 1, jan: 1, fevrier: 2, fevr: 2, fev: 2, mars: 3, mar: 3, avril: 4, avr: 4, mai: 5, juin: 6,
  juillet: 7, juil: 7, aout: 8, septembre: 9, sept: 9, sep: 9, octobre: 10, oct: 10, novembre: 11, nov: 11,
  decembre: 12, dec: 12,
};

function isoDate(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The first real date written in the text, in ISO form, whatever the format a tool uses: `03/02/2025`,
 * `3/2/2025`, `03-02-2025`, `03.02.2025`, `03/02/25`, `2025-02-03`, `3 février 2025`, `1er mars 2025`,
 * `3 févr. 2025`, `lundi 3 février 2025`.
 */
export function findDate(text: string): string | undefined {
  const k = fold(text).replace(/[’']/g, ' ');
  const found: { at: number; iso: string }[] = [];
  for (const m of k.matchAll(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g)) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) found.push({ at: m.index, iso });
  }
  for (const m of k.matchAll(/(?<![\d-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![\d-])/g)) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const iso = isoDate(year, Number(m[2]), Number(m[1]));
    if (iso) found.push({ at: m.index, iso });
  }
  for (const m of k.matchAll(/\b(\d{1,2})(?:er|e)?\s+([a-z]+)\.?\s+(\d{4})\b/g)) {
    const month = MONTHS[m[2]!];
    const iso = month ? isoDate(Number(m[3]), month, Number(m[1])) : undefined;
    if (iso) found.push({ at: m.index, iso });
  }
  found.sort((a, b) => a.at - b.at);
  return found[0]?.iso;
}
