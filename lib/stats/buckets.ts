/**
 * The partial counts the figures are made from: what a `GROUP BY` over `promotion_facts` returns on the server,
 * and what `bucketsFromFacts` computes from the extension's own promotions. One `statsReport` turns either
 * into figures, so the server and the offline dashboard count the same way.
 */
import type { DeclineReason } from '../domain/promotion';
import type { PromotionStatus } from '../domain/status';
import type { PromotionFacts } from './facts';
import type { StatsGrouping } from './schema';

/** Promotions of one group sharing a status (and decline reason). */
export interface OutcomeBucket {
  key: string;
  status: PromotionStatus;
  declineReason: DeclineReason | null;
  promotions: number;
  replied: number;
  interviews: number;
  flagged: number;
}

/** Answered promotions of one group with the same delay in days. */
export interface DelayBucket {
  key: string;
  days: number;
  promotions: number;
}

/** Distinct job seekers of one group, or of the whole selection (`key: null`): they do not add up across groups. */
export interface ProfileBucket {
  key: string | null;
  /** The counsellor's name, when grouped by counsellor. */
  label: string | null;
  profiles: number;
  hiredProfiles: number;
}

export interface StatsBuckets {
  outcomes: OutcomeBucket[];
  delays: DelayBucket[];
  profiles: ProfileBucket[];
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
  const outcomes = new Map<string, OutcomeBucket>();
  const delays = new Map<string, DelayBucket>();
  const profiles = new Map<string | null, { label: string | null; all: Set<string>; hired: Set<string> }>();
  const profileGroup = (key: string | null, label: string | null) => {
    let group = profiles.get(key);
    if (!group) profiles.set(key, (group = { label, all: new Set(), hired: new Set() }));
    if (label !== null && (group.label === null || label > group.label)) group.label = label;
    return group;
  };

  for (const f of facts) {
    const key = groupKey(f, groupBy);
    const reason = f.declineReason ?? null;
    const outcomeKey = `${key}\u0000${f.status}\u0000${reason}`;
    let outcome = outcomes.get(outcomeKey);
    if (!outcome) {
      outcome = { key, status: f.status, declineReason: reason, promotions: 0, replied: 0, interviews: 0, flagged: 0 };
      outcomes.set(outcomeKey, outcome);
    }
    outcome.promotions += 1;
    if (f.replyDays !== undefined) outcome.replied += 1;
    if (f.reachedInterview) outcome.interviews += 1;
    if (f.flaggedEvents > 0) outcome.flagged += 1;

    if (f.replyDays !== undefined) {
      const delayKey = `${key}\u0000${f.replyDays}`;
      const delay = delays.get(delayKey) ?? { key, days: f.replyDays, promotions: 0 };
      delay.promotions += 1;
      delays.set(delayKey, delay);
    }

    // Like `max(counsellor_name)` on the server: the same label whatever the order.
    for (const group of [profileGroup(key, groupBy === 'counsellor' ? f.counsellorName : null), profileGroup(null, null)]) {
      group.all.add(f.profileKey);
      if (f.status === 'hired') group.hired.add(f.profileKey);
    }
  }

  return {
    outcomes: [...outcomes.values()],
    delays: [...delays.values()],
    profiles: [...profiles].map(([key, g]) => ({ key, label: g.label, profiles: g.all.size, hiredProfiles: g.hired.size })),
  };
}
