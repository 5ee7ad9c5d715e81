/**
 * Job seekers of the demo "dossier-demandeur" tool: Jeanne MARTIN's portfolio at
 * Agence Lyon Part-Dieu. Fictitious people; the first eight are those of the
 * reference portfolio page, and 1234567A, 12345678901 and 7654321B carry
 * exactly the values of their reference pages (tests/fixtures/legacy/).
 */
import { fileNamePart, frDate } from '../format';
import { romeLabel } from './rome';
import type { SeedFileEvent, SeedJobSeeker } from './types';

const NBSP = '\u00a0';

type SeekerInput = Omit<SeedJobSeeker, 'targetJobs' | 'cv' | 'notice' | 'events' | 'jsf' | 'preferredContact' | 'support' | 'workingTime' | 'salary' | 'education' | 'languages'> & {
  /** ROME codes, the main job first. */
  jobs: string[];
  cv?: { sizeKo: number; uploadedOn: string };
  preferredContact?: string;
  support?: string;
  workingTime?: string;
  salary?: string;
  education?: string;
  languages?: string;
  notice?: string;
  events?: SeedFileEvent[];
  lastInterview?: string;
  jsf?: SeedJobSeeker['jsf'];
};

function hashOf(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/** Deterministic JSF ids and view state, as the legacy tool generates them per page. */
function jsfFor(ftId: string): SeedJobSeeker['jsf'] {
  const h = hashOf(ftId);
  const a = BigInt(hashOf(`${ftId}:a`)) * 2147483647n - 1n;
  const b = BigInt(hashOf(`${ftId}:b`)) * 1000003n;
  return { form: 20 + (h % 15), panel: 40 + ((h >>> 8) % 30), viewState: `${h % 2 ? '-' : ''}${a}:${b}` };
}

function defaultEvents(input: SeekerInput, cvFileName: string | undefined): SeedFileEvent[] {
  const events: SeedFileEvent[] = [];
  if (input.lastInterview) {
    events.push({ date: input.lastInterview, type: 'Entretien', subject: 'Entretien de suivi mensuel', author: 'Jeanne MARTIN' });
  }
  if (input.cv && cvFileName) {
    events.push({ date: input.cv.uploadedOn, type: 'Document', subject: `Dépôt du CV (${cvFileName})`, author: 'Espace personnel' });
  }
  if (input.promotionConsent.granted) {
    events.push({ date: input.promotionConsent.since, type: 'Consentement', subject: 'Autorisation de promotion du profil', author: 'Espace personnel' });
  }
  events.push({ date: input.registeredOn, type: 'Inscription', subject: `Inscription catégorie ${input.category}`, author: 'Agence Lyon Part-Dieu' });
  return events.sort((x, y) => y.date.localeCompare(x.date));
}

function seeker(input: SeekerInput): SeedJobSeeker {
  const { jobs, cv, lastInterview: _lastInterview, ...rest } = input;
  const cvFileName = cv ? `CV_${fileNamePart(input.firstName)}_${fileNamePart(input.lastName)}.pdf` : undefined;
  const events = input.events ?? defaultEvents(input, cvFileName);
  const notice =
    input.notice ??
    (input.promotionConsent.granted
      ? `Dernière mise à jour du dossier le ${frDate(events[0]!.date)} par Jeanne MARTIN.`
      : "Le demandeur n'a pas autorisé la promotion de son profil auprès des employeurs.");
  return {
    ...rest,
    preferredContact: input.preferredContact ?? (input.email ? 'Courriel' : 'Téléphone'),
    support: input.support ?? 'Guidé',
    workingTime: input.workingTime ?? 'Temps plein',
    salary: input.salary ?? 'Non précisé',
    education: input.education ?? 'CAP / BEP (niveau 3)',
    languages: input.languages ?? `Anglais${NBSP}: notions`,
    targetJobs: jobs.map((rome, i) => ({ rome, label: romeLabel(rome), main: i === 0 })),
    ...(cv && cvFileName ? { cv: { fileName: cvFileName, ...cv } } : {}),
    notice,
    events,
    jsf: input.jsf ?? jsfFor(input.ftId),
  };
}

const mobile = (number: string) => ({ kind: 'mobile' as const, number });

export const JOB_SEEKERS: readonly SeedJobSeeker[] = [
  // ── The reference portfolio (tests/fixtures/legacy/dossier-demandeur/portefeuille.html) ──
  seeker({
    ftId: '1234567A', civility: 'Mme', lastName: 'DUPONT', firstName: 'Marie',
    registeredOn: '2024-02-14', category: 'A', support: 'Guidé',
    street: '8 rue Paul Bert', postcode: '69003', city: 'Lyon',
    email: 'marie.dupont@example.fr', phones: [mobile('06 12 34 56 78')], preferredContact: 'Courriel',
    promotionConsent: { granted: true, since: '2025-03-12' },
    jobs: ['M1607', 'M1602'], contractTypes: ['CDI', 'CDD'], workingTime: 'Temps plein',
    availability: { immediate: true }, salary: '1 900 € brut mensuel',
    skills: [
      'Rédiger des courriers administratifs',
      'Gérer un agenda',
      'Accueillir et orienter les visiteurs',
      'Saisir et mettre en forme des documents',
      'Classer et archiver des dossiers',
    ],
    softSkills: ["Sens de l'organisation", 'Rigueur', 'Sens de la communication'],
    qualification: 6, experienceYears: 4, education: 'Bac (niveau 4)', languages: `Anglais${NBSP}: intermédiaire`,
    drivingLicences: ['B'], mobility: { radiusKm: 30, vehicle: true, publicTransport: 'Oui' },
    cv: { sizeKo: 184, uploadedOn: '2026-10-02' },
    notice: 'Dernière mise à jour du dossier le 14/11/2026 par Jeanne MARTIN.',
    events: [
      { date: '2026-11-14', type: 'Entretien', subject: 'Entretien de suivi mensuel', author: 'Jeanne MARTIN' },
      { date: '2026-10-02', type: 'Document', subject: 'Dépôt du CV (CV_Marie_DUPONT.pdf)', author: 'Espace personnel' },
      { date: '2026-09-18', type: 'Mise en relation', subject: 'Offre 187KJQW – Secrétaire médicale (H/F)', author: 'Jeanne MARTIN' },
      { date: '2025-03-12', type: 'Consentement', subject: 'Autorisation de promotion du profil', author: 'Espace personnel' },
      { date: '2024-02-14', type: 'Inscription', subject: 'Inscription catégorie A', author: 'Agence Lyon Part-Dieu' },
    ],
    jsf: { form: 23, panel: 47, viewState: '-4120359028123398791:3617650472183849420' },
  }),
  seeker({
    ftId: '12345678901', civility: 'M.', lastName: 'BOUZID', firstName: 'Yanis',
    registeredOn: '2026-06-03', category: 'A', support: 'Suivi',
    street: '27 avenue Jean Jaurès', postcode: '69200', city: 'Vénissieux',
    email: 'yanis.bouzid@example.com', phones: [mobile('07 45 12 89 30')], preferredContact: 'SMS',
    promotionConsent: { granted: false },
    jobs: ['N1103', 'N1101'], contractTypes: ['MIS', 'CDD', 'CDI'], workingTime: 'Temps plein',
    availability: { immediate: true }, salary: 'Non précisé',
    skills: [
      "Préparer les commandes à l'aide d'un terminal de lecture optique",
      'Conduire un chariot élévateur',
      'Contrôler la conformité des produits reçus',
      'Emballer et étiqueter les colis',
    ],
    softSkills: ['Travail en équipe', 'Réactivité'],
    qualification: 3, experienceYears: 2, education: 'CAP / BEP (niveau 3)', languages: `Arabe${NBSP}: courant`,
    drivingLicences: ['B'], certifications: "CACES R489 catégories 1A, 3 et 5 (valide jusqu'au 11/04/2029)",
    mobility: { radiusKm: 20, vehicle: false, publicTransport: 'Oui (TCL)' },
    cv: { sizeKo: 96, uploadedOn: '2026-06-10' },
    notice: "Le demandeur n'a pas autorisé la promotion de son profil auprès des employeurs.",
    events: [
      { date: '2026-11-05', type: 'Entretien', subject: 'Entretien de situation (téléphonique)', author: 'Jeanne MARTIN' },
      { date: '2026-09-21', type: 'Prestation', subject: `Atelier «${NBSP}Valoriser son CV${NBSP}»`, author: 'Agence Lyon Part-Dieu' },
      { date: '2026-06-10', type: 'Document', subject: 'Dépôt du CV (CV_Yanis_BOUZID.pdf)', author: 'Espace personnel' },
      { date: '2026-06-03', type: 'Inscription', subject: 'Réinscription catégorie A', author: 'Espace personnel' },
    ],
    jsf: { form: 28, panel: 52, viewState: '2278130051476339027:-881244517200944117' },
  }),
  seeker({
    ftId: '7654321B', civility: 'Mme', lastName: 'LEFÈVRE', firstName: 'Sandrine',
    registeredOn: '2024-08-22', category: 'B', support: 'Renforcé',
    street: '3 impasse des Tanneurs', postcode: '69100', city: 'Villeurbanne',
    phones: [mobile('06 71 23 45 98'), { kind: 'other', number: '+33 6 48 90 12 34' }], preferredContact: 'Téléphone',
    promotionConsent: { granted: true, since: '2024-09-28' },
    jobs: ['K2204', 'G1603'], contractTypes: ['CDD', 'CDI'], workingTime: 'Temps partiel (24 h minimum)',
    availability: { immediate: false, from: '2027-01-05' }, salary: 'SMIC',
    skills: [
      'Nettoyer des surfaces et des sols',
      'Utiliser une autolaveuse',
      'Trier et évacuer les déchets',
      "Respecter les protocoles d'hygiène",
    ],
    softSkills: ['Autonomie', 'Persévérance'],
    qualification: 5, experienceYears: 7, education: 'Sans diplôme', languages: `Portugais${NBSP}: langue maternelle`,
    drivingLicences: [],
    notice: `Dossier incomplet${NBSP}: courriel et mobilité à compléter lors du prochain entretien.`,
    events: [
      { date: '2026-11-07', type: 'Entretien', subject: "Point d'étape – fin de formation prévue le 18/12/2026", author: 'Jeanne MARTIN' },
      { date: '2026-10-15', type: 'Formation', subject: `Entrée en formation «${NBSP}Agent de propreté et d'hygiène${NBSP}»`, author: 'Organisme AFPA' },
      { date: '2024-09-28', type: 'Consentement', subject: 'Autorisation de promotion du profil', author: 'Espace personnel' },
    ],
    jsf: { form: 31, panel: 61, viewState: '5521906687401273361:1093382271560445518' },
  }),
  seeker({
    ftId: '3456789C', civility: 'Mme', lastName: 'NGUYEN', firstName: 'Thi Lan',
    registeredOn: '2025-04-07', category: 'A',
    street: '41 avenue Jean Jaurès', postcode: '69007', city: 'Lyon',
    email: 'thilan.nguyen@example.fr', phones: [mobile('06 23 45 67 81')],
    promotionConsent: { granted: true, since: '2025-06-03' },
    jobs: ['D1106', 'D1505'], contractTypes: ['CDI', 'CDD'], availability: { immediate: true },
    skills: [
      'Conseiller la clientèle sur les produits frais',
      "Mettre en valeur les produits sur l'étal",
      'Encaisser les achats',
      'Contrôler les dates limites de consommation',
    ],
    softSkills: ['Sens du service', 'Ponctualité'],
    qualification: 6, experienceYears: 3, languages: `Vietnamien${NBSP}: langue maternelle ; Anglais${NBSP}: intermédiaire`,
    drivingLicences: [], mobility: { radiusKm: 10, vehicle: false, publicTransport: 'Oui (TCL)' },
    cv: { sizeKo: 121, uploadedOn: '2025-05-20' }, lastInterview: '2026-11-10',
  }),
  seeker({
    ftId: '4567890D', civility: 'M.', lastName: 'MOREAU', firstName: 'Kévin',
    registeredOn: '2026-01-12', category: 'A', support: 'Suivi',
    street: '15 rue Gambetta', postcode: '69200', city: 'Vénissieux',
    email: 'kevin.moreau@example.com', phones: [mobile('06 98 76 54 32')],
    promotionConsent: { granted: false },
    jobs: ['H2913', 'H2902'], contractTypes: ['CDI', 'MIS'], availability: { immediate: true },
    skills: ['Souder à l\'arc (procédés TIG et MIG/MAG)', 'Lire un plan de fabrication', 'Contrôler la qualité des soudures', 'Préparer les pièces (meulage, chanfreinage)'],
    softSkills: ['Précision', 'Autonomie'],
    qualification: 4, experienceYears: 8,
    drivingLicences: ['B'], certifications: 'Qualification soudeur TIG 141 (EN ISO 9606-1)',
    mobility: { radiusKm: 40, vehicle: true, publicTransport: 'Non' },
    cv: { sizeKo: 88, uploadedOn: '2026-01-30' }, lastInterview: '2026-11-03',
  }),
  seeker({
    ftId: '5678901E', civility: 'Mme', lastName: 'ROCHE', firstName: 'Élodie',
    registeredOn: '2025-09-01', category: 'C', support: 'Suivi',
    street: '5 avenue Franklin Roosevelt', postcode: '69500', city: 'Bron',
    email: 'elodie.roche@example.fr', phones: [mobile('06 45 78 12 39'), { kind: 'fixed', number: '04 78 26 11 40' }],
    promotionConsent: { granted: true, since: '2025-09-15' },
    jobs: ['J1501', 'K1302'], contractTypes: ['CDI', 'CDD'], availability: { immediate: false, from: '2026-12-01' },
    workingTime: 'Temps plein (travail de nuit accepté)',
    skills: ["Réaliser les soins d'hygiène et de confort", 'Aider à la prise des repas', 'Surveiller les paramètres vitaux', 'Transmettre les observations à l\'équipe soignante'],
    softSkills: ['Empathie', 'Discrétion'],
    qualification: 6, experienceYears: 5, education: "Diplôme d'État d'aide-soignant (niveau 4)",
    drivingLicences: ['B'], mobility: { radiusKm: 25, vehicle: true, publicTransport: 'Oui (TCL)' },
    cv: { sizeKo: 143, uploadedOn: '2025-10-08' }, lastInterview: '2026-10-28',
  }),
  seeker({
    ftId: '6789012F', civility: 'M.', lastName: 'PETIT-JEAN', firstName: 'Antoine',
    registeredOn: '2026-03-02', category: 'A',
    street: '22 route de Lyon', postcode: '69800', city: 'Saint-Priest',
    email: 'antoine.petitjean@example.com', phones: [mobile('07 82 14 36 58')],
    promotionConsent: { granted: true, since: '2026-03-16' },
    jobs: ['I1604'], contractTypes: ['CDI'], availability: { immediate: true },
    skills: ['Diagnostiquer une panne à la valise', 'Réaliser les vidanges et la révision', 'Remplacer freins et embrayages', 'Entretenir la climatisation'],
    softSkills: ['Rigueur', 'Sens du service'],
    qualification: 3, experienceYears: 6, education: 'Bac professionnel maintenance des véhicules (niveau 4)',
    drivingLicences: ['B', 'C'], mobility: { radiusKm: 30, vehicle: true, publicTransport: 'Non' },
    cv: { sizeKo: 77, uploadedOn: '2026-03-05' }, lastInterview: '2026-11-12',
  }),
  seeker({
    ftId: '8901234G', civility: 'Mme', lastName: 'GARCIA', firstName: 'Inès',
    registeredOn: '2026-10-19', category: 'A',
    street: '60 cours Émile Zola', postcode: '69100', city: 'Villeurbanne',
    email: 'ines.garcia@example.fr', phones: [mobile('06 17 28 39 40')],
    promotionConsent: { granted: false },
    jobs: [], contractTypes: [], availability: { immediate: true },
    skills: [], softSkills: ['Motivation'],
    qualification: 5, experienceYears: 1, education: 'Bac (niveau 4)', languages: `Espagnol${NBSP}: courant`,
    drivingLicences: [],
    notice: `Projet professionnel en cours de définition${NBSP}: atelier prévu le 26/11/2026.`,
    lastInterview: '2026-11-02',
  }),

  // ── The rest of the portfolio ──
  seeker({
    ftId: '2345678H', civility: 'M.', lastName: 'HADDAD', firstName: 'Mehdi',
    registeredOn: '2025-08-25', category: 'A',
    street: '12 rue Servient', postcode: '69003', city: 'Lyon',
    email: 'mehdi.haddad@example.com', phones: [mobile('06 34 56 12 78')],
    promotionConsent: { granted: true, since: '2025-09-15' },
    jobs: ['N4105', 'N1103'], contractTypes: ['CDI', 'CDD', 'MIS'], availability: { immediate: true },
    skills: ['Charger et décharger un véhicule', 'Organiser une tournée de livraison', 'Faire signer les bons de livraison', 'Conduire un véhicule utilitaire en ville'],
    softSkills: ['Ponctualité', 'Sens du service'],
    qualification: 3, experienceYears: 5, drivingLicences: ['B', 'C'],
    mobility: { radiusKm: 50, vehicle: true, publicTransport: 'Oui (TCL)' },
    cv: { sizeKo: 65, uploadedOn: '2025-09-02' }, lastInterview: '2026-11-09',
  }),
  seeker({
    ftId: '3456781J', civility: 'Mme', lastName: 'BERTRAND', firstName: 'Camille',
    registeredOn: '2025-12-01', category: 'A', support: 'Suivi',
    street: '18 rue Vendôme', postcode: '69006', city: 'Lyon',
    email: 'camille.bertrand@example.fr', phones: [mobile('06 52 41 30 29')],
    promotionConsent: { granted: true, since: '2026-01-20' },
    jobs: ['M1805', 'M1810'], contractTypes: ['CDI'], availability: { immediate: true },
    salary: '2 600 € brut mensuel', education: 'Master informatique (niveau 7)', languages: `Anglais${NBSP}: courant`,
    skills: [
      'Développer une application web en TypeScript',
      'Intégrer des maquettes en HTML/CSS (balises <b>, <table>, formulaires)',
      'Écrire des tests automatisés',
      'Concevoir une base de données relationnelle',
    ],
    softSkills: ['Curiosité', "Esprit d'équipe"],
    qualification: 9, experienceYears: 3, drivingLicences: ['B'],
    mobility: { radiusKm: 20, vehicle: false, publicTransport: 'Oui (TCL)' },
    cv: { sizeKo: 152, uploadedOn: '2025-12-12' }, lastInterview: '2026-11-16',
  }),
  seeker({
    ftId: '4567812K', civility: 'M.', lastName: 'LAURENT', firstName: 'Thomas',
    registeredOn: '2026-02-09', category: 'A',
    street: '7 rue Francis de Pressensé', postcode: '69100', city: 'Villeurbanne',
    email: 't.laurent@example.com', phones: [mobile('07 69 58 47 36')],
    promotionConsent: { granted: false },
    jobs: ['K2503'], contractTypes: ['CDI', 'CDD'], availability: { immediate: true },
    workingTime: 'Temps plein (horaires de nuit acceptés)',
    skills: ['Surveiller un site et effectuer des rondes', "Contrôler les accès d'un bâtiment", 'Intervenir en cas d\'incident', 'Rédiger une main courante'],
    softSkills: ['Vigilance', 'Sang-froid'],
    qualification: 6, experienceYears: 4, drivingLicences: ['B'],
    certifications: 'Carte professionnelle CNAPS, SST (sauveteur secouriste du travail), SSIAP 1',
    mobility: { radiusKm: 30, vehicle: true, publicTransport: 'Oui' },
    cv: { sizeKo: 58, uploadedOn: '2026-02-20' }, lastInterview: '2026-10-30',
  }),
  seeker({
    ftId: '5678123L', civility: 'Mme', lastName: 'BENSAÏD', firstName: 'Fatima',
    registeredOn: '2025-10-13', category: 'B', support: 'Renforcé',
    street: '9 chemin du Grand Bois', postcode: '69120', city: 'Vaulx-en-Velin',
    phones: [mobile('07 51 23 84 60')],
    promotionConsent: { granted: true, since: '2025-11-04' },
    jobs: ['K1302', 'K1304'], contractTypes: ['CDI', 'CDD'], availability: { immediate: true },
    workingTime: 'Temps partiel (28 h)',
    skills: ["Aider une personne à la toilette et à l'habillage", 'Préparer des repas adaptés', "Entretenir le logement et le linge", 'Accompagner aux courses et rendez-vous'],
    softSkills: ['Bienveillance', 'Patience'],
    qualification: 5, experienceYears: 10, education: 'Sans diplôme', languages: `Arabe${NBSP}: langue maternelle`,
    drivingLicences: ['B'], mobility: { radiusKm: 15, vehicle: true, publicTransport: 'Oui (TCL)' },
    lastInterview: '2026-11-04',
  }),
  seeker({
    ftId: '6781234M', civility: 'M.', lastName: 'ROUX', firstName: 'Julien',
    registeredOn: '2026-03-30', category: 'A',
    street: '95 avenue des Frères Lumière', postcode: '69008', city: 'Lyon',
    email: 'julien.roux@example.fr', phones: [mobile('06 80 91 72 63')],
    promotionConsent: { granted: true, since: '2026-04-02' },
    jobs: ['G1602', 'G1603'], contractTypes: ['CDI', 'SAI'], availability: { immediate: true },
    skills: ['Préparer les entrées et les desserts', 'Réaliser une cuisson minute', "Appliquer les règles d'hygiène HACCP", 'Dresser les assiettes'],
    softSkills: ['Résistance au stress', 'Travail en équipe'],
    qualification: 6, experienceYears: 6, education: 'CAP cuisine (niveau 3)',
    drivingLicences: ['B'],
    cv: { sizeKo: 70, uploadedOn: '2026-04-10' }, lastInterview: '2026-11-13',
  }),
  seeker({
    ftId: '7812345N', civility: 'Mme', lastName: 'FAURE', firstName: 'Chloé',
    registeredOn: '2024-12-16', category: 'A', support: 'Suivi',
    street: '31 rue de Brest', postcode: '69002', city: 'Lyon',
    email: 'chloe.faure@example.com', phones: [mobile('06 29 38 47 56')],
    promotionConsent: { granted: true, since: '2025-02-17' },
    jobs: ['M1203', 'M1608'], contractTypes: ['CDI'], availability: { immediate: false, from: '2027-01-04' },
    salary: '2 300 € brut mensuel', education: 'BTS comptabilité et gestion (niveau 5)',
    skills: ['Saisir les écritures comptables', 'Réaliser les rapprochements bancaires', 'Préparer les déclarations de TVA', 'Participer à la clôture des comptes'],
    softSkills: ['Rigueur', 'Discrétion'],
    qualification: 7, experienceYears: 9, drivingLicences: ['B'],
    mobility: { radiusKm: 25, vehicle: true, publicTransport: 'Oui (TCL)' },
    cv: { sizeKo: 110, uploadedOn: '2025-01-09' }, lastInterview: '2026-11-06',
  }),
  seeker({
    ftId: '8123456P', civility: 'M.', lastName: 'MERCIER', firstName: 'Lucas',
    registeredOn: '2026-05-25', category: 'A',
    street: '14 rue de la République', postcode: '69330', city: 'Meyzieu',
    email: 'lucas.mercier@example.fr', phones: [mobile('07 43 52 61 70')],
    promotionConsent: { granted: true, since: '2026-06-10' },
    jobs: ['F1602'], contractTypes: ['ALT', 'CDI'], availability: { immediate: true },
    education: 'CAP électricien (niveau 3)',
    skills: ['Tirer des câbles et poser des gaines', 'Raccorder un tableau électrique', 'Lire un schéma électrique'],
    softSkills: ['Motivation', 'Sens de la sécurité'],
    qualification: 3, experienceYears: 2, drivingLicences: ['B'], certifications: 'Habilitation électrique B1V-BR',
    mobility: { radiusKm: 35, vehicle: true, publicTransport: 'Non' },
    cv: { sizeKo: 49, uploadedOn: '2026-06-12' }, lastInterview: '2026-11-17',
  }),
  seeker({
    ftId: '9234567Q', civility: 'Mme', lastName: 'DIALLO', firstName: 'Aïcha',
    registeredOn: '2026-07-06', category: 'A',
    street: '4 boulevard Irène Joliot-Curie', postcode: '69200', city: 'Vénissieux',
    email: 'aicha.diallo@example.com', phones: [mobile('06 07 18 29 30')],
    promotionConsent: { granted: false },
    jobs: ['J1304', 'K1303'], contractTypes: ['CDI', 'CDD'], availability: { immediate: true },
    education: 'CAP accompagnant éducatif petite enfance (niveau 3)',
    skills: ['Assurer les soins quotidiens du jeune enfant', "Proposer des activités d'éveil", 'Préparer les biberons et les repas'],
    softSkills: ['Douceur', 'Patience'],
    qualification: 6, experienceYears: 2, drivingLicences: [],
    mobility: { radiusKm: 10, vehicle: false, publicTransport: 'Oui (TCL)' },
    lastInterview: '2026-10-27',
  }),
  seeker({
    ftId: '40821736512', civility: 'M.', lastName: 'FONTAINE', firstName: 'Nicolas',
    registeredOn: '2026-02-23', category: 'A',
    street: '112 rue Nationale', postcode: '69400', city: 'Villefranche-sur-Saône',
    email: 'nicolas.fontaine@example.fr', phones: [mobile('06 66 55 44 33')],
    promotionConsent: { granted: true, since: '2026-03-09' },
    jobs: ['N1101', 'N1103'], contractTypes: ['MIS', 'CDI'], availability: { immediate: true },
    workingTime: 'Temps plein (équipes 2x8)',
    skills: ['Conduire un chariot élévateur en sécurité', 'Charger et décharger des camions', 'Stocker les palettes en rack', 'Réaliser un inventaire'],
    softSkills: ['Vigilance', 'Travail en équipe'],
    qualification: 3, experienceYears: 7, drivingLicences: ['B'],
    certifications: "CACES R489 catégories 1A, 3 et 5 (valide jusqu'au 02/09/2030)",
    mobility: { radiusKm: 45, vehicle: true, publicTransport: 'Non' },
    cv: { sizeKo: 83, uploadedOn: '2026-03-01' }, lastInterview: '2026-11-18',
  }),
  seeker({
    ftId: '1357924R', civility: 'Mme', lastName: 'GIRARD', firstName: 'Sophie',
    registeredOn: '2024-10-14', category: 'C', support: 'Suivi',
    street: '2 avenue de la République', postcode: '69160', city: 'Tassin-la-Demi-Lune',
    email: 'sophie.girard@example.com', phones: [mobile('06 11 22 33 44'), { kind: 'fixed', number: '04 78 34 12 90' }],
    promotionConsent: { granted: true, since: '2024-11-25' },
    jobs: ['M1607', 'M1609'], contractTypes: ['CDI', 'CDD'], availability: { immediate: true },
    workingTime: 'Temps partiel (28 h)', education: 'BTS support à l\'action managériale (niveau 5)',
    skills: ['Gérer les appels et les rendez-vous', 'Tenir un dossier patient', 'Rédiger des comptes rendus', 'Maîtriser les logiciels de bureautique'],
    softSkills: ['Discrétion', "Sens de l'accueil"],
    qualification: 6, experienceYears: 12, drivingLicences: ['B'],
    mobility: { radiusKm: 20, vehicle: true, publicTransport: 'Oui (TCL)' },
    cv: { sizeKo: 134, uploadedOn: '2026-09-14' }, lastInterview: '2026-11-19',
  }),
  seeker({
    ftId: '2468013S', civility: 'M.', lastName: 'BLANC', firstName: 'Hugo',
    registeredOn: '2026-05-04', category: 'A',
    street: '6 montée du Chemin Neuf', postcode: '69005', city: 'Lyon',
    email: 'hugo.blanc@example.fr', phones: [mobile('07 50 40 30 20')],
    promotionConsent: { granted: true, since: '2026-05-18' },
    jobs: ['D1102', 'D1104'], contractTypes: ['ALT', 'CDI'], availability: { immediate: true },
    workingTime: 'Temps plein (horaires matinaux acceptés)', education: 'CAP boulanger (niveau 3)',
    skills: ['Pétrir et façonner les pâtes', 'Cuire le pain et les viennoiseries', 'Préparer les crèmes de base'],
    softSkills: ['Ponctualité', 'Endurance'],
    qualification: 3, experienceYears: 1, drivingLicences: [],
    cv: { sizeKo: 41, uploadedOn: '2026-05-06' }, lastInterview: '2026-11-05',
  }),
  seeker({
    ftId: '3692581T', civility: 'Mme', lastName: 'CHEVALIER', firstName: 'Manon',
    registeredOn: '2025-06-16', category: 'A',
    street: '23 quai Arloing', postcode: '69009', city: 'Lyon',
    email: 'manon.chevalier@example.com', phones: [mobile('06 90 80 70 60')],
    promotionConsent: { granted: true, since: '2025-07-01' },
    jobs: ['G1703', 'M1601'], contractTypes: ['CDI', 'CDD', 'SAI'], availability: { immediate: true },
    education: 'BTS management en hôtellerie-restauration (niveau 5)',
    languages: `Anglais${NBSP}: courant ; Espagnol${NBSP}: intermédiaire`,
    skills: ['Accueillir la clientèle en français et en anglais', 'Gérer les réservations', 'Établir les factures et encaisser', 'Traiter les réclamations'],
    softSkills: ['Aisance relationnelle', 'Sens du service'],
    qualification: 6, experienceYears: 3, drivingLicences: ['B'],
    mobility: { radiusKm: 15, vehicle: false, publicTransport: 'Oui (TCL)' },
    cv: { sizeKo: 99, uploadedOn: '2025-06-30' }, lastInterview: '2026-11-12',
  }),
  seeker({
    ftId: '4815162U', civility: 'M.', lastName: 'AMRANI', firstName: 'Rachid',
    registeredOn: '2026-04-20', category: 'A', support: 'Suivi',
    street: '10 rue Carnot', postcode: '69190', city: 'Saint-Fons',
    phones: [mobile('06 61 72 83 94')],
    promotionConsent: { granted: false },
    jobs: ['F1703', 'F1701'], contractTypes: ['CDI', 'MIS'], availability: { immediate: true },
    skills: ['Monter des murs en parpaings et en briques', 'Couler une dalle béton', 'Lire un plan de maçonnerie', 'Poser des coffrages'],
    softSkills: ['Endurance', 'Autonomie'],
    qualification: 4, experienceYears: 15, education: 'Sans diplôme', languages: `Arabe${NBSP}: langue maternelle`,
    drivingLicences: ['B', 'C'], mobility: { radiusKm: 40, vehicle: true, publicTransport: 'Non' },
    lastInterview: '2026-10-22',
  }),
  seeker({
    ftId: '5926037V', civility: 'Mme', lastName: 'LAMBERT', firstName: 'Laura',
    registeredOn: '2026-01-26', category: 'A',
    street: '48 Grande Rue', postcode: '69300', city: 'Caluire-et-Cuire',
    email: 'laura.lambert@example.fr', phones: [mobile('07 12 23 34 45')],
    promotionConsent: { granted: true, since: '2026-02-11' },
    jobs: ['D1505', 'D1507'], contractTypes: ['CDD', 'CDI'], availability: { immediate: true },
    workingTime: 'Temps partiel (30 h)',
    skills: ['Tenir une caisse et encaisser', 'Mettre en rayon et faire le facing', 'Renseigner la clientèle'],
    softSkills: ['Amabilité', 'Rapidité'],
    qualification: 5, experienceYears: 2, drivingLicences: [],
    mobility: { radiusKm: 10, vehicle: false, publicTransport: 'Oui (TCL)' },
    cv: { sizeKo: 52, uploadedOn: '2026-02-02' }, lastInterview: '2026-11-10',
  }),
  seeker({
    ftId: '6037148W', civility: 'M.', lastName: 'GUÉRIN', firstName: 'Maxime',
    registeredOn: '2025-09-22', category: 'A',
    street: '3 rue Pasteur', postcode: '69500', city: 'Bron',
    email: 'maxime.guerin@example.com', phones: [mobile('06 43 21 09 87')],
    promotionConsent: { granted: true, since: '2025-10-06' },
    jobs: ['H2909', 'H2913'], contractTypes: ['MIS', 'CDD', 'CDI'], availability: { immediate: true },
    education: 'Bac professionnel technicien en réalisation de produits mécaniques (niveau 4)',
    skills: ['Assembler des sous-ensembles mécaniques', 'Utiliser des outils de mesure', 'Régler et ajuster des pièces', 'Souder des pièces simples'],
    softSkills: ['Minutie', 'Esprit d\'équipe'],
    qualification: 4, experienceYears: 4, drivingLicences: ['B'],
    mobility: { radiusKm: 30, vehicle: true, publicTransport: 'Oui' },
    cv: { sizeKo: 67, uploadedOn: '2025-10-01' }, lastInterview: '2026-11-03',
  }),
  seeker({
    ftId: '52098314476', civility: 'Mme', lastName: 'MOREL', firstName: 'Océane',
    registeredOn: '2026-08-10', category: 'A',
    street: '19 avenue Jean Jaurès', postcode: '69150', city: 'Décines-Charpieu',
    email: 'oceane.morel@example.fr', phones: [mobile('07 77 66 55 44')],
    promotionConsent: { granted: true, since: '2026-08-27' },
    jobs: ['K2204'], contractTypes: ['CDI', 'CDD'], availability: { immediate: true },
    workingTime: 'Temps partiel (horaires décalés acceptés)',
    skills: ['Nettoyer des bureaux et des sanitaires', 'Utiliser les produits d\'entretien en sécurité', 'Vider les corbeilles et trier les déchets'],
    softSkills: ['Discrétion', 'Ponctualité'],
    qualification: 5, experienceYears: 1, drivingLicences: [],
    lastInterview: '2026-11-06',
  }),
  seeker({
    ftId: '7148259X', civility: 'M.', lastName: 'ROUSSEAU', firstName: 'Alexandre',
    registeredOn: '2026-06-29', category: 'A', support: 'Suivi',
    street: '56 rue de Gerland', postcode: '69007', city: 'Lyon',
    email: 'alexandre.rousseau@example.fr', phones: [mobile('06 58 69 70 81')],
    promotionConsent: { granted: false },
    jobs: ['M1801', 'M1810'], contractTypes: ['CDI', 'LIB'], availability: { immediate: true },
    salary: '3 400 € brut mensuel', education: "Diplôme d'ingénieur (niveau 7)", languages: `Anglais${NBSP}: courant`,
    skills: ['Administrer des serveurs Linux', 'Superviser un parc informatique', 'Automatiser des déploiements', 'Sauvegarder et restaurer des données'],
    softSkills: ['Méthode', 'Pédagogie'],
    qualification: 9, experienceYears: 11, drivingLicences: ['B'],
    mobility: { radiusKm: 30, vehicle: true, publicTransport: 'Oui (TCL)' },
    cv: { sizeKo: 175, uploadedOn: '2026-07-03' }, lastInterview: '2026-10-29',
  }),
  seeker({
    ftId: '8259360Y', civility: 'Mme', lastName: 'HENRY', firstName: 'Julie',
    registeredOn: '2025-11-24', category: 'C', support: 'Suivi',
    street: '8 Grande Rue', postcode: '69600', city: 'Oullins',
    email: 'julie.henry@example.com', phones: [mobile('06 36 47 58 69')],
    promotionConsent: { granted: true, since: '2025-12-15' },
    jobs: ['J1506'], contractTypes: ['CDI', 'CDD'], availability: { immediate: false, from: '2027-01-15' },
    education: "Diplôme d'État d'infirmier (niveau 6)",
    skills: ['Réaliser des soins infirmiers', 'Préparer et administrer les traitements', 'Tenir le dossier de soins', 'Encadrer les aides-soignants'],
    softSkills: ['Écoute', 'Sang-froid'],
    qualification: 7, experienceYears: 6, drivingLicences: ['B'],
    mobility: { radiusKm: 25, vehicle: true, publicTransport: 'Oui (TCL)' },
    cv: { sizeKo: 118, uploadedOn: '2025-12-20' }, lastInterview: '2026-11-17',
  }),
  seeker({
    ftId: '9360471Z', civility: 'M.', lastName: 'DUMAS', firstName: 'Samuel',
    registeredOn: '2026-09-14', category: 'A',
    street: '27 avenue de l\'Europe', postcode: '69140', city: 'Rillieux-la-Pape',
    email: 'samuel.dumas@example.fr', phones: [mobile('07 88 99 00 11')],
    promotionConsent: { granted: true, since: '2026-09-30' },
    jobs: ['N4101', 'N4105'], contractTypes: ['CDI'], availability: { immediate: true },
    skills: ['Conduire un poids lourd en sécurité', 'Arrimer un chargement', 'Utiliser un chronotachygraphe', 'Remplir les documents de transport'],
    softSkills: ['Autonomie', 'Ponctualité'],
    qualification: 3, experienceYears: 8, drivingLicences: ['B', 'C', 'CE'],
    certifications: 'FIMO marchandises, carte conducteur',
    mobility: { radiusKm: 100, vehicle: true, publicTransport: 'Non' },
    cv: { sizeKo: 60, uploadedOn: '2026-09-20' }, lastInterview: '2026-11-18',
  }),
  seeker({
    ftId: '1472583A', civility: 'Mme', lastName: 'CLÉMENT', firstName: 'Emma',
    registeredOn: '2026-06-22', category: 'A',
    street: '11 rue d\'Austerlitz', postcode: '69004', city: 'Lyon',
    email: 'emma.clement@example.fr', phones: [mobile('06 21 32 43 54')],
    promotionConsent: { granted: true, since: '2026-07-07' },
    jobs: ['G1803', 'G1801'], contractTypes: ['SAI', 'CDD'], availability: { immediate: true },
    skills: ['Dresser et débarrasser les tables', 'Prendre les commandes', 'Servir en salle et en terrasse'],
    softSkills: ['Dynamisme', 'Sourire'],
    qualification: 5, experienceYears: 2, drivingLicences: [], languages: `Anglais${NBSP}: intermédiaire`,
    lastInterview: '2026-11-09',
  }),
  seeker({
    ftId: '2583694B', civility: 'M.', lastName: 'GAUTHIER', firstName: 'Louis',
    registeredOn: '2025-04-07', category: 'B', support: 'Renforcé',
    street: '30 avenue Georges Clemenceau', postcode: '69230', city: 'Saint-Genis-Laval',
    email: 'louis.gauthier@example.com', phones: [mobile('06 73 84 95 06')],
    promotionConsent: { granted: true, since: '2025-04-22' },
    jobs: ['F1606'], contractTypes: ['CDI', 'CDD'], availability: { immediate: true },
    skills: ['Préparer les supports (ponçage, enduit)', 'Appliquer peintures et vernis', 'Poser du papier peint', 'Protéger le chantier'],
    softSkills: ['Soin du travail', 'Autonomie'],
    qualification: 3, experienceYears: 20, drivingLicences: ['B'],
    mobility: { radiusKm: 30, vehicle: true, publicTransport: 'Non' },
    cv: { sizeKo: 38, uploadedOn: '2025-05-12' }, lastInterview: '2026-11-02',
  }),
  seeker({
    ftId: '3694715C', civility: 'Mme', lastName: 'MULLER', firstName: 'Léa',
    registeredOn: '2026-09-07', category: 'A',
    street: '5 chemin de la Forestière', postcode: '69130', city: 'Écully',
    email: 'lea.muller@example.fr', phones: [mobile('07 24 35 46 57')],
    promotionConsent: { granted: false },
    jobs: ['M1501', 'M1607'], contractTypes: ['CDI', 'ALT'], availability: { immediate: true },
    education: 'Licence professionnelle ressources humaines (niveau 6)',
    skills: ['Préparer les contrats de travail', 'Suivre les absences et les congés', 'Organiser les entretiens de recrutement'],
    softSkills: ['Discrétion', 'Organisation'],
    qualification: 6, experienceYears: 3, drivingLicences: ['B'],
    mobility: { radiusKm: 20, vehicle: true, publicTransport: 'Oui (TCL)' },
    cv: { sizeKo: 91, uploadedOn: '2026-09-15' }, lastInterview: '2026-11-16',
  }),
  seeker({
    ftId: '4705826D', civility: 'M.', lastName: 'FERNANDES', firstName: 'Enzo',
    registeredOn: '2026-09-28', category: 'A',
    street: '2 rue Aristide Briand', postcode: '69800', city: 'Saint-Priest',
    phones: [mobile('07 68 12 45 90')],
    promotionConsent: { granted: true, since: '2026-10-12' },
    jobs: ['N1105', 'H3302'], contractTypes: ['MIS', 'CDD'], availability: { immediate: true },
    skills: ['Porter et déplacer des charges', 'Trier et conditionner des produits', 'Filmer et étiqueter des palettes'],
    softSkills: ['Endurance', 'Ponctualité'],
    qualification: 1, experienceYears: 1, education: 'Sans diplôme', drivingLicences: [],
    lastInterview: '2026-11-13',
  }),
  seeker({
    ftId: '5816937E', civility: 'Mme', lastName: 'KACI', firstName: 'Nadia',
    registeredOn: '2025-07-28', category: 'A',
    street: '70 rue Marius Berliet', postcode: '69008', city: 'Lyon',
    email: 'nadia.kaci@example.com', phones: [mobile('06 14 25 36 47')],
    promotionConsent: { granted: true, since: '2025-08-19' },
    jobs: ['D1214', 'D1106'], contractTypes: ['CDI', 'CDD'], availability: { immediate: true },
    skills: ['Conseiller et vendre en prêt-à-porter', 'Réaliser un encaissement', 'Mettre en place les collections', 'Gérer les retouches'],
    softSkills: ['Sens commercial', 'Présentation soignée'],
    qualification: 6, experienceYears: 5, drivingLicences: [],
    mobility: { radiusKm: 15, vehicle: false, publicTransport: 'Oui (TCL)' },
    cv: { sizeKo: 102, uploadedOn: '2025-08-05' }, lastInterview: '2026-11-11',
  }),
  seeker({
    ftId: '23456781', civility: 'M.', lastName: 'ARNAUD', firstName: 'Pierre',
    registeredOn: '2026-03-09', category: 'A',
    street: '1 place de la République', postcode: '69740', city: 'Genas',
    email: 'pierre.arnaud@example.fr', phones: [mobile('06 85 74 63 52')],
    promotionConsent: { granted: true, since: '2026-03-23' },
    jobs: ['H2102', 'D1101'], contractTypes: ['CDI', 'MIS'], availability: { immediate: true },
    workingTime: 'Temps plein (équipes 3x8 acceptées)',
    skills: ['Conduire une ligne de conditionnement alimentaire', 'Régler les machines en début de série', 'Respecter les règles d\'hygiène et de traçabilité', 'Découper et désosser les viandes'],
    softSkills: ['Vigilance', 'Réactivité'],
    qualification: 4, experienceYears: 9, drivingLicences: ['B'],
    mobility: { radiusKm: 30, vehicle: true, publicTransport: 'Non' },
    cv: { sizeKo: 73, uploadedOn: '2026-03-12' }, lastInterview: '2026-11-05',
  }),
  seeker({
    ftId: '69314285132', civility: 'Mme', lastName: 'PERRIN', firstName: 'Zoé',
    registeredOn: '2026-10-26', category: 'A',
    street: '9 chemin de Montray', postcode: '69110', city: 'Sainte-Foy-lès-Lyon',
    email: 'zoe.perrin@example.com', phones: [mobile('07 36 47 58 69')],
    promotionConsent: { granted: true, since: '2026-11-02' },
    jobs: ['E1205', 'E1101'], contractTypes: ['CDD', 'LIB'], availability: { immediate: true },
    education: 'Licence professionnelle métiers du numérique (niveau 6)', languages: `Anglais${NBSP}: courant`,
    skills: ['Monter des vidéos courtes', 'Animer les réseaux sociaux', 'Concevoir des visuels', 'Mettre à jour un site web'],
    softSkills: ['Créativité', 'Curiosité'],
    qualification: 7, experienceYears: 2, drivingLicences: ['B'],
    cv: { sizeKo: 160, uploadedOn: '2026-10-30' }, lastInterview: '2026-11-20',
  }),
  // ── Redesigned consent displays (issue 18) ──
  seeker({
    ftId: '7201930K', civility: 'M.', lastName: 'CARON', firstName: 'Bastien',
    registeredOn: '2026-06-15', category: 'A',
    street: '4 rue Bossuet', postcode: '69006', city: 'Lyon',
    email: 'bastien.caron@example.fr', phones: [mobile('06 71 82 93 04')],
    promotionConsent: { granted: false }, consentDisplay: 'switch',
    jobs: ['G1602', 'G1603'], contractTypes: ['CDI', 'CDD'], availability: { immediate: true },
    skills: ['Préparer des plats chauds', 'Dresser des assiettes'], softSkills: ['Rigueur', "Travail d'équipe"],
    qualification: 3, experienceYears: 3, drivingLicences: ['B'],
    mobility: { radiusKm: 15, vehicle: false, publicTransport: 'Oui' },
    lastInterview: '2026-11-10',
  }),
  seeker({
    ftId: '7301942L', civility: 'Mme', lastName: 'ROBIN', firstName: 'Clara',
    registeredOn: '2026-08-03', category: 'B',
    street: '27 avenue Berthelot', postcode: '69007', city: 'Lyon',
    email: 'clara.robin@example.fr', phones: [mobile('07 12 23 34 45')],
    promotionConsent: { granted: false }, consentDisplay: 'pending',
    notice: 'Le formulaire de consentement à la promotion du profil a été envoyé au demandeur.',
    jobs: ['D1106', 'D1214'], contractTypes: ['CDD', 'MIS'], availability: { immediate: true },
    skills: ['Tenir une caisse', 'Conseiller un client'], softSkills: ['Sens du service'],
    qualification: 5, experienceYears: 1, drivingLicences: [],
    mobility: { radiusKm: 10, vehicle: false, publicTransport: 'Oui' },
    lastInterview: '2026-11-12',
  }),
];

export function findJobSeeker(ftId: string): SeedJobSeeker | undefined {
  const wanted = ftId.trim().toUpperCase();
  return JOB_SEEKERS.find((s) => s.ftId === wanted);
}
