/**
 * The French words the counsellor reads for each code of the domain — promotion statuses and events, channels,
 * modes, decline reasons, need and pool statuses, contracts, match tiers — one map per kind, so a code is called
 * the same in the side panel, the popup, the dashboard, the CSV export and the store's messages.
 */
import type { ContractType } from './formats';
import type { MatchTier } from './matching';
import type { NEED_STATUSES } from './need';
import type { POOL_STATUSES } from './pool';
import type { DeclineReason, PromotionChannel, PromotionEventType, PromotionMode } from './promotion';
import type { PromotionStatus } from './status';

export const STATUS_LABELS: Record<PromotionStatus, string> = {
  draft: 'Brouillon',
  sent: 'Envoyée',
  replied: 'Réponse reçue',
  interview: 'Entretien',
  hired: 'Embauche',
  kept: 'Profil conservé',
  declined: 'Refus',
  no_response: 'Sans réponse',
  withdrawn: 'Retirée',
};

export const EVENT_TYPE_LABELS: Record<PromotionEventType, string> = {
  sent: 'Envoi',
  followed_up: 'Relance',
  employer_replied: "Réponse de l'employeur",
  interview: 'Entretien',
  profile_kept: 'Profil conservé',
  hired: 'Embauche',
  declined: 'Refus',
  no_response: 'Sans réponse',
  withdrawn: 'Retrait',
  note: 'Note',
};

/** In the order the refusal form offers them. */
export const DECLINE_REASON_LABELS: Record<DeclineReason, string> = {
  no_position: 'Pas de recrutement en cours',
  profile_mismatch: 'Profil ne correspondant pas',
  lacking_skills: 'Compétences insuffisantes',
  not_mobile: 'Mobilité incompatible',
  candidate_unavailable: 'Candidat indisponible : en emploi ou en formation',
  candidate_not_interested: 'Candidat non intéressé',
  candidate_unreachable: 'Candidat injoignable',
  other: 'Autre motif',
};

export const CHANNEL_LABELS: Record<PromotionChannel, string> = {
  email: 'E-mail',
  phone: 'Téléphone',
  in_person: 'Visite',
  other: 'Autre',
};

/** « Envoyée il y a 3 jours par e-mail »: how the promotion went, after the verb. */
export const SENT_BY_CHANNEL: Record<PromotionChannel, string> = {
  email: 'par e-mail',
  phone: 'par téléphone',
  in_person: 'en visite',
  other: '',
};

export const MODE_LABELS: Record<PromotionMode, string> = { named: 'Nominative', anonymous: 'Anonyme' };

/** A need's status as the board shows it: an open need past its expiry date is « Expiré ». */
export const NEED_BOARD_STATUS_LABELS: Record<(typeof NEED_STATUSES)[number] | 'expired', string> = {
  open: 'Ouvert',
  expired: 'Expiré',
  filled: 'Pourvu',
  closed: 'Clos',
};

export const POOL_STATUS_LABELS: Record<(typeof POOL_STATUSES)[number], string> = {
  active: 'Disponible',
  placed: 'En emploi',
  withdrawn: 'Retiré',
};

export const CONTRACT_LABELS: Record<ContractType, string> = {
  CDI: 'CDI',
  CDD: 'CDD',
  MIS: 'Intérim',
  SAI: 'Saisonnier',
  ALT: 'Alternance',
  LIB: 'Libéral',
};

/** A contract code as read on a page: its label when known, else the code itself. */
export const contractLabel = (code: string): string => CONTRACT_LABELS[code as ContractType] ?? code;

export const MATCH_TIER_LABELS: Record<MatchTier, string> = { same_job: 'même métier', same_domain: 'même domaine' };
