/**
 * The labels the job-seeker file shows (and close synonyms a redesign may use), preferred first.
 * Labels are compared by `labelKey`, so case, accents, colons and plural "s" need no variants here.
 */
export const LABELS = {
  ftId: ['Identifiant', 'Identifiant France Travail', 'Identifiant demandeur', 'N° identifiant', "Numéro d'identifiant", 'IDE'],
  civility: ['Civilité'],
  lastName: ['Nom', 'Nom de famille', "Nom d'usage"],
  firstName: ['Prénom'],
  email: ['Courriel', 'Adresse électronique', 'E-mail', 'Email', 'Adresse e-mail', 'Adresse mail', 'Mél'],
  address: ['Adresse', 'Adresse postale'],
  postcode: ['Code postal', 'CP'],
  city: ['Commune', 'Ville', 'Localité'],
  // Names of the consent field only: its value is always read beside them, never from them (kit/consent.ts).
  consent: [
    'Promotion du profil',
    'Promotion du profil autorisée',
    'Autorisation de promotion',
    'Autorisation de promotion du profil',
    'Autorisation de la promotion du profil',
    'Consentement',
    'Consentement à la promotion',
    'Consentement à la promotion du profil',
    'Consentement promotion',
    'Consentement du demandeur',
    'Accord du demandeur',
    'Accord pour la promotion',
    'Accord pour la promotion du profil',
    'Promotion autorisée',
    'Promotion',
  ],
  targetJobs: ['Métiers recherchés', 'Emplois recherchés', 'Métiers visés', 'Postes recherchés', 'Métiers', 'Codes ROME'],
  mainJob: ['Métier principal', 'Emploi principal'],
  contractTypes: ['Types de contrat souhaités', 'Types de contrat recherchés', 'Types de contrat', 'Contrats souhaités', 'Contrat'],
  availability: ['Disponibilité', 'Date de disponibilité', 'Disponible'],
  skills: ['Savoir-faire', 'Compétences', 'Compétences professionnelles', 'Compétences techniques'],
  softSkills: ['Savoir-être', 'Savoir-être professionnels', 'Qualités professionnelles', 'Compétences comportementales', 'Soft skills'],
  qualification: ['Niveau de qualification', 'Qualification'],
  experience: ['Expérience dans le métier principal', 'Expérience dans le métier', 'Expérience', 'Expérience professionnelle', "Années d'expérience"],
  licences: ['Permis de conduire', 'Permis', 'Permis détenus'],
  radius: ['Rayon de mobilité', 'Mobilité', 'Zone de mobilité', 'Mobilité géographique', 'Distance de mobilité'],
  vehicle: ['Véhicule personnel', 'Véhicule'],
  cv: ['Curriculum vitae', 'CV', 'CV déposé'],
} as const;

/** Labels of the phone rows: "Téléphone portable", "Téléphone fixe", "Autre téléphone", "Tél.", "Mobile"… */
export const PHONE_LABEL_INITIALS = 'tpmfgasdn2';
export const isPhoneLabel = (key: string) =>
  /^(telephone|tel|portable|mobile|fixe|gsm)( |$)|^(autre|second|2e|deuxieme|n°|numero|numero de) (telephone|tel)( |$)/.test(key);

/** Column headers of the portfolio table; a header that contains one of these words also matches. */
export const PORTFOLIO_COLUMNS = {
  ftId: ['Identifiant', 'IDE'],
  lastName: ['Nom', 'Nom de famille'],
  firstName: ['Prénom'],
  fullName: ['Nom et prénom', 'Nom prénom', 'Prénom nom', 'Nom complet', 'Demandeur'],
  mainRome: ['Métier principal', 'Code ROME', 'ROME', 'Métier'],
  consent: ['Promotion du profil autorisée', 'Promotion autorisée', 'Promotion du profil', 'Consentement', 'Promotion'],
} as const;
