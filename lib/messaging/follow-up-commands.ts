/** Follow-up commands, side panel and popup → background, parsed there with zod. */
import { z } from 'zod';
import { declineReasonSchema, idSchema } from '@/lib/domain/promotion';
import type { PromotionStatus } from '@/lib/domain/status';

/** What a counsellor may record by hand; `sent` comes from the sending flows, `no_response` from the schedule. */
export const OUTCOME_TYPES = [
  'followed_up',
  'employer_replied',
  'interview',
  'hired',
  'profile_kept',
  'declined',
  'withdrawn',
  'note',
] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];

/** A refusal says why, and « Autre » says what: the rule of every request that records an outcome. */
export function refineDeclineReason(r: { type: string; reason?: string; note?: string }, ctx: z.RefinementCtx): void {
  if (r.type === 'declined' && !r.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Choisissez le motif du refus.' });
  if (r.type === 'declined' && r.reason === 'other' && !r.note) {
    ctx.addIssue({ code: 'custom', path: ['note'], message: 'Le motif « Autre » demande une précision.' });
  }
}

export const addEventRequestSchema = z
  .object({
    promotionId: idSchema,
    type: z.enum(OUTCOME_TYPES, { error: 'Action inconnue.' }),
    reason: declineReasonSchema.optional(),
    note: z.string().trim().max(2000, { error: 'Note : 2000 caractères au plus.' }).optional(),
  })
  .superRefine((r, ctx) => {
    refineDeclineReason(r, ctx);
    if (r.type === 'note' && !r.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'La note est vide.' });
  });
export type AddEventRequest = z.input<typeof addEventRequestSchema>;

export type AddEventOutcome =
  | { ok: true; status: PromotionStatus }
  | { ok: false; code: 'invalid' | 'transition' | 'not_found'; message: string };

export const snoozeRequestSchema = z.object({ promotionId: idSchema });
export type SnoozeOutcome = { ok: true; until: string } | { ok: false; message: string };

/** Test builds only: the background's clock is the system clock plus `offsetMs`. */
export const setClockRequestSchema = z.object({ offsetMs: z.number().int().min(0).max(400 * 86_400_000) });
export type SetClockRequest = z.input<typeof setClockRequestSchema>;
