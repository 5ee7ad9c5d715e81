/**
 * Calendar days in Paris: reminders are due on a day, not at an instant. Days are `YYYY-MM-DD`
 * strings; working days skip weekends and French public holidays (@socialgouv/jours-feries).
 */
import joursFeries from '@socialgouv/jours-feries';

const MS_PER_DAY = 86_400_000;
const parisFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

const MS_PER_HOUR = 3_600_000;
/** Paris days by UTC hour: Paris changes day on a whole UTC hour, and Intl formatting is slow for long lists. */
const parisDayByHour = new Map<number, string>();

/** The day in Paris of an instant: `2026-11-01T23:30:00Z` → `2026-11-02`. */
export function parisDay(at: Date | string | number): string {
  const ms = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
  if (Number.isNaN(ms)) return parisFormat.format(new Date(ms)); // throws the usual RangeError
  const hour = Math.floor(ms / MS_PER_HOUR);
  let day = parisDayByHour.get(hour);
  if (day === undefined) {
    if (parisDayByHour.size > 50_000) parisDayByHour.clear();
    day = parisFormat.format(ms);
    parisDayByHour.set(hour, day);
  }
  return day;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` day. */
const dayNumber = (day: string): number => Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / MS_PER_DAY;
const fromDayNumber = (n: number): string => new Date(n * MS_PER_DAY).toISOString().slice(0, 10);

export const addDays = (day: string, n: number): string => fromDayNumber(dayNumber(day) + n);
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);
export const laterDay = (a: string, b: string | undefined): string => (b !== undefined && b > a ? b : a);

const holidaysByYear = new Map<number, Set<string>>();
const localDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/**
 * The public holidays of metropolitan France in `year`. The library builds local midnights and adds
 * 24-hour steps from Easter, so a daylight-saving change of the machine's zone can shift a date by an
 * hour either way: rounding to the nearest local day keeps it right in any zone.
 */
export function frenchHolidays(year: number): ReadonlySet<string> {
  let days = holidaysByYear.get(year);
  if (!days) {
    days = new Set(Object.values(joursFeries(year)).map((d) => localDay(new Date(d.getTime() + MS_PER_DAY / 2))));
    holidaysByYear.set(year, days);
  }
  return days;
}

/** Holidays as day numbers, for the tight loop of `addWorkingDays`. */
const holidayNumbersByYear = new Map<number, ReadonlySet<number>>();
function isHolidayNumber(n: number): boolean {
  const year = new Date(n * MS_PER_DAY).getUTCFullYear();
  let numbers = holidayNumbersByYear.get(year);
  if (!numbers) {
    numbers = new Set([...frenchHolidays(year)].map(dayNumber));
    holidayNumbersByYear.set(year, numbers);
  }
  return numbers.has(n);
}

/** Day 0 (1970-01-01) was a Thursday: 0 = Sunday … 6 = Saturday. */
const weekdayOf = (n: number) => (((n + 4) % 7) + 7) % 7;
const isWorkingNumber = (n: number) => {
  const weekday = weekdayOf(n);
  return weekday !== 0 && weekday !== 6 && !isHolidayNumber(n);
};

export const isWorkingDay = (day: string): boolean => isWorkingNumber(dayNumber(day));

/** The `n`-th working day after `day` (`day` itself is not counted). */
export function addWorkingDays(day: string, n: number): string {
  let current = dayNumber(day);
  let counted = 0;
  while (counted < n) {
    current += 1;
    if (isWorkingNumber(current)) counted += 1;
  }
  return fromDayNumber(current);
}

/** `n` days after `day`, working or calendar days as the settings say. */
export const addDelay = (day: string, n: number, workingDays: boolean): string =>
  workingDays ? addWorkingDays(day, n) : addDays(day, n);
