/** French figures: `40 %`, `3,5 jours`, `1 234`; a dash when there is nothing to show. */
export const NONE = '—';

const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

export const count = (n: number | null | undefined): string => (n === null || n === undefined ? NONE : integer.format(n));

/** A share in [0, 1] as a percentage: one decimal under 10 %, where the pilots' 7 % lives. */
export function percent(share: number | null | undefined): string {
  if (share === null || share === undefined) return NONE;
  const value = share * 100;
  return `${(value < 10 ? oneDecimal : integer).format(value)} %`;
}

export function days(n: number | null | undefined): string {
  if (n === null || n === undefined) return NONE;
  return `${oneDecimal.format(n)} ${n <= 1 ? 'jour' : 'jours'}`;
}

/** « 1 embauche pour 13 profils ». */
export function profilesPerHire(n: number | null | undefined): string {
  if (n === null || n === undefined) return NONE;
  return `1 embauche pour ${oneDecimal.format(n)} profils`;
}
