/** The reducers' refusals, in French: shown in the counsellor's list of refused changes. */
import type { EntityKind } from '../sync';

export const MAX_EVENTS = 500;

const NOUNS: Record<EntityKind, string> = {
  promotion: 'Promotion',
  need: 'Besoin de recrutement',
  pool: 'Profil du vivier',
  alias: 'Libellé appris',
};

export const MUTATION_MESSAGES = {
  unknown: (name: string) => `Modification inconnue : « ${name.slice(0, 64)} ». Mettez l'extension à jour.`,
  consent: "Le demandeur d'emploi n'a pas autorisé la promotion de son profil : envoi refusé.",
  forbidden: "Cet enregistrement relève d'une autre agence : modification refusée.",
  notFound: (kind: EntityKind) => `${NOUNS[kind]} introuvable sur le serveur : elle a peut-être été supprimée.`,
  createConflict: (kind: EntityKind) =>
    `${NOUNS[kind]} déjà enregistrée sous cet identifiant pour une autre personne ou un autre établissement : modification refusée.`,
  deleted: (kind: EntityKind) => `${NOUNS[kind]} supprimée du serveur : elle ne peut pas être recréée.`,
  notEditable: (fields: string[]) => `Modification invalide : Champ(s) non modifiable(s) : ${fields.join(', ')}.`,
  tooManyEvents: `Modification invalide : Trop d'événements sur cette promotion (${MAX_EVENTS} au plus).`,
  pseudonymCreate: 'Modification invalide : une promotion se crée avec un identifiant France Travail, pas un pseudonyme.',
  eventElsewhere: 'Modification invalide : Un événement de la promotion désigne une autre promotion.',
  pitchAfterWithdrawal:
    "Le demandeur d'emploi a retiré son consentement : l'argumentaire de cette promotion ne peut plus être renseigné.",
  poolAfterWithdrawal: "Le demandeur d'emploi a retiré son consentement : ajout au vivier refusé.",
  readBeforeWithdrawal:
    "Le demandeur d'emploi a retiré son consentement après la lecture de son dossier sur laquelle repose cette promotion : envoi refusé.",
} as const;
