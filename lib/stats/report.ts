/** Figures from buckets: shares, median and mean delays, groups in their display order. */
import { DECLINE_REASON_CODES } from '../domain/promotion';
import { bucketsFromFacts, selectFacts, type FactsBucket, type FactsFilter, type ProfileCount, type StatsBuckets } from './buckets';
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

const REASONS = DECLINE_REASON_CODES;
const OPEN_STATUSES = new Set(['sent', 'replied', 'interview']);

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const roundTenth = (n: number) => Math.round(n * 10) / 10;

/** Median of a histogram of whole days: the middle value, or the mean of the two middle ones. */
export function medianOf(delays: readonly { days: number; promotions: number }[]): number | null {
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

/** The figures of some buckets; `profiles` only for a whole selection (null in a breakdown). */
export function figuresOf(buckets: readonly FactsBucket[], profiles: ProfileCount | null): StatsFigures {
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
    profiles: profiles?.profiles ?? null,
    hiredProfiles: profiles?.hiredProfiles ?? null,
    flagged: 0,
  };
  const delays: { days: number; promotions: number }[] = [];
  let totalDays = 0;
  for (const b of buckets) {
    f.sent += b.promotions;
    f.interviews += b.interviews;
    f.flagged += b.flagged;
    if (b.replyDays !== null) {
      f.replied += b.promotions;
      delays.push({ days: b.replyDays, promotions: b.promotions });
      totalDays += b.replyDays * b.promotions;
    }
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
  f.meanDaysToReply = f.replied > 0 ? roundTenth(totalDays / f.replied) : null;
  return f;
}

function groupLabel(groupBy: StatsGrouping, key: string, counsellorName: string | null | undefined): string {
  if (groupBy === 'month') return monthLabel(key);
  if (groupBy === 'rome') return romeDomainLabel(key);
  return counsellorName || key;
}

/** The report of a selection: its total and one line per group (every month of the period when by month). */
export function statsReport(buckets: StatsBuckets, context: ReportContext): StatsReport {
  const byKey = new Map<string, FactsBucket[]>();
  const labels = new Map<string, string>();
  for (const b of buckets.facts) {
    const list = byKey.get(b.key);
    if (list) list.push(b);
    else byKey.set(b.key, [b]);
    const known = labels.get(b.key);
    if (b.label !== null && (known === undefined || b.label > known)) labels.set(b.key, b.label);
  }
  const label = (key: string) => groupLabel(context.groupBy, key, labels.get(key));
  const keys =
    context.groupBy === 'month'
      ? monthsBetween(context.from, context.to)
      : [...byKey.keys()].sort((a, b) => (context.groupBy === 'counsellor' ? label(a).localeCompare(label(b), 'fr') : a < b ? -1 : a > b ? 1 : 0));
  const groups: StatsGroup[] = keys.map((key) => ({ key, label: label(key), figures: figuresOf(byKey.get(key) ?? [], null) }));
  return { ...context, total: figuresOf(buckets.facts, buckets.profiles), groups };
}

/** The extension's way: the report straight from promotion facts (offline figures, tests). */
export function statsFromFacts(all: readonly PromotionFacts[], filter: FactsFilter, context: Omit<ReportContext, 'from' | 'to'>): StatsReport {
  const selected = selectFacts(all, filter);
  return statsReport(bucketsFromFacts(selected, context.groupBy), { ...context, from: filter.from, to: filter.to });
}
