import { z } from 'zod';
import {
  agencyCodeSchema,
  emailSchema,
  ftIdSchema,
  isoDateSchema,
  phoneSchema,
  postcodeSchema,
  romeSchema,
  siretSchema,
} from './formats';

/** Ids are made by the client (UUIDv7) so an offline write never waits for the server. */
export const idSchema = z.uuid({ error: 'Identifiant interne invalide (UUID attendu).' });
export const dateTimeSchema = z.iso.datetime({ offset: true, error: 'Date et heure invalides (ISO 8601 attendu).' });

const shortText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${label} : valeur obligatoire.` })
    .max(max, { error: `${label} : ${max} caractères au plus.` });

export const PROMOTION_EVENT_TYPES = [
  'sent',
  'followed_up',
  'employer_replied',
  'interview',
  'profile_kept',
  'hired',
  'declined',
  'no_response',
  'withdrawn',
  'note',
] as const;
export type PromotionEventType = (typeof PROMOTION_EVENT_TYPES)[number];

/** Why an employer said no (their French words: DECLINE_REASON_LABELS in labels.ts). */
export const DECLINE_REASON_CODES = [
  'no_position',
  'profile_mismatch',
  'lacking_skills',
  'not_mobile',
  'candidate_unavailable',
  'candidate_not_interested',
  'candidate_unreachable',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASON_CODES)[number];
export const declineReasonSchema = z.enum(DECLINE_REASON_CODES, { error: 'Motif de refus inconnu.' });

/** The only events the extension records by itself (lib/background/reminders.ts). */
export const AUTOMATIC_EVENT_TYPES: readonly PromotionEventType[] = ['no_response'];

/** A counsellor's name as the identity provider gives it, shown beside their records. */
export const displayNameSchema = z.string().trim().min(1).max(200);

export const promotionEventSchema = z
  .object({
    id: idSchema,
    promotionId: idSchema,
    type: z.enum(PROMOTION_EVENT_TYPES, { error: "Type d'événement inconnu." }),
    at: dateTimeSchema,
    /** The author's `sub`: the server overwrites whatever the client sent with the token's (docs/domain.md). */
    by: shortText(200, 'Auteur'),
    /** The author's display name, from the token's name claim (the server stamps it too). */
    byName: displayNameSchema.optional(),
    /** Recorded by the extension's schedule, not by a person (`no_response` after the configured delay). */
    auto: z.literal(true).optional(),
    reason: declineReasonSchema.optional(),
    note: z.string().trim().max(2000, { error: 'Note : 2000 caractères au plus.' }).optional(),
  })
  .superRefine((event, ctx) => {
    if (event.auto && !AUTOMATIC_EVENT_TYPES.includes(event.type)) {
      ctx.addIssue({ code: 'custom', path: ['auto'], message: 'Seule la clôture « Sans réponse » peut être automatique.' });
    }
    if (event.type === 'declined' && !event.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Un refus doit indiquer son motif.' });
    }
    if (event.type === 'declined' && event.reason === 'other' && !event.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Le motif « Autre » demande une précision.' });
    }
  });
export type PromotionEvent = z.infer<typeof promotionEventSchema>;

export const promotionModeSchema = z.enum(['named', 'anonymous'], { error: 'Mode de promotion inconnu.' });
export const promotionChannelSchema = z.enum(['email', 'phone', 'in_person', 'other'], {
  error: 'Canal de promotion inconnu.',
});
export type PromotionMode = z.infer<typeof promotionModeSchema>;
export type PromotionChannel = z.infer<typeof promotionChannelSchema>;

/**
 * What replaces the France Travail identifier once the job seeker withdrew their consent: a keyed hash
 * (`pseudo:<hmac>`, made by the server) so statistics still count distinct profiles (docs/privacy.md).
 */
export const PSEUDONYM_PATTERN = /^pseudo:[0-9a-z-]{8,128}$/;
export const pseudonymSchema = z.string().regex(PSEUDONYM_PATTERN, { error: 'Pseudonyme invalide.' });

export const promotionJobSeekerSchema = z.object({
  ftId: z.union([ftIdSchema, pseudonymSchema]),
  firstName: z.string().trim().max(200),
  lastName: z.string().trim().max(200),
  mainRome: romeSchema.optional(),
  /** Consent as read on the job-seeker file when the promotion was made; the server refuses a promotion without it. */
  promotionConsent: z.object({ granted: z.boolean(), since: isoDateSchema.optional() }),
});

export const promotionEstablishmentSchema = z.object({
  siret: siretSchema,
  name: shortText(300, 'Raison sociale'),
  postcode: postcodeSchema,
  city: shortText(200, 'Commune'),
});

export const promotionContactSchema = z.object({
  name: shortText(300, 'Nom du contact'),
  email: emailSchema.optional(),
  phone: phoneSchema.optional(),
});

/** Fields a counsellor may edit after creation; identity fields (ftId, SIRET) are not among them. */
export const promotionDescriptiveSchema = z.object({
  contact: promotionContactSchema.optional(),
  rome: romeSchema,
  mode: promotionModeSchema,
  channel: promotionChannelSchema,
  pitch: z.string().trim().max(4000, { error: 'Argumentaire : 4000 caractères au plus.' }),
});

/**
 * How the consent was read when the promotion was made (« on what basis was this profile sent? »): the wording
 * and the date the job-seeker file showed, the kind of page, and when the background read it. Optional: records
 * made before it was kept have none.
 */
export const consentEvidenceSchema = z.object({
  wording: z.string().trim().min(1).max(300, { error: 'Preuve du consentement : 300 caractères au plus.' }),
  date: isoDateSchema.optional(),
  pageKind: z.literal('profile', { error: 'Preuve du consentement : page du dossier attendue.' }),
  readAt: dateTimeSchema,
});
export type ConsentEvidence = z.infer<typeof consentEvidenceSchema>;

export const promotionSchema = promotionDescriptiveSchema.extend({
  id: idSchema,
  /** Short code written in the e-mail subject, so the sent confirmation is matched to its promotion. */
  reference: z.string().regex(/^PRF-[0-9A-Z]{6}$/, { error: 'Référence de promotion invalide.' }),
  createdAt: dateTimeSchema,
  /** The author's `sub`, stamped by the server from the token (docs/domain.md). */
  counsellorId: shortText(200, 'Conseiller'),
  /** The author's display name, from the token's name claim (stamped by the server). */
  counsellorName: displayNameSchema.optional(),
  agencyCode: agencyCodeSchema,
  jobSeeker: promotionJobSeekerSchema,
  establishment: promotionEstablishmentSchema,
  events: z.array(promotionEventSchema).max(500),
  consentEvidence: consentEvidenceSchema.optional(),
});
export type Promotion = z.infer<typeof promotionSchema>;

/** Reference derived from the id's random tail: stable, short, readable on the phone. */
export function promotionReference(id: string): string {
  const hex = id.replace(/-/g, '').slice(-10);
  const code = parseInt(hex, 16).toString(36).toUpperCase().padStart(6, '0').slice(-6);
  return `PRF-${code}`;
}
