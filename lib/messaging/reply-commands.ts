/**
 * Employers' replies in the webmail, between the side panel and the background (lib/background/replies.ts).
 * The panel asks which replies wait (`reply.pending`) and records an outcome from the message open in a tab
 * (`reply.record`): the background dates it from its own reading of that tab, never from what the panel says.
 */
import { z } from 'zod';
import { emailSchema } from '@/lib/domain/formats';
import { dateTimeSchema, declineReasonSchema, idSchema } from '@/lib/domain/promotion';
import { REPLY_OUTCOMES } from '@/lib/domain/reply';
import type { PromotionStatus } from '@/lib/domain/status';
import { refineDeclineReason, type AddEventOutcome } from './follow-up-commands';

/**
 * storage.local: the replies the webmail showed (inbox list or message page): the message's address, sender, date
 * and references — never its subject nor its body. The panel only watches the key to know when to ask again.
 */
export const REPLIES_SEEN_KEY = 'replies.seen';

export const replySeenSchema = z.object({
  url: z.url(),
  from: emailSchema,
  receivedAt: dateTimeSchema,
  references: z.array(z.string().regex(/^PRF-[0-9A-Z]{6}$/)).min(1),
});
export type ReplySeen = z.infer<typeof replySeenSchema>;

/** A reply not yet recorded, with the promotions it answers that still wait for it. */
export interface PendingReply {
  url: string;
  from: string;
  receivedAt: string;
  promotions: { id: string; reference: string; person: string; establishment: string; status: PromotionStatus }[];
}

export const replyRecordRequestSchema = z
  .object({
    /** The tab showing the message: its reading gives the references and the date. */
    tabId: z.number().int().min(0),
    promotionId: idSchema,
    type: z.enum(REPLY_OUTCOMES, { error: 'Action inconnue.' }),
    reason: declineReasonSchema.optional(),
    note: z.string().trim().max(2000, { error: 'Note : 2000 caractères au plus.' }).optional(),
  })
  .superRefine(refineDeclineReason);
export type ReplyRecordRequest = z.input<typeof replyRecordRequestSchema>;

export interface ReplyProtocol {
  /** UI → background: the replies the webmail showed that no outcome covers yet, newest first. */
  'reply.pending'(): PendingReply[];
  /** UI → background: record an employer's outcome from the message open in `tabId`, dated from the message. */
  'reply.record'(request: ReplyRecordRequest): AddEventOutcome;
}
