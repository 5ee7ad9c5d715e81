/**
 * Which promotions need the counsellor, and when. Pure: promotions, settings, snoozes and "now" in,
 * reminders out.
 *
 * For a promotion still `sent` (no answer from the employer):
 * - first follow-up: N days after `sent` (settings.firstFollowUpDays);
 * - once a `followed_up` is recorded the first is satisfied and the second comes next: at the
 *   second delay after `sent`, and never sooner than (second − first) days after that follow-up,
 *   so a late first follow-up is not chased again the next day;
 * - after two follow-ups, nothing more to chase;
 * - auto-close: the autoCloseDays-th day after `sent`, the background records `no_response`.
 * A snooze (« Reporter ») moves every reminder of its promotion to the snooze day at the earliest.
 * Delays are calendar days, or working days when the settings say so.
 */
import type { PromotionEvent } from '@/lib/domain/promotion';
import type { PromotionStatus } from '@/lib/domain/status';
import { secondFollowUpDays, type FollowUpSettings } from '@/lib/settings/follow-up';
import { addDelay, daysBetween, laterDay, parisDay } from './calendar';

export type ReminderKind = 'first_follow_up' | 'second_follow_up' | 'auto_close';

/** The fields of a stored promotion the planning needs. */
export interface ReminderSubject {
  id: string;
  status: PromotionStatus;
  sentAt?: string;
  events: readonly Pick<PromotionEvent, 'type' | 'at'>[];
}

export interface Reminder {
  promotionId: string;
  kind: ReminderKind;
  /** The Paris day the reminder falls due (`YYYY-MM-DD`), after any snooze. */
  dueDate: string;
  /** Calendar days from the sending to today. */
  daysSinceSent: number;
  sentDate: string;
  /** The day the promotion closes without answer, unless something happens first. */
  autoCloseDate: string;
  snoozedUntil?: string;
}

/** Promotion id → Paris day before which its reminders are held back. */
export type Snoozes = Readonly<Record<string, string>>;

export interface ReminderPlan {
  /** Due today or earlier, most overdue first: at most one per promotion (closing beats chasing). */
  due: Reminder[];
  /** The next reminder of every other promotion still waiting, soonest first. */
  upcoming: Reminder[];
}

const EMPTY: Snoozes = Object.freeze({});

/** The next follow-up and the auto-close of one promotion, or nothing if it is not waiting for an answer. */
export function remindersOf(
  promotion: ReminderSubject,
  settings: FollowUpSettings,
  today: string,
  snoozedUntil?: string,
): { followUp?: Reminder; autoClose: Reminder } | undefined {
  if (promotion.status !== 'sent' || !promotion.sentAt) return undefined;
  const sentMs = Date.parse(promotion.sentAt);
  const sentDate = parisDay(promotion.sentAt);
  const delay = (from: string, n: number) => addDelay(from, n, settings.workingDays);
  const held = (day: string) => laterDay(day, snoozedUntil);

  const autoCloseDate = held(delay(sentDate, settings.autoCloseDays));
  const base = {
    promotionId: promotion.id,
    sentDate,
    autoCloseDate,
    daysSinceSent: daysBetween(sentDate, today),
    ...(snoozedUntil ? { snoozedUntil } : {}),
  };
  const followUps = promotion.events
    .filter((e) => e.type === 'followed_up' && Date.parse(e.at) >= sentMs)
    .map((e) => e.at)
    .sort((a, b) => Date.parse(a) - Date.parse(b));

  let followUp: Reminder | undefined;
  if (followUps.length === 0) {
    followUp = { ...base, kind: 'first_follow_up', dueDate: held(delay(sentDate, settings.firstFollowUpDays)) };
  } else if (followUps.length === 1) {
    const second = secondFollowUpDays(settings);
    const onSchedule = delay(sentDate, second);
    const afterFollowUp = delay(parisDay(followUps[0]!), second - settings.firstFollowUpDays);
    followUp = { ...base, kind: 'second_follow_up', dueDate: held(laterDay(onSchedule, afterFollowUp)) };
  }
  // A follow-up that would fall on or after the closing is not worth chasing: the closing comes first.
  if (followUp && followUp.dueDate >= autoCloseDate) followUp = undefined;
  return { ...(followUp ? { followUp } : {}), autoClose: { ...base, kind: 'auto_close', dueDate: autoCloseDate } };
}

const byDueDate = (a: Reminder, b: Reminder) =>
  a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : b.daysSinceSent - a.daysSinceSent || (a.promotionId < b.promotionId ? -1 : 1);

/** Every promotion's reminder, split into due (today or earlier, Paris time) and upcoming. */
export function planReminders(
  promotions: Iterable<ReminderSubject>,
  settings: FollowUpSettings,
  now: Date,
  snoozes: Snoozes = EMPTY,
): ReminderPlan {
  const today = parisDay(now);
  const due: Reminder[] = [];
  const upcoming: Reminder[] = [];
  for (const promotion of promotions) {
    const reminders = remindersOf(promotion, settings, today, snoozes[promotion.id]);
    if (!reminders) continue;
    const { followUp, autoClose } = reminders;
    if (autoClose.dueDate <= today) due.push(autoClose);
    else if (followUp && followUp.dueDate <= today) due.push(followUp);
    else upcoming.push(followUp ?? autoClose);
  }
  return { due: due.sort(byDueDate), upcoming: upcoming.sort(byDueDate) };
}

/** The reminders due at `now`: follow-ups to make and promotions to close without answer. */
export function dueReminders(
  promotions: Iterable<ReminderSubject>,
  settings: FollowUpSettings,
  now: Date,
  snoozes: Snoozes = EMPTY,
): Reminder[] {
  return planReminders(promotions, settings, now, snoozes).due;
}

export const SNOOZE_DAYS = 7;

/** « Reporter »: a week (working days if set) after today, or after the current snooze if that is later. */
export function nextSnooze(today: string, current: string | undefined, settings: FollowUpSettings): string {
  return addDelay(laterDay(today, current), SNOOZE_DAYS, settings.workingDays);
}

/** Follow-ups waiting for the counsellor: what the toolbar badge counts. */
export const followUpsDue = (reminders: readonly Reminder[]): number =>
  reminders.filter((r) => r.kind !== 'auto_close').length;
