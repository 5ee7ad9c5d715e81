/**
 * Retention (docs/domain.md, docs/privacy.md): promotions with their events, and pool entries, are deleted
 * 24 months after their last event. Pure rules, shared by the server's scheduled purge and the extension's
 * start-up cleanup, so both drop the same records.
 */
export const RETENTION_MONTHS = 24;

/** `now` minus 24 calendar months (UTC); a record whose last activity is before it is past retention. */
export function retentionCutoff(now: Date, months: number = RETENTION_MONTHS): Date {
  const cutoff = new Date(now.getTime());
  const day = cutoff.getUTCDate();
  cutoff.setUTCDate(1);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  // 29 February or a 31st: the last day of the target month.
  const lastDay = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() + 1, 0)).getUTCDate();
  cutoff.setUTCDate(Math.min(day, lastDay));
  return cutoff;
}

interface PromotionDates {
  createdAt: string;
  events: readonly { at: string }[];
}

const time = (iso: string | undefined) => {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? undefined : t;
};

/**
 * When the promotion last happened: its newest event, or its creation without events. A date in the
 * future (a wrong clock) counts as `now`, so a bad clock never keeps a record for ever.
 */
export function promotionLastActivity(promotion: PromotionDates, now: Date): Date {
  let last = time(promotion.createdAt) ?? now.getTime();
  for (const event of promotion.events) last = Math.max(last, time(event.at) ?? last);
  return new Date(Math.min(last, now.getTime()));
}

/** A pool entry has no events: its clock starts when it was added. */
export function poolEntryLastActivity(entry: { createdAt: string }, now: Date): Date {
  return new Date(Math.min(time(entry.createdAt) ?? now.getTime(), now.getTime()));
}

export function isPastRetention(lastActivity: Date, now: Date): boolean {
  return lastActivity.getTime() < retentionCutoff(now).getTime();
}
