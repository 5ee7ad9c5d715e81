/** The periods offered on the dashboard, in Paris days. */
import { frenchDate, monthStart, parisDay } from '@/lib/stats/days';
import type { StatsPeriod } from '@/lib/stats/period';

export const PERIOD_CHOICES = {
  '12m': '12 derniers mois',
  '6m': '6 derniers mois',
  '3m': '3 derniers mois',
  year: 'Année en cours',
  lastYear: 'Année précédente',
} as const;
export type PeriodChoice = keyof typeof PERIOD_CHOICES;

export function periodOf(choice: PeriodChoice, now: Date = new Date()): StatsPeriod {
  const today = parisDay(now);
  const year = Number(today.slice(0, 4));
  switch (choice) {
    case '12m':
      return { from: monthStart(today, 11), to: today };
    case '6m':
      return { from: monthStart(today, 5), to: today };
    case '3m':
      return { from: monthStart(today, 2), to: today };
    case 'year':
      return { from: `${year}-01-01`, to: today };
    case 'lastYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}

export const periodLabel = (p: StatsPeriod) => `du ${frenchDate(p.from)} au ${frenchDate(p.to)}`;
