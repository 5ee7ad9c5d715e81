/**
 * The contract between the UI and the background's mail queue (lib/background/mail-queue.ts). The UI asks
 * the background; it never reads nor deletes the queue's storage. It only watches `MAIL_QUEUE_KEY` change
 * to know when to ask again.
 */
import { z } from 'zod';
import { isoDateSchema } from '@/lib/domain/formats';
import { idSchema } from '@/lib/domain/promotion';

/**
 * storage.local: the e-mails waiting to be sent (promotion id, reference, subject — no personal data).
 * Survives a browser restart.
 */
export const MAIL_QUEUE_KEY = 'mail.queue';
/** storage.session: set once the queue has seen this browser session; absent, the browser was restarted. */
export const MAIL_SESSION_KEY = 'mail.session';
/** storage.session: a promotion's e-mail as prepared (address, text, CV), dropped when the browser closes. */
export const mailDraftKey = (promotionId: string) => `mail.draft.${promotionId}`;

/** An e-mail prepared in the webmail or waiting for its turn there. */
export interface PendingMail {
  promotionId: string;
  reference: string;
  subject: string;
  to: string[];
}

export const mailResumeRequestSchema = z.object({ promotionId: idSchema });
export type MailResumeRequest = z.input<typeof mailResumeRequestSchema>;

export const mailMarkSentRequestSchema = z.object({
  promotionId: idSchema,
  /** The day it left, `AAAA-MM-JJ`, Paris time; not after today. */
  sentOn: isoDateSchema,
});
export type MailMarkSentRequest = z.input<typeof mailMarkSentRequestSchema>;

export const mailAbandonRequestSchema = z.object({
  promotionId: idSchema,
  reason: z
    .string()
    .trim()
    .min(1, { error: "Indiquez pourquoi l'e-mail est abandonné." })
    .max(2000, { error: 'Motif : 2000 caractères au plus.' }),
});
export type MailAbandonRequest = z.input<typeof mailAbandonRequestSchema>;

export type MailCommandOutcome = { ok: true } | { ok: false; message: string };

export interface MailQueueProtocol {
  /** UI → background: the e-mails of the current sending, the one in the webmail first. */
  'mail.pending'(): PendingMail[];
  /** UI → background: stop preparing the waiting e-mails; their promotions stay drafts, to resume later. */
  'mail.pause'(): void;
  /** UI → background: « Reprendre l'e-mail » — fill the webmail's new-message form again for this draft. */
  'mail.resume'(request: MailResumeRequest): MailCommandOutcome;
  /** UI → background: « Marquer comme envoyée » — the e-mail left another way, on `sentOn`. */
  'mail.markSent'(request: MailMarkSentRequest): MailCommandOutcome;
  /** UI → background: « Abandonner » — the promotion is withdrawn, with the reason. */
  'mail.abandon'(request: MailAbandonRequest): MailCommandOutcome;
}
