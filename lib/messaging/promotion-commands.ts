import { z } from 'zod';
import { siretSchema } from '@/lib/domain/formats';
import { promotionChannelSchema, promotionModeSchema } from '@/lib/domain/promotion';

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
  targets: z.array(promotionTargetSchema).min(1, { error: 'Choisissez au moins un établissement.' }).max(20),
  mode: promotionModeSchema,
  rome: z.string().optional(),
  /** The pitch as edited by the counsellor; absent, it is written for each establishment. */
  editedBody: z.string().trim().max(4000).optional(),
  acknowledgedDuplicates: z.boolean().default(false),
});
export type PrepareRequest = z.input<typeof prepareRequestSchema>;

export const recordContactRequestSchema = prepareRequestSchema.extend({
  channel: promotionChannelSchema.exclude(['email']),
});
export type RecordContactRequest = z.input<typeof recordContactRequestSchema>;

export type PrepareOutcome =
  | { ok: true; promotionIds: string[]; mailsQueued: number }
  | { ok: false; code: 'consent_missing' | 'duplicate' | 'invalid' | 'not_found' | 'cv_unavailable'; message: string; duplicates?: { siret: string; name: string; at: string }[] };
