/**
 * « Proposer une sélection » on a need of the establishment board: the panel names the establishment tab, the need,
 * the pool entries ticked and the mode of each; the background takes the establishment, the files, the consent and
 * the counsellor from its own readings and the store, checks consent for each profile again, records one promotion
 * per profile and prepares one e-mail in the webmail.
 */
import { z } from 'zod';
import { SHORTLIST_MAX, SHORTLIST_MAX_MESSAGE } from '@/lib/domain/shortlist';
import { idSchema, promotionModeSchema } from '@/lib/domain/promotion';

export const shortlistPickSchema = z.object({ poolEntryId: idSchema, mode: promotionModeSchema });

export const shortlistRequestSchema = z.object({
  establishmentTabId: z.number().int().min(0),
  needId: idSchema,
  /** The establishment's contact to write to (index in its page's contacts); the first with an e-mail otherwise. */
  contactIndex: z.number().int().min(0).optional(),
  picks: z
    .array(shortlistPickSchema)
    .min(1, { error: 'Cochez au moins un profil du vivier.' })
    .max(SHORTLIST_MAX, { error: SHORTLIST_MAX_MESSAGE })
    .refine((picks) => new Set(picks.map((p) => p.poolEntryId)).size === picks.length, { error: 'Un profil est coché deux fois.' }),
  /** The counsellor saw that some profiles were proposed to this establishment within 90 days, and sends anyway. */
  acknowledgedDuplicates: z.boolean().optional(),
});
export type ShortlistRequest = z.input<typeof shortlistRequestSchema>;

/** A profile taken out at sending time: its consent is no longer certain. Never sent. */
export interface ExcludedProfile {
  poolEntryId: string;
  name: string;
  reason: string;
}

/** A profile already proposed to this establishment within the 90-day window (lib/domain/duplicates.ts). */
export interface DuplicateProfile {
  poolEntryId: string;
  name: string;
  /** When that promotion was last acted on (created or sent), and by whom. */
  at: string;
  by: string;
}

export type ShortlistOutcome =
  | { ok: true; promotionIds: string[]; references: string[] }
  /** Some profiles were taken out: nothing was recorded; the counsellor confirms sending the others (or not). */
  | { ok: false; code: 'consent_changed'; message: string; excluded: ExcludedProfile[] }
  /** Nothing was recorded: the counsellor sends anyway (`acknowledgedDuplicates`) or without these profiles. */
  | { ok: false; code: 'duplicate'; message: string; duplicates: DuplicateProfile[] }
  | { ok: false; code: 'invalid' | 'not_found' | 'cv_unavailable'; message: string };

export interface ShortlistProtocol {
  /** UI → background: record one promotion per ticked profile and prepare the one e-mail in the webmail. */
  'shortlist.prepare'(request: ShortlistRequest): ShortlistOutcome;
}
