/** The popup's lists: each reminder with the promotion it concerns. Pure. */
import type { StoredPromotion } from '@/lib/store/db';
import type { FollowUpSettings } from '@/lib/settings/follow-up';
import { planReminders, type Reminder, type Snoozes } from './due';

export interface FollowUpItem {
  reminder: Reminder;
  promotion: StoredPromotion;
}

export interface FollowUpList {
  due: FollowUpItem[];
  upcoming: FollowUpItem[];
}

export function buildFollowUpList(
  promotions: readonly StoredPromotion[],
  settings: FollowUpSettings,
  now: Date,
  snoozes: Snoozes = {},
): FollowUpList {
  const byId = new Map(promotions.map((p) => [p.id, p]));
  const plan = planReminders(promotions, settings, now, snoozes);
  const join = (reminders: Reminder[]) => reminders.map((reminder) => ({ reminder, promotion: byId.get(reminder.promotionId)! }));
  return { due: join(plan.due), upcoming: join(plan.upcoming) };
}

export const REMINDER_LABELS: Record<Reminder['kind'], string> = {
  first_follow_up: 'Première relance',
  second_follow_up: 'Deuxième relance',
  auto_close: 'Clôture sans réponse',
};
