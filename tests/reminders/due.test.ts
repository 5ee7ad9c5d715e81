// When a promotion needs the counsellor: first and second follow-up, auto-close, snooze, working days.
import { describe, expect, it } from 'vitest';
import type { PromotionEventType } from '@/lib/domain/promotion';
import { deriveStatus } from '@/lib/domain/status';
import { dueReminders, followUpsDue, nextSnooze, planReminders, type ReminderSubject } from '@/lib/reminders/due';
import { DEFAULT_FOLLOW_UP_SETTINGS, type FollowUpSettings } from '@/lib/settings/follow-up';

const defaults: FollowUpSettings = { ...DEFAULT_FOLLOW_UP_SETTINGS };
/** 10:00 in Paris (winter time), `day` days after Monday 2 November 2026. */
const at = (day: number, hour = 10) => new Date(Date.UTC(2026, 10, 2, hour - 1) + day * 86_400_000);

let seq = 0;
function promotion(events: [PromotionEventType, number][], id = `p${++seq}`): ReminderSubject {
  const list = events.map(([type, day]) => ({ type, at: at(day).toISOString() }));
  const derived = deriveStatus(list.map((e, i) => ({ ...e, id: `e${i}`, promotionId: id, by: 'Jeanne MARTIN', reason: 'no_position' as const })));
  return { id, status: derived.status, ...(derived.sentAt ? { sentAt: derived.sentAt } : {}), events: list };
}

describe('dueReminders', () => {
  it('makes the first follow-up due 7 days after sending, and not before', () => {
    const p = promotion([['sent', 0]]);
    expect(dueReminders([p], defaults, at(6, 23))).toEqual([]);
    const plan = planReminders([p], defaults, at(6));
    expect(plan.upcoming).toMatchObject([{ promotionId: p.id, kind: 'first_follow_up', dueDate: '2026-11-09', daysSinceSent: 6 }]);
    expect(dueReminders([p], defaults, at(7, 8))).toMatchObject([
      { promotionId: p.id, kind: 'first_follow_up', dueDate: '2026-11-09', daysSinceSent: 7, sentDate: '2026-11-02' },
    ]);
    expect(dueReminders([p], defaults, at(9))[0]!.daysSinceSent).toBe(9);
  });

  it('follows the configured first delay', () => {
    const p = promotion([['sent', 0]]);
    expect(dueReminders([p], { ...defaults, firstFollowUpDays: 3 }, at(3))).toHaveLength(1);
    expect(dueReminders([p], { ...defaults, firstFollowUpDays: 10 }, at(9))).toHaveLength(0);
  });

  it('counts working days when asked: a weekend and the 11 November push the date', () => {
    // Sent Friday 6 November: 7 working days later is Wednesday 18 (11 November is off).
    const p = promotion([['sent', 4]]);
    const working = { ...defaults, workingDays: true };
    expect(dueReminders([p], working, at(15))).toEqual([]);
    expect(dueReminders([p], working, at(16))).toMatchObject([{ kind: 'first_follow_up', dueDate: '2026-11-18', daysSinceSent: 12 }]);
    expect(dueReminders([p], defaults, at(11))).toMatchObject([{ kind: 'first_follow_up', dueDate: '2026-11-13' }]);
  });

  it('takes a follow-up as done: the second reminder comes next, 14 days after sending', () => {
    const p = promotion([
      ['sent', 0],
      ['followed_up', 7],
    ]);
    expect(dueReminders([p], defaults, at(8))).toEqual([]);
    expect(planReminders([p], defaults, at(8)).upcoming).toMatchObject([{ kind: 'second_follow_up', dueDate: '2026-11-16' }]);
    expect(dueReminders([p], defaults, at(14))).toMatchObject([{ kind: 'second_follow_up', daysSinceSent: 14 }]);
  });

  it('gives a late first follow-up time before the second: never sooner than 7 days after it', () => {
    const p = promotion([
      ['sent', 0],
      ['followed_up', 12],
    ]);
    expect(dueReminders([p], defaults, at(14))).toEqual([]);
    expect(dueReminders([p], defaults, at(19))).toMatchObject([{ kind: 'second_follow_up', dueDate: '2026-11-21' }]);
  });

  it('uses the configured second delay, twice the first by default', () => {
    const p = promotion([
      ['sent', 0],
      ['followed_up', 5],
    ]);
    expect(dueReminders([p], { ...defaults, firstFollowUpDays: 5 }, at(10))).toMatchObject([{ kind: 'second_follow_up' }]);
    expect(dueReminders([p], { ...defaults, firstFollowUpDays: 5, secondFollowUpDays: 12 }, at(11))).toEqual([]);
    expect(dueReminders([p], { ...defaults, firstFollowUpDays: 5, secondFollowUpDays: 12 }, at(12))).toHaveLength(1);
  });

  it('stops chasing after two follow-ups; the closing is what comes next', () => {
    const p = promotion([
      ['sent', 0],
      ['followed_up', 7],
      ['followed_up', 14],
    ]);
    expect(dueReminders([p], defaults, at(20))).toEqual([]);
    expect(planReminders([p], defaults, at(20)).upcoming).toMatchObject([{ kind: 'auto_close', dueDate: '2026-12-02' }]);
  });

  it('closes after 30 days without answer, in place of any follow-up still due', () => {
    const p = promotion([['sent', 0]]);
    expect(dueReminders([p], defaults, at(29))).toMatchObject([{ kind: 'first_follow_up' }]);
    expect(dueReminders([p], defaults, at(30))).toMatchObject([{ kind: 'auto_close', dueDate: '2026-12-02', daysSinceSent: 30 }]);
    expect(dueReminders([p], { ...defaults, autoCloseDays: 45 }, at(30))).toMatchObject([{ kind: 'first_follow_up' }]);
  });

  it('leaves alone promotions not waiting for an answer', () => {
    const replied = promotion([
      ['sent', 0],
      ['employer_replied', 3],
    ]);
    const draft = promotion([]);
    const withdrawn = promotion([
      ['sent', 0],
      ['withdrawn', 1],
    ]);
    const closed = promotion([
      ['sent', 0],
      ['no_response', 30],
    ]);
    expect(planReminders([replied, draft, withdrawn, closed], defaults, at(40))).toEqual({ due: [], upcoming: [] });
  });

  it('holds every reminder of a snoozed promotion until the snooze day, the closing included', () => {
    const p = promotion([['sent', 0]]);
    const snoozes = { [p.id]: '2026-11-14' };
    expect(dueReminders([p], defaults, at(10), snoozes)).toEqual([]);
    expect(planReminders([p], defaults, at(10), snoozes).upcoming).toMatchObject([
      { kind: 'first_follow_up', dueDate: '2026-11-14', snoozedUntil: '2026-11-14' },
    ]);
    expect(dueReminders([p], defaults, at(12), snoozes)).toHaveLength(1);
    // Snoozed past day 30: not closed on day 30, closed on the snooze day.
    const late = { [p.id]: '2026-12-07' };
    expect(dueReminders([p], defaults, at(30), late)).toEqual([]);
    expect(dueReminders([p], defaults, at(35), late)).toMatchObject([{ kind: 'auto_close', dueDate: '2026-12-07' }]);
  });

  it('lists the most overdue first, one entry per promotion, and counts follow-ups for the badge', () => {
    const old = promotion([['sent', 0]]);
    const recent = promotion([['sent', 3]]);
    const closing = promotion([['sent', -25]]);
    const due = dueReminders([recent, old, closing], defaults, at(10));
    expect(due.map((r) => r.promotionId)).toEqual([closing.id, old.id, recent.id]);
    expect(due.map((r) => r.kind)).toEqual(['auto_close', 'first_follow_up', 'first_follow_up']);
    expect(followUpsDue(due)).toBe(2);
  });

  it('dates a promotion sent late in the evening on its Paris day', () => {
    // 23:30 UTC on 1 November is 00:30 on 2 November in Paris: due on 9 November.
    const p: ReminderSubject = { id: 'late', status: 'sent', sentAt: '2026-11-01T23:30:00.000Z', events: [{ type: 'sent', at: '2026-11-01T23:30:00.000Z' }] };
    expect(dueReminders([p], defaults, new Date('2026-11-08T22:00:00Z'))).toEqual([]);
    expect(dueReminders([p], defaults, new Date('2026-11-08T23:10:00Z'))).toHaveLength(1);
  });
});

describe('nextSnooze (« Reporter »)', () => {
  it('adds 7 days to today, or to the current snooze when later', () => {
    expect(nextSnooze('2026-11-10', undefined, defaults)).toBe('2026-11-17');
    expect(nextSnooze('2026-11-10', '2026-11-17', defaults)).toBe('2026-11-24');
    expect(nextSnooze('2026-11-20', '2026-11-17', defaults)).toBe('2026-11-27');
  });

  it('counts working days when asked', () => {
    // From Friday 6 November: 9, 10, 12, 13, 16, 17, 18.
    expect(nextSnooze('2026-11-06', undefined, { ...defaults, workingDays: true })).toBe('2026-11-18');
  });
});
