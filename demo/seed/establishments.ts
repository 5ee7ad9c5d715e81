/**
 * Establishments of the demo "fiche-entreprise" tool, all in the Lyon area.
 * Fictitious companies (except La Poste) with Luhn-valid SIREN and SIRET: the
 * new ones were built with `buildSiret(sirenStem, nicStem)` from ./siret and are
 * written out so they can be searched for. The first five are the results of the
 * reference search page; LOGICIELS DU RHÔNE and LA POSTE carry exactly the
 * values of their reference pages.
 */
import { nafLabel, romeLabel } from './rome';
import type { SeedContactHistory, SeedEstablishment, SeedNeed } from './types';

const NBSP = '\u00a0';

type NeedInput = Omit<SeedNeed, 'label' | 'notedByAgency'> & { label?: string; notedByAgency?: string };

const AGENCY_OF: Record<string, string> = {
  'Jeanne MARTIN': 'Agence Lyon Part-Dieu',
  'Karim BENALI': 'Agence Villeurbanne',
  'Hélène ROUSSET': 'Agence Lyon Gerland',
  'Damien FABRE': 'Agence Vénissieux',
};

function need(input: NeedInput): SeedNeed {
  const label = input.rome ? romeLabel(input.rome) : input.label;
  if (!label) throw new Error('a need without ROME code needs a label');
  return { ...input, label, notedByAgency: input.notedByAgency ?? AGENCY_OF[input.notedBy] ?? 'Agence Lyon Part-Dieu' };
}

type EstablishmentInput = Omit<SeedEstablishment, 'naf' | 'needs' | 'history' | 'offers' | 'subtitle' | 'counsellor'> & {
  naf: string;
  needs?: NeedInput[];
  history?: SeedContactHistory[];
  offers?: string;
  subtitle?: string;
  counsellor?: string;
};

function fullName(c: { firstName?: string; lastName: string }): string {
  return c.firstName ? `${c.firstName} ${c.lastName}` : c.lastName;
}

function defaultHistory(e: EstablishmentInput, needs: SeedNeed[]): SeedContactHistory[] {
  const first = e.contacts[0];
  const contact = first ? fullName(first) : '—';
  const rows: SeedContactHistory[] = needs.map((n, i) => ({
    date: n.notedAt,
    type: i % 2 === 0 ? 'Téléphone' : 'Visite',
    contact,
    counsellor: n.notedBy,
    subject: `Besoin repéré${NBSP}: ${n.label}${n.positions ? ` (${n.positions} ${n.positions > 1 ? 'postes' : 'poste'})` : ''}`,
  }));
  rows.push({ date: '2026-01-20', type: 'Visite', contact, counsellor: e.counsellor ?? 'Jeanne MARTIN', subject: "Présentation de l'offre de service" });
  return rows.sort((a, b) => b.date.localeCompare(a.date));
}

function establishment(input: EstablishmentInput): SeedEstablishment {
  const needs = (input.needs ?? []).map(need);
  return {
    ...input,
    naf: { code: input.naf, label: nafLabel(input.naf) },
    subtitle: input.subtitle ?? 'établissement siège',
    counsellor: input.counsellor ?? 'Jeanne MARTIN',
    offers: input.offers ?? "Aucune offre d'emploi en cours de diffusion.",
    needs,
    history: input.history ?? defaultHistory(input, needs),
  };
}

export const ESTABLISHMENTS: readonly SeedEstablishment[] = [
  // ── The reference search results (tests/fixtures/legacy/fiche-entreprise/recherche.html) ──
  establishment({
    siret: '73282932000074', name: 'LOGICIELS DU RHÔNE', tradeName: 'Rhône Logiciels', subtitle: 'établissement siège',
    legalForm: 'SAS, société par actions simplifiée', naf: '6201Z',
    address: { street: '12 rue de la Villette', postcode: '69003', city: 'Lyon' },
    headcount: '20 à 49 salariés', createdOn: '2011-05-04',
    collectiveAgreement: "Bureaux d'études techniques (IDCC 1486)",
    contacts: [
      { civility: 'Mme', lastName: 'ROUSSEL', firstName: 'Claire', role: 'Responsable des ressources humaines', email: 'claire.roussel@example.com', phone: '06 78 45 12 30' },
      { civility: 'M.', lastName: 'GARNIER', firstName: 'Olivier', role: 'Directeur technique', email: 'o.garnier@example.com', phone: '07 61 22 33 44' },
    ],
    needs: [
      { rome: 'M1805', positions: 2, contractType: 'CDI', notedAt: '2026-10-14', notedBy: 'Karim BENALI', comment: 'développeurs Java / Angular, profils juniors acceptés.' },
      { label: 'Technicien support utilisateurs', positions: 1, contractType: 'CDD', notedAt: '2026-11-03', notedBy: 'Jeanne MARTIN', comment: 'remplacement de 6 mois, prise de poste souhaitée en janvier.' },
    ],
    history: [
      { date: '2026-11-03', type: 'Visite', contact: 'Claire ROUSSEL', counsellor: 'Jeanne MARTIN', subject: `Présentation de l'offre de service${NBSP}; besoin d'un technicien support (CDD 6 mois)` },
      { date: '2026-10-14', type: 'Téléphone', contact: 'Olivier GARNIER', counsellor: 'Karim BENALI', subject: 'Recrutement de deux développeurs en CDI' },
      { date: '2026-06-02', type: 'Courriel', contact: 'Claire ROUSSEL', counsellor: 'Jeanne MARTIN', subject: 'Envoi de la plaquette POEI' },
      { date: '2026-01-15', type: 'Visite', contact: '—', counsellor: 'Jeanne MARTIN', subject: `Première visite${NBSP}; établissement en croissance (+8 salariés en 2025)` },
    ],
  }),
  establishment({
    siret: '35600000009075', siretDisplay: '356 000 000 09075', name: 'LA POSTE', tradeName: 'PPDC LYON GERLAND', subtitle: 'PPDC Lyon Gerland',
    legalForm: "SA à conseil d'administration", naf: '5310Z',
    address: { street: '47 rue de Gerland', postcode: '69007', city: 'Lyon' },
    headcount: '100 à 199 salariés', createdOn: '1991-01-01',
    collectiveAgreement: "Accord d'entreprise La Poste",
    offers: "1 offre d'emploi diffusée par le siège régional (recrutement centralisé).",
    contacts: [
      { civility: 'M.', lastName: 'CHAUVIN', firstName: 'Patrick', role: 'Responsable de production courrier', phone: '06 80 11 22 33' },
    ],
    needs: [],
    history: [
      { date: '2026-09-09', type: 'Téléphone', contact: 'Patrick CHAUVIN', counsellor: 'Jeanne MARTIN', subject: 'Les recrutements de facteurs passent par le siège régional' },
      { date: '2026-03-21', type: 'Visite', contact: 'Patrick CHAUVIN', counsellor: 'Jeanne MARTIN', subject: 'Présentation de la méthode de recrutement par simulation (MRS)' },
    ],
  }),
  establishment({
    siret: '81234567600017', name: 'BOULANGERIE DES PENTES', tradeName: 'Aux Pains des Pentes',
    legalForm: 'SARL, société à responsabilité limitée', naf: '1071C',
    address: { street: '14 montée de la Grande Côte', postcode: '69001', city: 'Lyon' },
    headcount: '6 à 9 salariés', createdOn: '2015-09-01',
    collectiveAgreement: 'Boulangerie-pâtisserie artisanale (IDCC 843)',
    contacts: [
      { civility: 'M.', lastName: 'BONNET', firstName: 'Frédéric', role: 'Gérant', email: 'contact.pains-des-pentes@example.com', phone: '04 78 28 14 52' },
      { civility: 'Mme', lastName: 'BONNET', firstName: 'Isabelle', role: 'Responsable de la boutique', phone: '06 24 35 46 57' },
    ],
    needs: [
      { rome: 'D1102', positions: 1, contractType: 'ALT', notedAt: '2026-10-21', notedBy: 'Jeanne MARTIN', comment: 'apprenti(e) CAP boulanger, début des cours en janvier.' },
      { rome: 'D1106', positions: 1, contractType: 'CDD', notedAt: '2026-11-12', notedBy: 'Jeanne MARTIN', comment: 'renfort pour les fêtes de fin d\'année, du 01/12 au 10/01.' },
    ],
  }),
  establishment({
    siret: '79845123300026', name: 'PROPRETÉ LYONNAISE SERVICES', tradeName: 'PLS Nettoyage',
    legalForm: 'SAS, société par actions simplifiée', naf: '8121Z',
    address: { street: '165 avenue Paul Santy', postcode: '69008', city: 'Lyon' },
    headcount: '50 à 99 salariés', createdOn: '2013-11-18',
    collectiveAgreement: 'Entreprises de propreté et services associés (IDCC 3043)',
    contacts: [
      { civility: 'Mme', lastName: 'DA SILVA', firstName: 'Paula', role: "Responsable d'exploitation", email: 'p.dasilva.pls-nettoyage@example.com', phone: '06 45 12 78 96' },
      { civility: 'M.', lastName: 'VIDAL', firstName: 'Stéphane', role: 'Chef d\'équipe', phone: '07 56 23 89 14' },
      { civility: 'Mme', lastName: 'COLIN', firstName: 'Agnès', role: 'Assistante ressources humaines', email: 'rh.pls-nettoyage@example.com', phone: '04 72 78 40 10' },
    ],
    needs: [
      { rome: 'K2204', positions: 3, contractType: 'CDI', notedAt: '2026-11-05', notedBy: 'Jeanne MARTIN', comment: 'agents de propreté, horaires décalés (6 h – 9 h et 18 h – 21 h).' },
      { label: "Chef d'équipe propreté (secteur tertiaire)", positions: 1, contractType: 'CDI', notedAt: '2026-09-29', notedBy: 'Hélène ROUSSET' },
    ],
  }),
  establishment({
    siret: '84217690100010', name: 'TRANSPORTS LYON EST LOGISTIQUE', tradeName: 'TLEL',
    legalForm: 'SAS, société par actions simplifiée', naf: '4941B',
    address: { street: '8 rue du Dauphiné', postcode: '69800', city: 'Saint-Priest' },
    headcount: '20 à 49 salariés', createdOn: '2018-06-11',
    collectiveAgreement: 'Transports routiers et activités auxiliaires du transport (IDCC 16)',
    contacts: [
      { civility: 'M.', lastName: 'PERRET', firstName: 'Jérôme', role: "Responsable d'exploitation", email: 'j.perret.tlel@example.com', phone: '06 31 42 53 64' },
      { civility: 'Mme', lastName: 'RENAUD', firstName: 'Sylvie', role: 'Responsable administrative', email: 'accueil.tlel@example.com', phone: '04 78 90 12 34' },
    ],
    needs: [
      { rome: 'N4105', positions: 2, contractType: 'CDI', notedAt: '2026-10-30', notedBy: 'Damien FABRE', comment: 'chauffeurs-livreurs permis C, tournées sur l\'Est lyonnais.' },
      { rome: 'N1103', positions: 4, contractType: 'MIS', notedAt: '2026-11-16', notedBy: 'Jeanne MARTIN', comment: 'pic d\'activité de fin d\'année, missions de 6 semaines.' },
    ],
  }),

  // ── Other establishments of the Lyon area ──
  establishment({
    siret: '51284736900018', name: 'SAS HÔTELLERIE DES BROTTEAUX', tradeName: 'Hôtel des Brotteaux',
    legalForm: 'SAS, société par actions simplifiée', naf: '5510Z',
    address: { street: '21 boulevard des Brotteaux', postcode: '69006', city: 'Lyon' },
    headcount: '20 à 49 salariés', createdOn: '2009-03-16',
    collectiveAgreement: 'Hôtels, cafés, restaurants (IDCC 1979)',
    contacts: [
      { civility: 'Mme', lastName: 'LEROY', firstName: 'Nathalie', role: 'Directrice', email: 'direction.hotel-brotteaux@example.com', phone: '04 72 74 11 20' },
      { civility: 'M.', lastName: 'MASSON', firstName: 'Cédric', role: 'Gouvernant général', email: 'c.masson.hotel-brotteaux@example.com', phone: '06 47 58 69 70' },
    ],
    needs: [
      { rome: 'G1703', positions: 1, contractType: 'CDI', notedAt: '2026-11-09', notedBy: 'Jeanne MARTIN', comment: 'réceptionniste de nuit, anglais courant exigé.' },
      { rome: 'G1501', positions: 2, contractType: 'CDD', notedAt: '2026-10-02', notedBy: 'Jeanne MARTIN' },
    ],
  }),
  establishment({
    siret: '52947183100022', name: 'LE BOUCHON DES CANUTS', tradeName: 'Le Bouchon des Canuts',
    legalForm: 'SARL, société à responsabilité limitée', naf: '5610A',
    address: { street: '9 rue d\'Austerlitz', postcode: '69004', city: 'Lyon' },
    headcount: '10 à 19 salariés', createdOn: '2012-04-02',
    collectiveAgreement: 'Hôtels, cafés, restaurants (IDCC 1979)',
    contacts: [
      { civility: 'M.', lastName: 'DUBOIS', firstName: 'Marc', role: 'Gérant', email: 'bouchon.canuts@example.com', phone: '04 78 39 52 11' },
    ],
    needs: [
      { rome: 'G1602', positions: 1, contractType: 'CDI', notedAt: '2026-11-10', notedBy: 'Jeanne MARTIN', comment: 'commis de cuisine, service du midi et du soir, fermé le dimanche.' },
      { rome: 'G1803', positions: 2, contractType: 'SAI', notedAt: '2026-10-19', notedBy: 'Jeanne MARTIN' },
    ],
  }),
  establishment({
    siret: '48316925600011', name: 'GARAGE MODERNE DE VÉNISSIEUX', tradeName: 'Garage Moderne',
    legalForm: 'SARL, société à responsabilité limitée', naf: '4520A',
    address: { street: '58 boulevard Ambroise Croizat', postcode: '69200', city: 'Vénissieux' },
    headcount: '10 à 19 salariés', createdOn: '2004-10-11',
    collectiveAgreement: "Services de l'automobile (IDCC 1090)",
    contacts: [
      { civility: 'M.', lastName: 'LOPEZ', firstName: 'Antonio', role: 'Chef d\'atelier', email: 'atelier.garage-moderne@example.com', phone: '06 52 63 74 85' },
      { civility: 'Mme', lastName: 'LOPEZ', firstName: 'Carmen', role: 'Gérante', phone: '04 78 70 22 18' },
    ],
    needs: [
      { rome: 'I1604', positions: 1, contractType: 'CDI', notedAt: '2026-10-26', notedBy: 'Damien FABRE', comment: 'mécanicien confirmé, diagnostic électronique apprécié.' },
    ],
  }),
  establishment({
    siret: '50673214800032', name: 'CLINIQUE DES CHARPENNES', tradeName: 'Clinique des Charpennes',
    legalForm: 'SAS, société par actions simplifiée', naf: '8610Z',
    address: { street: '27 rue Louis Becker', postcode: '69100', city: 'Villeurbanne' },
    headcount: '200 à 249 salariés', createdOn: '1987-02-02',
    collectiveAgreement: 'Hospitalisation privée (IDCC 2264)',
    contacts: [
      { civility: 'Mme', lastName: 'FOURNIER', firstName: 'Christine', role: 'Directrice des soins', email: 'c.fournier.clinique-charpennes@example.com', phone: '04 72 43 80 00' },
      { civility: 'M.', lastName: 'SCHMITT', firstName: 'Olivier', role: 'Responsable des ressources humaines', email: 'recrutement.clinique-charpennes@example.com', phone: '04 72 43 80 12' },
    ],
    needs: [
      { rome: 'J1501', positions: 3, contractType: 'CDD', notedAt: '2026-11-04', notedBy: 'Karim BENALI', comment: 'aides-soignants, remplacements de nuit.' },
      { rome: 'J1506', positions: 2, contractType: 'CDI', notedAt: '2026-10-08', notedBy: 'Karim BENALI' },
      { rome: 'J1301', positions: 1, contractType: 'CDD', notedAt: '2026-11-17', notedBy: 'Jeanne MARTIN' },
    ],
  }),
  establishment({
    siret: '77561829100014', name: 'ASSOCIATION RÉSIDENCE LES GLYCINES', tradeName: 'EHPAD Les Glycines',
    legalForm: 'Association déclarée', naf: '8710A',
    address: { street: '14 avenue Camille Rousset', postcode: '69500', city: 'Bron' },
    headcount: '50 à 99 salariés', createdOn: '1979-09-24',
    collectiveAgreement: 'Établissements privés sanitaires, sociaux et médico-sociaux à but non lucratif (IDCC 29)',
    contacts: [
      { civility: 'Mme', lastName: 'BRUN', firstName: 'Catherine', role: 'Directrice', email: 'direction.ehpad-glycines@example.fr', phone: '04 78 26 54 00' },
      { civility: 'M.', lastName: 'PICARD', firstName: 'Yves', role: 'Infirmier coordinateur', phone: '06 12 98 76 54' },
    ],
    needs: [
      { rome: 'J1501', positions: 2, contractType: 'CDI', notedAt: '2026-11-02', notedBy: 'Jeanne MARTIN', comment: 'aides-soignants diplômés, week-ends travaillés un sur deux.' },
      { label: 'Agent de service hospitalier (ASH)', positions: 1, contractType: 'CDD', notedAt: '2026-11-18', notedBy: 'Jeanne MARTIN' },
    ],
  }),
  establishment({
    siret: '44128573100044', name: 'AIDE ET DOMICILE RHÔNE', tradeName: 'ADR Services',
    legalForm: 'Association déclarée', naf: '8810A',
    address: { street: '3 rue Émile Zola', postcode: '69120', city: 'Vaulx-en-Velin' },
    headcount: '100 à 199 salariés', createdOn: '1998-01-05',
    collectiveAgreement: "Branche de l'aide, de l'accompagnement, des soins et des services à domicile (IDCC 2941)",
    contacts: [
      { civility: 'Mme', lastName: 'GARNIER', firstName: 'Martine', role: 'Responsable de secteur', email: 'm.garnier.adr-services@example.fr', phone: '04 72 37 60 60' },
    ],
    needs: [
      { rome: 'K1302', positions: 5, contractType: 'CDI', notedAt: '2026-10-12', notedBy: 'Jeanne MARTIN', comment: 'auxiliaires de vie, véhicule indispensable, temps partiel possible.' },
      { rome: 'K1304', positions: 2, contractType: 'CDD', notedAt: '2026-11-08', notedBy: 'Karim BENALI' },
    ],
  }),
  establishment({
    siret: '53890412900011', name: 'ÉLECTRICITÉ BÂTIMENT LYONNAIS', tradeName: 'EBL',
    legalForm: 'SARL, société à responsabilité limitée', naf: '4321A',
    address: { street: '40 rue Jules Guesde', postcode: '69190', city: 'Saint-Fons' },
    headcount: '20 à 49 salariés', createdOn: '2010-07-19',
    collectiveAgreement: 'Bâtiment ouvriers – entreprises de plus de 10 salariés (IDCC 1597)',
    contacts: [
      { civility: 'M.', lastName: 'CHARLES', firstName: 'Benoît', role: 'Conducteur de travaux', email: 'b.charles.ebl-elec@example.com', phone: '06 87 65 43 21' },
      { civility: 'Mme', lastName: 'NICOLAS', firstName: 'Sandra', role: 'Assistante de direction', email: 'contact.ebl-elec@example.com', phone: '04 78 67 10 10' },
    ],
    needs: [
      { rome: 'F1602', positions: 1, contractType: 'ALT', notedAt: '2026-09-15', notedBy: 'Damien FABRE', comment: 'apprenti BP électricien.' },
      { rome: 'F1602', positions: 1, contractType: 'CDI', notedAt: '2026-11-13', notedBy: 'Jeanne MARTIN', comment: 'électricien habilité B1V-BR, chantiers tertiaires.' },
    ],
  }),
  establishment({
    siret: '49215786200029', name: 'MAÇONNERIE DU VAL DE SAÔNE', tradeName: 'MVS Bâtiment',
    legalForm: 'SARL, société à responsabilité limitée', naf: '4399C',
    address: { street: '5 chemin des Grandes Terres', postcode: '69250', city: 'Neuville-sur-Saône' },
    headcount: '10 à 19 salariés', createdOn: '2001-05-14',
    collectiveAgreement: 'Bâtiment ouvriers – entreprises de plus de 10 salariés (IDCC 1597)',
    contacts: [
      { civility: 'M.', lastName: 'RIVIÈRE', firstName: 'Gilles', role: 'Gérant', phone: '06 09 87 65 43' },
    ],
    needs: [
      { rome: 'F1703', positions: 2, contractType: 'CDI', notedAt: '2026-10-05', notedBy: 'Jeanne MARTIN', comment: 'maçons qualifiés (N2P2 minimum).' },
    ],
  }),
  establishment({
    siret: '83047261900014', name: 'DISTRIBUTION PORTE DES ALPES', tradeName: 'Hyper Porte des Alpes',
    legalForm: 'SAS, société par actions simplifiée', naf: '4711F',
    address: { street: 'Rue du Progrès', postcode: '69800', city: 'Saint-Priest' },
    headcount: '250 à 499 salariés', createdOn: '1994-03-28',
    collectiveAgreement: 'Commerce de détail et de gros à prédominance alimentaire (IDCC 2216)',
    contacts: [
      { civility: 'Mme', lastName: 'MARCHAND', firstName: 'Valérie', role: 'Responsable des ressources humaines', email: 'recrutement.hyper-pda@example.com', phone: '04 72 23 45 00' },
      { civility: 'M.', lastName: 'LEMAIRE', firstName: 'David', role: 'Manager caisses', email: 'd.lemaire.hyper-pda@example.com', phone: '06 70 81 92 03' },
      { civility: 'M.', lastName: 'BARBIER', firstName: 'Franck', role: 'Chef de rayon épicerie', phone: '06 71 82 93 04' },
    ],
    needs: [
      { rome: 'D1505', positions: 4, contractType: 'CDD', notedAt: '2026-11-06', notedBy: 'Damien FABRE', comment: 'hôtes et hôtesses de caisse pour les fêtes, 25 h par semaine.' },
      { rome: 'D1507', positions: 3, contractType: 'MIS', notedAt: '2026-11-14', notedBy: 'Jeanne MARTIN' },
    ],
  }),
  establishment({
    siret: '80965132600054', name: 'SUPERMARCHÉ DE LA CROIX-ROUSSE', tradeName: 'Marché Croix-Rousse',
    legalForm: 'SAS, société par actions simplifiée', naf: '4711D',
    address: { street: '102 boulevard de la Croix-Rousse', postcode: '69004', city: 'Lyon' },
    headcount: '20 à 49 salariés', createdOn: '2014-08-25',
    collectiveAgreement: 'Commerce de détail et de gros à prédominance alimentaire (IDCC 2216)',
    contacts: [
      { civility: 'M.', lastName: 'ROBIN', firstName: 'Laurent', role: 'Directeur du magasin', email: 'direction.marche-croixrousse@example.fr', phone: '04 78 29 31 41' },
    ],
    needs: [
      { rome: 'D1106', positions: 1, contractType: 'CDI', notedAt: '2026-10-23', notedBy: 'Jeanne MARTIN', comment: 'vendeur(se) au rayon fruits et légumes.' },
      { rome: 'D1505', positions: 1, contractType: 'CDD', notedAt: '2026-11-19', notedBy: 'Jeanne MARTIN' },
    ],
  }),
  establishment({
    siret: '41732658400014', name: 'LOGISTIQUE RHÔNE-ALPES ENTREPOSAGE', tradeName: 'LRA Entrepôts',
    legalForm: 'SAS, société par actions simplifiée', naf: '5210B',
    address: { street: '12 rue Marcel Mérieux', postcode: '69960', city: 'Corbas' },
    headcount: '100 à 199 salariés', createdOn: '2007-02-12',
    collectiveAgreement: 'Transports routiers et activités auxiliaires du transport (IDCC 16)',
    contacts: [
      { civility: 'M.', lastName: 'BERNARD', firstName: 'Sébastien', role: 'Directeur de site', email: 's.bernard.lra-entrepots@example.com', phone: '04 72 50 60 70' },
      { civility: 'Mme', lastName: 'GIRAUD', firstName: 'Élise', role: 'Chargée de recrutement', email: 'recrutement.lra-entrepots@example.com', phone: '06 54 65 76 87' },
    ],
    needs: [
      { rome: 'N1103', positions: 6, contractType: 'MIS', notedAt: '2026-11-11', notedBy: 'Damien FABRE', comment: 'préparateurs de commandes, équipes 2x8.' },
      { rome: 'N1101', positions: 2, contractType: 'CDI', notedAt: '2026-10-27', notedBy: 'Jeanne MARTIN', comment: 'caristes CACES R489 catégories 3 et 5.' },
      { rome: 'N1105', positions: 3, contractType: 'MIS', notedAt: '2026-11-19', notedBy: 'Jeanne MARTIN' },
    ],
  }),
  establishment({
    siret: '52284097400011', name: 'ATELIERS MÉTALLIQUES DE FEYZIN', tradeName: 'AMF',
    legalForm: 'SAS, société par actions simplifiée', naf: '2562B',
    address: { street: '7 rue de la Raffinerie', postcode: '69320', city: 'Feyzin' },
    headcount: '50 à 99 salariés', createdOn: '1996-06-03',
    collectiveAgreement: 'Métallurgie (IDCC 3248)',
    contacts: [
      { civility: 'M.', lastName: 'GAILLARD', firstName: 'Thierry', role: 'Responsable de production', email: 't.gaillard.amf-feyzin@example.com', phone: '06 23 34 45 56' },
      { civility: 'Mme', lastName: 'PERROT', firstName: 'Anne', role: 'Responsable des ressources humaines', email: 'rh.amf-feyzin@example.com', phone: '04 78 02 33 44' },
    ],
    needs: [
      { rome: 'H2913', positions: 2, contractType: 'CDI', notedAt: '2026-10-16', notedBy: 'Damien FABRE', comment: 'soudeurs TIG/MIG, qualification EN ISO 9606-1 souhaitée.' },
      { rome: 'H2909', positions: 1, contractType: 'MIS', notedAt: '2026-11-12', notedBy: 'Jeanne MARTIN' },
    ],
  }),
  establishment({
    siret: '88126453500017', name: "AUDIT & CONSEIL PRESQU'ÎLE", tradeName: 'ACP Expertise',
    legalForm: "SELAS, société d'exercice libéral par actions simplifiée", naf: '6920Z',
    address: { street: '18 rue de la Charité', postcode: '69002', city: 'Lyon' },
    headcount: '10 à 19 salariés', createdOn: '2016-01-11',
    collectiveAgreement: "Cabinets d'experts-comptables et de commissaires aux comptes (IDCC 787)",
    contacts: [
      { civility: 'Mme', lastName: 'MICHEL', firstName: 'Hélène', role: 'Expert-comptable associée', email: 'h.michel.acp-expertise@example.fr', phone: '04 78 42 10 20' },
      { civility: 'M.', lastName: 'AUBERT', firstName: 'Vincent', role: 'Responsable administratif', phone: '04 78 42 10 21' },
    ],
    needs: [
      { rome: 'M1203', positions: 1, contractType: 'CDI', notedAt: '2026-11-05', notedBy: 'Jeanne MARTIN', comment: 'collaborateur comptable, portefeuille de TPE.' },
      { rome: 'M1607', positions: 1, contractType: 'CDD', notedAt: '2026-11-18', notedBy: 'Jeanne MARTIN', comment: 'remplacement congé maternité, 4 mois.' },
    ],
  }),
  establishment({
    siret: '45071928100021', name: 'VIGILANCE RHÔNE SÉCURITÉ', tradeName: 'VRS',
    legalForm: 'SAS, société par actions simplifiée', naf: '8010Z',
    address: { street: '88 cours Tolstoï', postcode: '69100', city: 'Villeurbanne' },
    headcount: '100 à 199 salariés', createdOn: '2003-10-06',
    collectiveAgreement: 'Entreprises de prévention et de sécurité (IDCC 1351)',
    contacts: [
      { civility: 'M.', lastName: 'MARTINEZ', firstName: 'José', role: "Responsable d'agence", email: 'agence.lyon.vrs-securite@example.com', phone: '04 72 65 98 00' },
    ],
    needs: [
      { rome: 'K2503', positions: 3, contractType: 'CDI', notedAt: '2026-10-20', notedBy: 'Karim BENALI', comment: 'agents SSIAP 1, carte professionnelle à jour.' },
    ],
  }),
  establishment({
    siret: '89713046400018', name: 'RHÔNE INTÉRIM SERVICES', tradeName: 'RIS Intérim',
    legalForm: 'SAS, société par actions simplifiée', naf: '7820Z',
    address: { street: '5 rue Mazenod', postcode: '69003', city: 'Lyon' },
    headcount: '10 à 19 salariés', createdOn: '2019-04-15',
    collectiveAgreement: 'Personnel permanent des entreprises de travail temporaire (IDCC 2378)',
    contacts: [
      { civility: 'Mme', lastName: 'JOLY', firstName: 'Audrey', role: "Responsable d'agence", email: 'lyon3.ris-interim@example.com', phone: '04 78 60 70 80' },
      { civility: 'M.', lastName: 'HUBERT', firstName: 'Kévin', role: 'Chargé de recrutement', email: 'k.hubert.ris-interim@example.com', phone: '06 40 50 60 70' },
    ],
    needs: [],
  }),
  establishment({
    siret: '39468215700034', name: 'LES PETITS CANUTS', tradeName: 'Crèche Les Petits Canuts',
    legalForm: 'SAS, société par actions simplifiée', naf: '8891A',
    address: { street: '25 rue d\'Ivry', postcode: '69004', city: 'Lyon' },
    headcount: '10 à 19 salariés', createdOn: '2017-09-04',
    collectiveAgreement: 'Acteurs du lien social et familial (IDCC 1261)',
    contacts: [
      { civility: 'Mme', lastName: 'CARON', firstName: 'Mélanie', role: 'Directrice de la crèche', email: 'direction.petits-canuts@example.fr', phone: '04 78 30 40 50' },
    ],
    needs: [
      { rome: 'K1303', positions: 1, contractType: 'CDI', notedAt: '2026-11-03', notedBy: 'Jeanne MARTIN', comment: 'titulaire du CAP AEPE.' },
      { rome: 'J1304', positions: 1, contractType: 'CDD', notedAt: '2026-11-15', notedBy: 'Jeanne MARTIN' },
    ],
  }),
  establishment({
    siret: '90182736000016', name: 'NUMÉRIQUE OUEST LYONNAIS', tradeName: 'NOL Conseil',
    legalForm: 'SAS, société par actions simplifiée', naf: '6202A',
    address: { street: '36 avenue Guy de Collongue', postcode: '69130', city: 'Écully' },
    headcount: '50 à 99 salariés', createdOn: '2020-02-03',
    collectiveAgreement: "Bureaux d'études techniques (IDCC 1486)",
    contacts: [
      { civility: 'M.', lastName: 'LEGRAND', firstName: 'Arnaud', role: 'Directeur technique', email: 'a.legrand.nol-conseil@example.com', phone: '06 33 44 55 66' },
      { civility: 'Mme', lastName: 'MEUNIER', firstName: 'Sarah', role: 'Talent acquisition', email: 'jobs.nol-conseil@example.com', phone: '04 37 64 20 00' },
    ],
    needs: [
      { rome: 'M1805', positions: 2, contractType: 'CDI', notedAt: '2026-11-10', notedBy: 'Hélène ROUSSET', comment: 'développeurs TypeScript <confirmés> ou juniors motivés.' },
      { rome: 'M1801', positions: 1, contractType: 'CDI', notedAt: '2026-10-28', notedBy: 'Hélène ROUSSET' },
      { label: 'Chef de projet data', positions: 1, contractType: 'CDI', notedAt: '2026-11-19', notedBy: 'Jeanne MARTIN' },
    ],
  }),
  establishment({
    siret: '51947302900014', name: 'BOUCHERIE CHARCUTERIE DE CALUIRE', tradeName: 'Maison Ferrand',
    legalForm: 'EURL, entreprise unipersonnelle à responsabilité limitée', naf: '4722Z',
    address: { street: '54 Grande Rue', postcode: '69300', city: 'Caluire-et-Cuire' },
    headcount: '3 à 5 salariés', createdOn: '2008-11-17',
    collectiveAgreement: 'Boucherie, boucherie-charcuterie et boucherie hippophagique (IDCC 992)',
    contacts: [
      { civility: 'M.', lastName: 'FERRAND', firstName: 'Bruno', role: 'Artisan boucher, gérant', phone: '04 78 23 45 67' },
    ],
    needs: [
      { rome: 'D1101', positions: 1, contractType: 'ALT', notedAt: '2026-10-07', notedBy: 'Jeanne MARTIN', comment: 'apprenti CAP boucher.' },
    ],
  }),
  establishment({
    siret: '82356014900028', name: "PEINTURE DÉCORATION DU MONT D'OR", tradeName: 'PDMO',
    legalForm: 'SARL, société à responsabilité limitée', naf: '4334Z',
    address: { street: '12 avenue de Lanessan', postcode: '69410', city: "Champagne-au-Mont-d'Or" },
    headcount: '6 à 9 salariés', createdOn: '2016-10-03',
    collectiveAgreement: "Bâtiment ouvriers – entreprises jusqu'à 10 salariés (IDCC 1596)",
    contacts: [
      { civility: 'M.', lastName: 'LACROIX', firstName: 'Hervé', role: 'Gérant', email: 'pdmo@example.com', phone: '06 14 15 16 17' },
      { civility: 'Mme', lastName: 'LACROIX', firstName: 'Corinne', role: 'Secrétariat', phone: '04 78 35 21 09' },
    ],
    needs: [
      { rome: 'F1606', positions: 1, contractType: 'CDD', notedAt: '2026-11-16', notedBy: 'Jeanne MARTIN', comment: 'peintre finitions, chantiers de rénovation chez les particuliers.' },
    ],
  }),
];

export function findEstablishment(siret: string): SeedEstablishment | undefined {
  const wanted = siret.replace(/[\s\u00a0\u202f]/g, '');
  return ESTABLISHMENTS.find((e) => e.siret === wanted);
}
