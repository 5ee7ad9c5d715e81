/** Pure reminder planning; storage (snooze-store, clock) and scheduling (lib/background/reminders) live apart. */
export * from './calendar';
export * from './due';
export { buildFollowUpList, REMINDER_LABELS, type FollowUpItem, type FollowUpList } from './follow-up-list';
