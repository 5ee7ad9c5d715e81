/** The labels and column headers the employer CRM shows (and close synonyms), preferred first. */
export const LABELS = {
  siret: ['SIRET', 'N° SIRET', 'Numéro SIRET', "SIRET de l'établissement"],
  name: ['Raison sociale', 'Dénomination', 'Dénomination sociale', "Nom de l'entreprise", 'Raison sociale / Dénomination'],
  naf: ['Code NAF', 'NAF', 'Code APE', 'APE', 'NAF / APE', 'Code NAF / APE', 'Activité (NAF)', 'Activité principale', 'Activité'],
  address: ['Adresse', "Adresse de l'établissement", 'Adresse postale', 'Localisation'],
  street: ['Voie', 'Rue', 'Adresse (voie)', 'Numéro et voie'],
  postcode: ['Code postal', 'CP'],
  city: ['Commune', 'Ville', 'Localité'],
  headcount: ['Effectif', "Tranche d'effectif", "Tranche d'effectifs", 'Effectif salarié', 'Effectifs', 'Taille'],
} as const;

export const CONTACT_COLUMNS = {
  civility: ['Civilité', 'Titre'],
  lastName: ['Nom', 'Nom de famille'],
  firstName: ['Prénom'],
  fullName: ['Nom et prénom', 'Prénom et nom', 'Nom prénom', 'Prénom nom', 'Nom complet'],
  role: ['Fonction', 'Poste', 'Rôle', 'Qualité', 'Poste occupé'],
  email: ['Courriel', 'E-mail', 'Email', 'Adresse électronique', 'Adresse e-mail', 'Mél', 'Mail'],
  phone: ['Téléphone', 'Tél', 'Téléphone portable', 'Portable', 'Mobile', 'Téléphone fixe', 'Ligne directe'],
} as const;

/** A history of contacts has dates and counsellors: it is never read as the list of contacts. */
export const CONTACT_TABLE_REJECT = ['Date', 'Date du contact', 'Conseiller', 'Objet'] as const;

export const NEED_HEADINGS = [
  'Besoins de recrutement repérés',
  'Besoins de recrutement',
  'Besoins en recrutement',
  'Besoins repérés',
  'Besoins',
  'Recrutements envisagés',
  'Besoins de main-d’œuvre',
] as const;

export const NEED_COLUMNS = {
  rome: ['Code ROME', 'ROME'],
  label: ['Métier', 'Intitulé', 'Intitulé du poste', 'Libellé', 'Besoin', 'Poste'],
  positions: ['Nombre de postes', 'Nb de postes', 'Nb postes', 'Postes', 'Nombre'],
  contractType: ['Type de contrat', 'Contrat'],
  notedAt: ['Repéré le', 'Date de repérage', 'Signalé le', 'Noté le', 'Date'],
} as const;

export const SEARCH_COLUMNS = {
  siret: ['SIRET', 'N° SIRET', 'Numéro SIRET'],
  name: ['Raison sociale', 'Dénomination', 'Dénomination sociale', "Nom de l'établissement", 'Établissement', 'Entreprise', 'Société', 'Nom'],
  city: ['Commune', 'Ville', 'Localité'],
  address: ['Adresse', 'Localisation'],
} as const;
