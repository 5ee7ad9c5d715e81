/**
 * The partial counts the figures are made from: what a `GROUP BY` over `promotion_facts` returns on the server,
 * and what `bucketsFromFacts` computes from the extension's own promotions. One `statsReport` turns either
 * into figures, so the server and the offline dashboard count the same way.
 */
import type { DeclineReason } from '../domain/promotion';
import type { PromotionStatus } from '../domain/status';
import type { PromotionFacts } from './facts';
import type { StatsGrouping } from './schema';

/** Promotions of one group with the same status, decline reason and reply delay (null: no reply). */
export interface FactsBucket {
  key: string;
  status: PromotionStatus;
  declineReason: DeclineReason | null;
  replyDays: number | null;
  promotions: number;
  interviews: number;
  flagged: number;
  /** The counsellor's name, when grouped by counsellor. */
  label: string | null;
}

/** Distinct job seekers of the whole selection: they do not add up across groups, so they are counted once. */
export interface ProfileCount {
  profiles: number;
  hiredProfiles: number;
}

export interface StatsBuckets {
  facts: FactsBucket[];
  profiles: ProfileCount;
}

export interface FactsFilter {
  from: string;
  to: string;
  agencyCode?: string;
  counsellor?: string;
}

/** The group a sent promotion falls in. */
export function groupKey(facts: PromotionFacts, groupBy: StatsGrouping): string {
  if (groupBy === 'month') return facts.sentMonth ?? '';
  if (groupBy === 'rome') return facts.romeDomain;
  return facts.counsellor;
}

/** Sent in the period (Paris days, both included), in the agency and of the counsellor when given. */
export function selectFacts(all: readonly PromotionFacts[], filter: FactsFilter): PromotionFacts[] {
  return all.filter(
    (f) =>
      f.sentDay !== undefined &&
      f.sentDay >= filter.from &&
      f.sentDay <= filter.to &&
      (filter.agencyCode === undefined || f.agencyCode === filter.agencyCode) &&
      (filter.counsellor === undefined || f.counsellor === filter.counsellor),
  );
}

/** The buckets of already selected facts, as the server's queries would return them. */
export function bucketsFromFacts(facts: readonly PromotionFacts[], groupBy: StatsGrouping): StatsBuckets {
  const buckets = new Map<string, FactsBucket>();
  const profiles = new Set<string>();
  const hired = new Set<string>();
  for (const f of facts) {
    const key = groupKey(f, groupBy);
    const reason = f.declineReason ?? null;
    const replyDays = f.replyDays ?? null;
    const id = `${key}\u0000${f.status}\u0000${reason}\u0000${replyDays}`;
    let bucket = buckets.get(id);
    if (!bucket) {
      bucket = { key, status: f.status, declineReason: reason, replyDays, promotions: 0, interviews: 0, flagged: 0, label: null };
      buckets.set(id, bucket);
    }
    bucket.promotions += 1;
    if (f.reachedInterview) bucket.interviews += 1;
    if (f.flaggedEvents > 0) bucket.flagged += 1;
    // Like `max(counsellor_name)` on the server: the same label whatever the order.
    if (groupBy === 'counsellor' && (bucket.label === null || f.counsellorName > bucket.label)) bucket.label = f.counsellorName;
    profiles.add(f.profileKey);
    if (f.status === 'hired') hired.add(f.profileKey);
  }
  return { facts: [...buckets.values()], profiles: { profiles: profiles.size, hiredProfiles: hired.size } };
}
