import { z } from 'zod';
import { ftIdSchema, romeSchema, siretSchema } from '@/lib/domain/formats';
import { idSchema, promotionChannelSchema, promotionContactSchema, promotionModeSchema } from '@/lib/domain/promotion';

/** One establishment chosen in the panel, with the index of the contact to write to. */
export const promotionTargetSchema = z.object({
  siret: siretSchema,
  contactIndex: z.number().int().min(0).optional(),
});

/**
 * The panel names the job-seeker tab and the establishments; the background takes the data from its own
 * readings, never from the panel, so what is promoted is what the legacy tools showed.
 */
export const prepareRequestSchema = z.object({
  jobSeekerTabId: z.number().int(),
  /** The file the form belongs to: refused if the tab now shows another job seeker. */
  ftId: ftIdSchema,
  targets: z.array(promotionTargetSchema).min(1, { error: 'Choisissez au moins un établissement.' }).max(20),
  mode: promotionModeSchema,
  rome: romeSchema.optional(),
  /**
   * The message as edited by the counsellor: a template whose `[Salutation]` and `[Établissement]` are
   * filled in for each establishment (lib/domain/pitch.ts). Absent, it is written from the file.
   */
  editedTemplate: z.string().trim().max(4000).optional(),
  acknowledgedDuplicates: z.boolean().default(false),
});
export type PrepareRequest = z.input<typeof prepareRequestSchema>;

export const recordContactRequestSchema = prepareRequestSchema.extend({
  channel: promotionChannelSchema.exclude(['email']),
});
export type RecordContactRequest = z.input<typeof recordContactRequestSchema>;

/**
 * A change to a promotion (`promotion.update`, synced). Before it is sent: contact, job, mode, channel,
 * message; after: the contact only (lib/domain/promotion-edits.ts). `jobSeekerTabId` names the open file
 * when there is one (needed to attach the CV when an anonymous e-mail becomes named).
 */
export const editPromotionRequestSchema = z.object({
  promotionId: idSchema,
  jobSeekerTabId: z.number().int().optional(),
  changes: z
    .object({
      contact: promotionContactSchema,
      rome: romeSchema,
      mode: promotionModeSchema,
      channel: promotionChannelSchema,
      pitch: z.string().trim().min(1, { error: 'Le message est vide.' }).max(4000, { error: 'Message : 4000 caractères au plus.' }),
    })
    .partial(),
});
export type EditPromotionRequest = z.input<typeof editPromotionRequestSchema>;
export type EditPromotionOutcome = { ok: true } | { ok: false; code: 'invalid' | 'not_found' | 'not_editable'; message: string };

export type PrepareOutcome =
  | { ok: true; promotionIds: string[]; mailsQueued: number }
  | { ok: false; code: 'consent_missing' | 'duplicate' | 'invalid' | 'not_found' | 'cv_unavailable'; message: string; duplicates?: { siret: string; name: string; at: string; by?: string }[] };
