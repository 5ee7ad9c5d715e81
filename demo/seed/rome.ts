/**
 * Official ROME labels (v3 nomenclature, as the legacy tools show them) of the
 * codes used by the seed. Seeds look labels up here so a code never travels
 * with a wrong label.
 */
export const ROME_LABELS: Readonly<Record<string, string>> = {
  D1101: 'Boucherie',
  D1102: 'Boulangerie - viennoiserie',
  D1104: 'Pâtisserie, confiserie, chocolaterie et glacerie',
  D1106: 'Vente en alimentation',
  D1214: 'Vente en habillement et accessoires de la personne',
  D1505: 'Personnel de caisse',
  D1507: 'Mise en rayon libre-service',
  E1101: 'Animation de site multimédia',
  E1205: 'Réalisation de contenus multimédias',
  F1602: 'Électricité bâtiment',
  F1606: 'Peinture en bâtiment',
  F1701: 'Construction en béton',
  F1703: 'Maçonnerie',
  G1501: "Personnel d'étage",
  G1602: 'Personnel de cuisine',
  G1603: 'Personnel polyvalent en restauration',
  G1703: 'Réception en hôtellerie',
  G1801: 'Café, bar brasserie',
  G1803: 'Service en restauration',
  H2102: "Conduite d'équipement de production alimentaire",
  H2902: 'Chaudronnerie - tôlerie',
  H2909: 'Montage-assemblage mécanique',
  H2913: 'Soudage manuel',
  H3302: "Opérations manuelles d'assemblage, tri ou emballage",
  I1604: 'Mécanique automobile et entretien de véhicules',
  J1301: 'Personnel polyvalent des services hospitaliers',
  J1304: 'Aide en puériculture',
  J1501: "Soins d'hygiène, de confort du patient",
  J1506: 'Soins infirmiers généralistes',
  K1302: "Assistance auprès d'adultes",
  K1303: "Assistance auprès d'enfants",
  K1304: 'Services domestiques',
  K2204: 'Nettoyage de locaux',
  K2503: 'Sécurité et surveillance privées',
  M1203: 'Comptabilité',
  M1501: 'Assistanat en ressources humaines',
  M1601: 'Accueil et renseignements',
  M1602: 'Opérations administratives',
  M1603: 'Distribution de documents',
  M1607: 'Secrétariat',
  M1608: 'Secrétariat comptable',
  M1609: 'Secrétariat et assistanat médical ou médico-social',
  M1801: "Administration de systèmes d'information",
  M1805: 'Études et développement informatique',
  M1810: "Production et exploitation de systèmes d'information",
  N1101: "Conduite d'engins de déplacement des charges",
  N1103: 'Magasinage et préparation de commandes',
  N1105: 'Manutention manuelle de charges',
  N4101: 'Conduite de transport de marchandises sur longue distance',
  N4105: 'Conduite et livraison par tournées sur courte distance',
};

export function romeLabel(code: string): string {
  const label = ROME_LABELS[code];
  if (!label) throw new Error(`ROME code unknown to the demo seed: ${code}`);
  return label;
}

/** NAF rév. 2 labels of the codes used by the seed (stored without the dot). */
export const NAF_LABELS: Readonly<Record<string, string>> = {
  '1071C': 'Boulangerie et boulangerie-pâtisserie',
  '2562B': 'Mécanique industrielle',
  '4321A': "Travaux d'installation électrique dans tous locaux",
  '4334Z': 'Travaux de peinture et vitrerie',
  '4399C': 'Travaux de maçonnerie générale et gros œuvre de bâtiment',
  '4520A': 'Entretien et réparation de véhicules automobiles légers',
  '4711D': 'Supermarchés',
  '4722Z': 'Commerce de détail de viandes et de produits à base de viande en magasin spécialisé',
  '4711F': 'Hypermarchés',
  '4941B': 'Transports routiers de fret de proximité',
  '5210B': 'Entreposage et stockage non frigorifique',
  '5310Z': "Activités de poste dans le cadre d'une obligation de service universel",
  '5510Z': 'Hôtels et hébergement similaire',
  '5610A': 'Restauration traditionnelle',
  '6201Z': 'Programmation informatique',
  '6202A': 'Conseil en systèmes et logiciels informatiques',
  '6920Z': 'Activités comptables',
  '7820Z': 'Activités des agences de travail temporaire',
  '8010Z': 'Activités de sécurité privée',
  '8121Z': 'Nettoyage courant des bâtiments',
  '8610Z': 'Activités hospitalières',
  '8710A': 'Hébergement médicalisé pour personnes âgées',
  '8810A': 'Aide à domicile',
  '8891A': 'Accueil de jeunes enfants',
};

export function nafLabel(code: string): string {
  const label = NAF_LABELS[code];
  if (!label) throw new Error(`NAF code unknown to the demo seed: ${code}`);
  return label;
}

/** `6201Z` → `62.01Z`, as the tools display it. */
export function nafDisplay(code: string): string {
  return `${code.slice(0, 2)}.${code.slice(2)}`;
}
