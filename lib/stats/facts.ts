/**
 * What one promotion contributes to the statistics, derived from its events with `deriveStatus` (so late and
 * out-of-order events land where the contract order puts them). The server keeps one such row per promotion
 * (`promotion_facts`); the extension derives them from its local store for the offline figures.
 *
 * Counting rules (docs/domain.md):
 * - a promotion counts from its `sent` event, in the Paris month of that event; a draft counts nowhere;
 * - it has a reply when an employer event (reply, interview, kept, hired, declined) was accepted by the status:
 *   an event after a final state (flagged for review) does not count, an employer answer that reopens a
 *   `no_response` does; the delay is in calendar days (Paris) from the sending, 0 for an answer recorded
 *   before the sending was confirmed;
 * - it reached the interview stage with an accepted `interview` event, or when it ended in a hire;
 * - hires, kept profiles, declines (with the reason), no answer and withdrawn follow the derived status.
 */
import type { DeclineReason, Promotion } from '../domain/promotion';
import { deriveStatus, type OrderedEvent, type PromotionStatus } from '../domain/status';
import { daysBetween, monthOf, parisDay } from './days';
import { romeDomain } from './rome';

export interface PromotionFacts {
  id: string;
  agencyCode: string;
  /** Whose promotion it is: the server's `sub` of its author, or the extension's `counsellorId`. */
  counsellor: string;
  /** How to show the counsellor: the token's name the server stamped, else (older records) what `counsellorId` said. */
  counsellorName: string;
  romeDomain: string;
  /** The job seeker within the agency (`ftId` is not unique nationally): for « profils promus ». */
  profileKey: string;
  status: PromotionStatus;
  sentAt?: string;
  /** Paris day and month of the sending: the period the promotion counts in. */
  sentDay?: string;
  sentMonth?: string;
  firstReplyAt?: string;
  /** Calendar days from the sending to the first reply. */
  replyDays?: number;
  reachedInterview: boolean;
  declineReason?: DeclineReason;
  /** Events kept but flagged for review (after a final state, before the sending). */
  flaggedEvents: number;
}

type FactsSource = Pick<Promotion, 'id' | 'agencyCode' | 'counsellorId' | 'counsellorName' | 'rome'> & {
  jobSeeker: Pick<Promotion['jobSeeker'], 'ftId'>;
  events: readonly OrderedEvent[];
};

export function promotionFacts(promotion: FactsSource, author: string = promotion.counsellorId): PromotionFacts {
  const derived = deriveStatus(promotion.events);
  const afterFinal = new Set(derived.flagged.filter((f) => f.reason === 'after_final').map((f) => f.eventId));
  const facts: PromotionFacts = {
    id: promotion.id,
    agencyCode: promotion.agencyCode,
    counsellor: author,
    counsellorName: promotion.counsellorName ?? promotion.counsellorId,
    romeDomain: romeDomain(promotion.rome),
    profileKey: `${promotion.agencyCode}:${promotion.jobSeeker.ftId}`,
    status: derived.status,
    reachedInterview: false,
    flaggedEvents: derived.flagged.length,
  };
  if (!derived.sentAt) return facts;

  const sentDay = parisDay(derived.sentAt);
  facts.sentAt = derived.sentAt;
  facts.sentDay = sentDay;
  facts.sentMonth = monthOf(sentDay);
  if (derived.firstReplyAt) {
    facts.firstReplyAt = derived.firstReplyAt;
    facts.replyDays = Math.max(0, daysBetween(sentDay, parisDay(derived.firstReplyAt)));
  }
  // Events after a final state changed nothing; those recorded before the sending did move the status.
  const accepted = promotion.events.filter((e) => !afterFinal.has(e.id));
  facts.reachedInterview = derived.status === 'hired' || accepted.some((e) => e.type === 'interview');
  if (derived.status === 'declined') {
    // A declined promotion is final: the one accepted `declined` event is the reason.
    facts.declineReason = accepted.find((e) => e.type === 'declined')?.reason ?? 'other';
  }
  return facts;
}
