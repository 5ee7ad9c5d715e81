// Days in Paris, weekends and French public holidays (from @socialgouv/jours-feries, not typed by hand).
import { describe, expect, it } from 'vitest';
import { addDays, addDelay, addWorkingDays, daysBetween, frenchHolidays, isWorkingDay, parisDay } from '@/lib/reminders/calendar';

describe('calendar of the reminders', () => {
  it('reads an instant as the day it is in Paris', () => {
    expect(parisDay('2026-11-01T23:30:00Z')).toBe('2026-11-02'); // 00:30 in Paris (winter time)
    expect(parisDay('2026-07-01T22:30:00Z')).toBe('2026-07-02'); // 00:30 in Paris (summer time)
    expect(parisDay('2026-11-02T10:00:00+01:00')).toBe('2026-11-02');
  });

  it('counts calendar days across months and years', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(daysBetween('2026-02-25', '2026-03-02')).toBe(5);
  });

  it('knows the French public holidays of any year, Easter-based ones included', () => {
    expect(frenchHolidays(2026).has('2026-11-11')).toBe(true); // Armistice
    expect(frenchHolidays(2026).has('2026-04-06')).toBe(true); // Easter Monday (Easter: 5 April 2026)
    expect(frenchHolidays(2027).has('2027-03-29')).toBe(true); // Easter Monday (Easter: 28 March 2027)
    expect(frenchHolidays(2027).has('2027-05-06')).toBe(true); // Ascension
    expect(frenchHolidays(2026).has('2026-12-26')).toBe(false); // Saint-Étienne: Alsace-Moselle only
  });

  it('skips weekends and public holidays as working days', () => {
    expect(isWorkingDay('2026-11-12')).toBe(true); // Thursday
    expect(isWorkingDay('2026-11-11')).toBe(false); // Wednesday, Armistice
    expect(isWorkingDay('2026-11-14')).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-15')).toBe(false); // Sunday
  });

  it('adds working days over a weekend and the 11 November', () => {
    // From Friday 6 November: 9, 10, (11 off), 12, 13, 16, 17, 18.
    expect(addWorkingDays('2026-11-06', 7)).toBe('2026-11-18');
    expect(addDelay('2026-11-06', 7, false)).toBe('2026-11-13');
  });

  it('adds working days over Easter Monday', () => {
    // From Thursday 2 April 2026: 3, (4–5 weekend, 6 Easter Monday), 7, 8.
    expect(addWorkingDays('2026-04-02', 3)).toBe('2026-04-08');
  });

  it('lands on a working day when starting on a weekend', () => {
    expect(addWorkingDays('2026-11-14', 1)).toBe('2026-11-16');
  });
});
