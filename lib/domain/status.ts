import type { PromotionEvent, PromotionEventType } from './promotion';

export type PromotionStatus =
  | 'draft'
  | 'sent'
  | 'replied'
  | 'interview'
  | 'hired'
  | 'kept'
  | 'declined'
  | 'no_response'
  | 'withdrawn';

export const FINAL_STATUSES: ReadonlySet<PromotionStatus> = new Set([
  'hired',
  'kept',
  'declined',
  'no_response',
  'withdrawn',
]);

/** Progress of an open promotion; an event never moves it backwards. */
const OPEN_RANK: Partial<Record<PromotionStatus, number>> = { draft: 0, sent: 1, replied: 2, interview: 3 };

const TARGET: Partial<Record<PromotionEventType, PromotionStatus>> = {
  sent: 'sent',
  employer_replied: 'replied',
  interview: 'interview',
  profile_kept: 'kept',
  hired: 'hired',
  declined: 'declined',
  no_response: 'no_response',
  withdrawn: 'withdrawn',
};

/** Events that speak for the employer: they reopen a promotion closed automatically for lack of answer. */
const EMPLOYER_EVENTS: ReadonlySet<PromotionEventType> = new Set([
  'employer_replied',
  'interview',
  'profile_kept',
  'hired',
  'declined',
]);

export type FlagReason = 'after_final' | 'before_sent';

export interface DerivedStatus {
  status: PromotionStatus;
  sentAt?: string;
  firstReplyAt?: string;
  lastEventAt?: string;
  /** Events kept but inconsistent with the status when they came: shown for review, never dropped. */
  flagged: { eventId: string; reason: FlagReason }[];
}

export interface OrderedEvent extends PromotionEvent {
  /** Server version, when known: breaks ties between equal timestamps in server order. */
  version?: number;
}

/** Order of the contract: (at, server version, id). Unsynced events sort after synced ones at the same instant. */
export function compareEvents(a: OrderedEvent, b: OrderedEvent): number {
  if (a.at !== b.at) {
    // Compare instants: `14:32+01:00` and `13:32Z` are the same moment and fall to the version.
    const ta = Date.parse(a.at);
    const tb = Date.parse(b.at);
    if (Number.isNaN(ta) || Number.isNaN(tb)) return a.at < b.at ? -1 : 1;
    if (ta !== tb) return ta - tb;
  }
  const va = a.version ?? Number.MAX_SAFE_INTEGER;
  const vb = b.version ?? Number.MAX_SAFE_INTEGER;
  if (va !== vb) return va - vb;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Whether `type` may be recorded now: what the interface offers and the store accepts from this counsellor. */
export function canApply(status: PromotionStatus, type: PromotionEventType): boolean {
  if (type === 'note') return true;
  if (status === 'no_response') return EMPLOYER_EVENTS.has(type);
  if (FINAL_STATUSES.has(status)) return false;
  if (status === 'draft') return type === 'sent' || type === 'withdrawn';
  if (type === 'sent') return false;
  const target = TARGET[type];
  if (!target || FINAL_STATUSES.has(target)) return true; // followed_up, or a closing event
  return (OPEN_RANK[target] ?? 0) > (OPEN_RANK[status] ?? 0);
}

/** Derives the status from the events (any order in, contract order applied); never drops one. */
export function deriveStatus(events: readonly OrderedEvent[]): DerivedStatus {
  const ordered = [...events].sort(compareEvents);
  const result: DerivedStatus = { status: 'draft', flagged: [] };
  for (const event of ordered) {
    result.lastEventAt = event.at;
    if (event.type === 'note') continue;
    const current = result.status;
    if (FINAL_STATUSES.has(current) && !(current === 'no_response' && EMPLOYER_EVENTS.has(event.type))) {
      result.flagged.push({ eventId: event.id, reason: 'after_final' });
      continue;
    }
    if (current === 'draft' && event.type !== 'sent' && event.type !== 'withdrawn') {
      // Kept for review: a reply recorded before the sending was confirmed.
      result.flagged.push({ eventId: event.id, reason: 'before_sent' });
    }
    if (event.type === 'sent') result.sentAt ??= event.at;
    if (EMPLOYER_EVENTS.has(event.type)) result.firstReplyAt ??= event.at;
    const target = TARGET[event.type];
    if (!target) continue; // followed_up changes nothing
    if (FINAL_STATUSES.has(target) || (OPEN_RANK[target] ?? 0) > (OPEN_RANK[current] ?? 0)) {
      result.status = target;
    }
  }
  return result;
}

export function isFinal(status: PromotionStatus): boolean {
  return FINAL_STATUSES.has(status);
}
