/** Calendar days and months in Paris: a promotion sent at 23:30 UTC on 31 March counts in April. */

const MS_PER_DAY = 86_400_000;
const parisFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `YYYY-MM-DD` in Paris of an ISO instant (any offset). */
export function parisDay(at: string | Date): string {
  return parisFormat.format(typeof at === 'string' ? new Date(at) : at);
}

/** `YYYY-MM` of a `YYYY-MM-DD` day. */
export const monthOf = (day: string): string => day.slice(0, 7);

const dayNumber = (day: string): number =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / MS_PER_DAY;

/** Calendar days from `from` to `to` (both `YYYY-MM-DD`): the next day is 1, whatever the hours. */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** Every month from the month of `from` to the month of `to`, both included, as `YYYY-MM`. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = monthOf(to);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) return months;
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** First day of the month `n` months before the month of `day` (n = 0: its own month). */
export function monthStart(day: string, monthsBack = 0): string {
  const total = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 - monthsBack;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-01`;
}

const MONTH_NAMES = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** `2025-03` → `mars 2025`. */
export const monthLabel = (month: string): string => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

const SHORT_MONTH_NAMES = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

/** `2025-03` → `mars 25`, for chart axes. */
export const shortMonthLabel = (month: string): string =>
  `${SHORT_MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(2, 4)}`;

/** `2025-03-12` → `12/03/2025`, as the legacy tools and spreadsheets show it. */
export const frenchDate = (day: string): string => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
