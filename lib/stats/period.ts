/** The period of a statistics request: defaults and bounds. */
import { monthStart, monthsBetween, parisDay } from './days';
import { MAX_STATS_MONTHS } from './schema';

export interface StatsPeriod {
  from: string;
  to: string;
}

/** Twelve months: from the first day of the month eleven months ago to today (Paris). */
export function defaultPeriod(now: Date = new Date()): StatsPeriod {
  const today = parisDay(now);
  return { from: monthStart(today, 11), to: today };
}

/** The asked period, twelve months up to `to` (today by default) when `from` is not given; or a French message when it is too long. */
export function resolvePeriod(asked: { from?: string; to?: string }, now: Date = new Date()): StatsPeriod | { error: string } {
  const to = asked.to ?? parisDay(now);
  const from = asked.from ?? monthStart(to, 11);
  if (from > to) return { error: 'Période invalide : la date de début doit précéder la date de fin.' };
  if (monthsBetween(from, to).length > MAX_STATS_MONTHS) {
    return { error: `Période trop longue : ${MAX_STATS_MONTHS / 12} ans au plus par demande.` };
  }
  return { from, to };
}
