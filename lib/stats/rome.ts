/** ROME domains: the letter and two digits of a ROME job code (`M1607` → `M16`), named by their letter. */

/** The fourteen « grands domaines » of the ROME, by letter. */
export const ROME_LETTER_LABELS: Record<string, string> = {
  A: 'Agriculture et pêche, espaces naturels et espaces verts, soins aux animaux',
  B: "Arts et façonnage d'ouvrages d'art",
  C: 'Banque, assurance, immobilier',
  D: 'Commerce, vente et grande distribution',
  E: 'Communication, média et multimédia',
  F: 'Construction, bâtiment et travaux publics',
  G: 'Hôtellerie-restauration, tourisme, loisirs et animation',
  H: 'Industrie',
  I: 'Installation et maintenance',
  J: 'Santé',
  K: 'Services à la personne et à la collectivité',
  L: 'Spectacle',
  M: "Support à l'entreprise",
  N: 'Transport et logistique',
};

/** `M1607` → `M16`; anything that is not a ROME code gives `?`. */
export function romeDomain(rome: string | undefined): string {
  return rome && /^[A-N]\d{2}/.test(rome) ? rome.slice(0, 3) : '?';
}

/** `M16` → `M16 · Support à l'entreprise`. */
export function romeDomainLabel(domain: string): string {
  const letter = ROME_LETTER_LABELS[domain.charAt(0)];
  return letter ? `${domain} · ${letter}` : 'Métier non renseigné';
}
