/** Figures from buckets: shares, median and mean delays, groups in their display order. */
import { DECLINE_REASONS, type DeclineReason } from '../domain/promotion';
import { bucketsFromFacts, selectFacts, type DelayBucket, type FactsFilter, type OutcomeBucket, type StatsBuckets } from './buckets';
import { monthLabel, monthsBetween } from './days';
import type { PromotionFacts } from './facts';
import { romeDomainLabel } from './rome';
import type { DeclinesByReason, StatsFigures, StatsGroup, StatsGrouping, StatsPerimeter, StatsReport } from './schema';

export interface ReportContext {
  scope: string;
  perimeter: StatsPerimeter;
  from: string;
  to: string;
  groupBy: StatsGrouping;
  generatedAt: string;
}

const REASONS = Object.keys(DECLINE_REASONS) as DeclineReason[];
const OPEN_STATUSES = new Set(['sent', 'replied', 'interview']);

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const roundTenth = (n: number) => Math.round(n * 10) / 10;

/** Median of a histogram of whole days: the middle value, or the mean of the two middle ones. */
export function medianOf(delays: readonly Pick<DelayBucket, 'days' | 'promotions'>[]): number | null {
  const sorted = [...delays].filter((d) => d.promotions > 0).sort((a, b) => a.days - b.days);
  const total = sorted.reduce((n, d) => n + d.promotions, 0);
  if (total === 0) return null;
  const valueAt = (rank: number): number => {
    let seen = 0;
    for (const d of sorted) {
      seen += d.promotions;
      if (rank < seen) return d.days;
    }
    return sorted[sorted.length - 1]!.days;
  };
  return total % 2 === 1 ? valueAt((total - 1) / 2) : (valueAt(total / 2 - 1) + valueAt(total / 2)) / 2;
}

export function emptyDeclines(): DeclinesByReason {
  return Object.fromEntries(REASONS.map((r) => [r, 0])) as DeclinesByReason;
}

export function figuresOf(
  outcomes: readonly OutcomeBucket[],
  delays: readonly DelayBucket[],
  profiles: { profiles: number; hiredProfiles: number } = { profiles: 0, hiredProfiles: 0 },
): StatsFigures {
  const f: StatsFigures = {
    sent: 0,
    replied: 0,
    replyRate: null,
    medianDaysToReply: null,
    meanDaysToReply: null,
    interviews: 0,
    hires: 0,
    hireRate: null,
    kept: 0,
    declined: 0,
    declinesByReason: emptyDeclines(),
    noResponse: 0,
    withdrawn: 0,
    open: 0,
    profiles: profiles.profiles,
    hiredProfiles: profiles.hiredProfiles,
    flagged: 0,
  };
  for (const b of outcomes) {
    f.sent += b.promotions;
    f.replied += b.replied;
    f.interviews += b.interviews;
    f.flagged += b.flagged;
    if (b.status === 'hired') f.hires += b.promotions;
    else if (b.status === 'kept') f.kept += b.promotions;
    else if (b.status === 'no_response') f.noResponse += b.promotions;
    else if (b.status === 'withdrawn') f.withdrawn += b.promotions;
    else if (b.status === 'declined') {
      f.declined += b.promotions;
      const reason = b.declineReason && b.declineReason in f.declinesByReason ? b.declineReason : 'other';
      f.declinesByReason[reason] += b.promotions;
    } else if (OPEN_STATUSES.has(b.status)) f.open += b.promotions;
  }
  f.replyRate = share(f.replied, f.sent);
  f.hireRate = share(f.hires, f.sent);
  f.medianDaysToReply = medianOf(delays);
  const answered = delays.reduce((n, d) => n + d.promotions, 0);
  f.meanDaysToReply = answered > 0 ? roundTenth(delays.reduce((n, d) => n + d.days * d.promotions, 0) / answered) : null;
  return f;
}

function groupLabel(groupBy: StatsGrouping, key: string, counsellorName: string | null | undefined): string {
  if (groupBy === 'month') return monthLabel(key);
  if (groupBy === 'rome') return romeDomainLabel(key);
  return counsellorName || key;
}

/** The report of a selection: its total and one line per group (every month of the period when by month). */
export function statsReport(buckets: StatsBuckets, context: ReportContext): StatsReport {
  const byKey = new Map<string, { outcomes: OutcomeBucket[]; delays: DelayBucket[] }>();
  const entry = (key: string) => {
    let e = byKey.get(key);
    if (!e) byKey.set(key, (e = { outcomes: [], delays: [] }));
    return e;
  };
  for (const b of buckets.outcomes) entry(b.key).outcomes.push(b);
  for (const d of buckets.delays) entry(d.key).delays.push(d);
  const profiles = new Map(buckets.profiles.map((p) => [p.key, p]));

  const keys =
    context.groupBy === 'month'
      ? monthsBetween(context.from, context.to)
      : [...byKey.keys()].sort((a, b) =>
          context.groupBy === 'counsellor'
            ? groupLabel('counsellor', a, profiles.get(a)?.label).localeCompare(groupLabel('counsellor', b, profiles.get(b)?.label), 'fr')
            : a.localeCompare(b),
        );
  const groups: StatsGroup[] = keys.map((key) => {
    const e = byKey.get(key) ?? { outcomes: [], delays: [] };
    return { key, label: groupLabel(context.groupBy, key, profiles.get(key)?.label), figures: figuresOf(e.outcomes, e.delays, profiles.get(key)) };
  });

  return {
    ...context,
    total: figuresOf(buckets.outcomes, buckets.delays, profiles.get(null)),
    groups,
  };
}

/** The extension's way: the report straight from promotion facts (offline figures, tests). */
export function statsFromFacts(all: readonly PromotionFacts[], filter: FactsFilter, context: Omit<ReportContext, 'from' | 'to'>): StatsReport {
  const selected = selectFacts(all, filter);
  return statsReport(bucketsFromFacts(selected, context.groupBy), { ...context, from: filter.from, to: filter.to });
}
