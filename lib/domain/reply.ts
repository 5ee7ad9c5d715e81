/**
 * An employer's reply in the webmail and the promotions it answers: matched by the references it carries
 * (`promotionReference`), recorded as an ordinary promotion event dated from the message, never twice.
 */
import type { Promotion, PromotionEvent, PromotionEventType } from './promotion';
import { canApply, type PromotionStatus } from './status';

/** What a reply may tell, in the order the panel offers them: the employer's outcomes. */
export const REPLY_OUTCOMES = ['employer_replied', 'interview', 'hired', 'profile_kept', 'declined'] as const satisfies readonly PromotionEventType[];
export type ReplyOutcome = (typeof REPLY_OUTCOMES)[number];

const isReplyOutcome = (type: PromotionEventType): type is ReplyOutcome => (REPLY_OUTCOMES as readonly string[]).includes(type);

/** The part of a promotion the matching needs. */
export interface ReplyTarget {
  reference: string;
  status: PromotionStatus;
  events: readonly Pick<PromotionEvent, 'type' | 'at'>[];
}

/** The promotions a message refers to, in the order of its references (a reference nobody holds is skipped). */
export function promotionsReferredTo<P extends { reference: string }>(references: readonly string[], promotions: readonly P[]): P[] {
  const byReference = new Map(promotions.map((p) => [p.reference, p] as const));
  return references.flatMap((reference) => {
    const promotion = byReference.get(reference);
    return promotion ? [promotion] : [];
  });
}

/** Who a reply is about: « Profil anonyme » for an anonymous promotion (the employer never had the name). */
export function replyPerson(promotion: Pick<Promotion, 'mode' | 'jobSeeker'>): string {
  if (promotion.mode === 'anonymous') return 'Profil anonyme';
  return `${promotion.jobSeeker.firstName} ${promotion.jobSeeker.lastName}`.trim() || 'Profil anonyme';
}

const sameInstant = (a: string, b: string) => Date.parse(a) === Date.parse(b);

/** The employer's outcome already recorded from this message: an outcome dated at the message's instant. */
export function recordedFromMessage<E extends Pick<PromotionEvent, 'type' | 'at'>>(events: readonly E[], receivedAt: string): E | undefined {
  return events.find((e) => isReplyOutcome(e.type) && sameInstant(e.at, receivedAt));
}

/** The outcomes the panel offers for this promotion from a message: those its status still takes. */
export function replyOutcomesAllowed(status: PromotionStatus): ReplyOutcome[] {
  return REPLY_OUTCOMES.filter((type) => canApply(status, type));
}

/**
 * Whether a reply still waits for the counsellor: the promotion still takes an employer's outcome and none was
 * recorded at or after the message's instant (an answer noted later, by phone or from this message, covers it).
 */
export function awaitsRecording(promotion: ReplyTarget, receivedAt: string): boolean {
  if (replyOutcomesAllowed(promotion.status).length === 0) return false;
  const received = Date.parse(receivedAt);
  return !promotion.events.some((e) => isReplyOutcome(e.type) && Date.parse(e.at) >= received);
}

/** Why an outcome cannot be recorded from this message, in French; undefined when it can. */
export function replyRecordingProblem(promotion: ReplyTarget, references: readonly string[], type: ReplyOutcome, receivedAt: string): string | undefined {
  if (!references.includes(promotion.reference)) return `Ce message ne cite pas la référence ${promotion.reference}.`;
  const recorded = recordedFromMessage(promotion.events, receivedAt);
  if (recorded) return 'La réponse de ce message est déjà enregistrée.';
  if (!canApply(promotion.status, type)) return 'Le statut de cette promotion ne permet plus cette issue : rechargez le panneau.';
  return undefined;
}
