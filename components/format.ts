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

/** Every count the interface shows goes through these (one rule, shared with the background's texts). */
export { plural, pluralWord } from '@/lib/domain/plural';
