/**
 * French counts: the one plural rule of the extension (the interface takes it from components/format.ts).
 * Singular for 0 and 1, as French writes them: « 1 promotion envoyée », « 0 profil promu ».
 */
export function pluralWord(n: number, one: string, many: string): string {
  return n > 1 ? many : one;
}

/** `n` and its word: « 1 profil promu », « 3 profils promus ». */
export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('fr-FR')} ${pluralWord(n, one, many)}`;
}
