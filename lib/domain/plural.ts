/**
 * French counts: the one plural rule of the extension (the interface takes it from components/format.ts).
 * Singular for 0 and 1, as French writes them: « 1 promotion envoyée », « 0 profil promu ».
 */
export function pluralWord(n: number, one: string, many: string): string {
  return n > 1 ? many : one;
}

/** One formatter for every count (`toLocaleString` builds a new one per call: slow over long lists). */
const FRENCH_NUMBER = new Intl.NumberFormat('fr-FR');

/** `n` and its word: « 1 profil promu », « 3 profils promus ». */
export function plural(n: number, one: string, many: string): string {
  return `${FRENCH_NUMBER.format(n)} ${pluralWord(n, one, many)}`;
}
