import { describe, expect, it } from 'vitest';
import { baselineStart, missRateJump } from '@/lib/domain/miss-rate';

const day = (d: string, readings: number, misses: number) => ({ day: d, readings, misses });

describe('a field whose miss rate jumps above 5 %', () => {
  it('is flagged on the day the rate went above 5 % after a week at or under it', () => {
    const days = [day('2026-11-25', 100, 2), day('2026-11-30', 100, 5), day('2026-12-01', 40, 20), day('2026-12-02', 40, 22)];
    expect(missRateJump(days, '2026-11-25')).toEqual({ day: '2026-12-01', missRate: 0.5, previousMissRate: 7 / 200 });
  });

  it('is not flagged at exactly 5 %, nor while it stays under', () => {
    expect(missRateJump([day('2026-12-01', 100, 1), day('2026-12-02', 100, 5)], '2026-12-01')).toBeNull();
  });

  it('is flagged on a page never read the week before (a redesign on a new install is news too)', () => {
    expect(missRateJump([day('2026-12-02', 2, 1)], '2026-12-02')).toEqual({ day: '2026-12-02', missRate: 0.5, previousMissRate: null });
  });

  it('is flagged once for a field missed day after day, not every day', () => {
    const days = [day('2026-12-01', 10, 0), day('2026-12-02', 10, 5), day('2026-12-03', 10, 6), day('2026-12-04', 10, 5)];
    expect(missRateJump(days, '2026-12-01')?.day).toBe('2026-12-02');
  });

  it('judges the first days of the period against the week before it, and flags nothing before the period', () => {
    const brokenBefore = [day('2026-11-28', 10, 8), day('2026-12-01', 10, 9)];
    expect(missRateJump(brokenBefore, '2026-12-01')).toBeNull();
    expect(missRateJump(brokenBefore, '2026-11-28')?.day).toBe('2026-11-28');
    // A baseline older than seven days no longer counts: the field was not read in the week before.
    expect(missRateJump([day('2026-11-20', 10, 0), day('2026-12-01', 10, 9)], '2026-12-01')).toEqual({ day: '2026-12-01', missRate: 0.9, previousMissRate: null });
    expect(baselineStart('2026-12-01')).toBe('2026-11-24');
  });

  it('flags the latest jump when the field recovered then broke again', () => {
    const days = [day('2026-11-01', 10, 5), day('2026-11-10', 10, 0), day('2026-11-20', 10, 0), day('2026-11-21', 10, 3)];
    expect(missRateJump(days, '2026-11-01')?.day).toBe('2026-11-21');
  });
});
