/**
 * When a field's miss rate « jumps above 5 % »: the one rule, used by the server's `GET /v1/readers/health` (which
 * stamps each field with its jump) and read as is by the dashboard. A reader that starts missing a field after
 * a redesign shows here on the day it started.
 */

/** A miss rate above this share is a problem worth a look. */
export const MISS_RATE_THRESHOLD = 0.05;
/** The days before a day that make its baseline. */
export const BASELINE_DAYS = 7;

export interface DayMisses {
  /** `YYYY-MM-DD` */
  day: string;
  readings: number;
  misses: number;
}

export interface MissRateJump {
  /** The day the rate went above the threshold. */
  day: string;
  missRate: number;
  /** The pooled rate of the `BASELINE_DAYS` before, or null when the field was not read then. */
  previousMissRate: number | null;
}

export const missRate = (misses: number, readings: number): number | null => (readings > 0 ? misses / readings : null);

const dayNumber = (day: string): number => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;

/**
 * The last day, on or after `from`, whose miss rate is above `MISS_RATE_THRESHOLD` while the pooled rate of the
 * `BASELINE_DAYS` before it was not (or nothing was read then: a page never read before that misses a field is
 * news too). A field missed all along is flagged once, on the first day it was seen missing; `null` when no
 * day jumped. `days` may start before `from` (the baseline) and come in any order.
 */
export function missRateJump(days: readonly DayMisses[], from: string): MissRateJump | null {
  const sorted = [...days].filter((d) => d.readings > 0).sort((a, b) => a.day.localeCompare(b.day));
  let jump: MissRateJump | null = null;
  for (const current of sorted) {
    if (current.day < from) continue;
    const rate = current.misses / current.readings;
    if (rate <= MISS_RATE_THRESHOLD) continue;
    const at = dayNumber(current.day);
    const before = sorted.filter((d) => dayNumber(d.day) < at && dayNumber(d.day) >= at - BASELINE_DAYS);
    const readings = before.reduce((n, d) => n + d.readings, 0);
    const previous = missRate(before.reduce((n, d) => n + d.misses, 0), readings);
    if (previous === null || previous <= MISS_RATE_THRESHOLD) jump = { day: current.day, missRate: rate, previousMissRate: previous };
  }
  return jump;
}

/** The first day of the baseline of `from`: what a caller must read to judge the period's first day. */
export function baselineStart(from: string): string {
  return new Date((dayNumber(from) - BASELINE_DAYS) * 86_400_000).toISOString().slice(0, 10);
}
