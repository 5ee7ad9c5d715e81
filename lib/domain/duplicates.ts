/**
 * The 90-day rule: the same profile should not be proposed to the same establishment twice in a
 * short time. Pure, so the store, the side panel and the server apply the same rule.
 */
import { deriveStatus, type OrderedEvent } from './status';

export const DUPLICATE_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

/** The fields of a promotion the rule looks at. */
export interface DuplicateCandidate {
  createdAt: string;
  jobSeeker: { ftId: string };
  establishment: { siret: string };
  events: readonly OrderedEvent[];
}

/** The last time the promotion was acted on for the rule: its creation or its sending, whichever is later. */
export function lastActivityAt(promotion: DuplicateCandidate): number {
  const sentAt = deriveStatus(promotion.events).sentAt;
  const times = [Date.parse(promotion.createdAt), sentAt ? Date.parse(sentAt) : Number.NaN].filter(Number.isFinite);
  return times.length ? Math.max(...times) : Number.NaN;
}

/**
 * Whether `promotion` already proposes this profile to this establishment within `days` before
 * `now` (bounds included). A withdrawn promotion does not count.
 */
export function isRecentDuplicate(
  promotion: DuplicateCandidate,
  ftId: string,
  siret: string,
  now: Date | string | number,
  days: number = DUPLICATE_WINDOW_DAYS,
): boolean {
  if (promotion.jobSeeker.ftId.trim().toUpperCase() !== ftId.trim().toUpperCase()) return false;
  if (promotion.establishment.siret.replace(/\s+/g, '') !== siret.replace(/\s+/g, '')) return false;
  if (deriveStatus(promotion.events).status === 'withdrawn') return false;
  const last = lastActivityAt(promotion);
  const nowMs = new Date(now).getTime();
  return Number.isFinite(last) && nowMs - last <= days * DAY_MS;
}

/** The most recently active duplicate among `promotions`, if any. */
export function recentDuplicateAmong<T extends DuplicateCandidate>(
  promotions: readonly T[],
  ftId: string,
  siret: string,
  now: Date | string | number,
  days: number = DUPLICATE_WINDOW_DAYS,
): T | undefined {
  let found: T | undefined;
  for (const p of promotions) {
    if (!isRecentDuplicate(p, ftId, siret, now, days)) continue;
    if (!found || lastActivityAt(p) > lastActivityAt(found)) found = p;
  }
  return found;
}

/**
 * What the 90-day warnings say of the earlier promotion: when it was last acted on (created or sent) and by whom,
 * their display name when known (never guessed), else their identifier.
 */
export function duplicateSeen(previous: DuplicateCandidate & { counsellorId: string; counsellorName?: string }): { at: string; by: string } {
  const last = lastActivityAt(previous);
  return { at: Number.isFinite(last) ? new Date(last).toISOString() : previous.createdAt, by: previous.counsellorName ?? previous.counsellorId };
}
