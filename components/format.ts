/** Display helpers: the store keeps ISO values, counsellors read French ones. */
export function frenchDate(iso: string | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export function frenchDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
}

export const groupedSiret = (siret: string) => siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4');
/** `06 12 34 56 78` with non-breaking spaces: a number never wraps in the middle. */
export const groupedPhone = (phone: string) => phone.replace(/(\d{2})(?=\d)/g, '$1\u00a0');

/** The word for `n` things, in French: singular for 0 and 1 (« 1 promotion envoyée », « 0 profil promu »). */
export function pluralWord(n: number, one: string, many: string): string {
  return n > 1 ? many : one;
}

/** `n` and its word: « 1 profil promu », « 3 profils promus ». Every count the interface shows goes through here. */
export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('fr-FR')} ${pluralWord(n, one, many)}`;
}
