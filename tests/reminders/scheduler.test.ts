// The background's reminder schedule: catch-up after a restart, auto-close, badge, one notification a day.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  AUTO_CLOSE_AUTHOR,
  CHECK_PERIOD_MINUTES,
  createFollowUpCommands,
  createReminderScheduler,
  LAST_NOTIFIED_KEY,
  NOTIFICATION_ID,
  registerReminders,
  REMINDER_ALARM,
  SCHEDULE_KEY,
} from '@/lib/background/reminders';
import { saveSettings } from '@/lib/settings';
import { DEFAULT_FOLLOW_UP_SETTINGS } from '@/lib/settings/follow-up';
import { getPromotion, pendingMutations } from '@/lib/store';
import { day, freshDb, manualClock, sentPromotion } from './support';

const badgeText = () => fakeBrowser.action.getBadgeText({});
const shownNotifications = () => Object.keys(fakeBrowser.notifications.getAllCreateOptions());

describe('reminder schedule in the background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('sets an hourly alarm and persists the next check at first start', async () => {
    const db = freshDb();
    const clock = manualClock(day(0));
    await createReminderScheduler(db, clock).start('worker_start');
    expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toMatchObject({ periodInMinutes: CHECK_PERIOD_MINUTES });
    expect(await fakeBrowser.storage.local.get(SCHEDULE_KEY)).toEqual({
      [SCHEDULE_KEY]: { lastCheckAt: day(0).toISOString(), nextCheckAt: day(0, 60).toISOString() },
    });
  });

  it('catches up after a restart: the missed reminder fires when the worker starts again', async () => {
    const db = freshDb();
    await sentPromotion(db, 0);
    const clock = manualClock(day(0));
    await createReminderScheduler(db, clock).start('worker_start');
    expect(await badgeText()).toBe('');
    expect(shownNotifications()).toEqual([]);

    // The worker is stopped and the computer sleeps 8 days: no alarm ran. A new worker starts from storage.
    clock.set(day(8));
    const report = await createReminderScheduler(db, clock).start('worker_start');
    expect(report).toMatchObject({ followUpsDue: 1, notified: true });
    expect(await badgeText()).toBe('1');
    expect(shownNotifications()).toEqual([NOTIFICATION_ID]);
    expect(fakeBrowser.notifications.getAllCreateOptions()[NOTIFICATION_ID]).toMatchObject({
      type: 'basic',
      message: expect.stringContaining('1 promotion attend une relance.'),
    });
  });

  it('does not check again at a worker start when the schedule is not due', async () => {
    const db = freshDb();
    await sentPromotion(db, 0);
    const clock = manualClock(day(8));
    await createReminderScheduler(db, clock).check('alarm');
    clock.set(day(8, 20));
    expect(await createReminderScheduler(db, clock).start('worker_start')).toBeUndefined();
    clock.set(day(8, 61));
    expect(await createReminderScheduler(db, clock).start('worker_start')).toMatchObject({ followUpsDue: 1 });
  });

  it('shows at most one notification a day, and none when they are switched off', async () => {
    const db = freshDb();
    await sentPromotion(db, 0);
    const clock = manualClock(day(8));
    const scheduler = createReminderScheduler(db, clock);
    expect((await scheduler.check('alarm')).notified).toBe(true);
    await fakeBrowser.notifications.clear(NOTIFICATION_ID);
    clock.set(day(8, 60));
    expect((await scheduler.check('alarm')).notified).toBe(false);
    clock.set(day(8, 600));
    expect((await scheduler.check('startup')).notified).toBe(false);
    expect(shownNotifications()).toEqual([]);
    expect(await fakeBrowser.storage.local.get(LAST_NOTIFIED_KEY)).toEqual({ [LAST_NOTIFIED_KEY]: '2026-11-10' });

    clock.set(day(9));
    expect((await scheduler.check('alarm')).notified).toBe(true);

    await saveSettings({ ...DEFAULT_FOLLOW_UP_SETTINGS, notifications: false });
    await fakeBrowser.notifications.clear(NOTIFICATION_ID);
    clock.set(day(10));
    expect((await scheduler.check('alarm')).notified).toBe(false);
    expect(await badgeText()).toBe('1');
  });

  it("never notifies for a counsellor's own action, only refreshes the badge", async () => {
    const db = freshDb();
    await sentPromotion(db, 0);
    const report = await createReminderScheduler(db, manualClock(day(8))).check('change');
    expect(report).toMatchObject({ followUpsDue: 1, notified: false });
    expect(await badgeText()).toBe('1');
  });

  it('counts every follow-up due on the badge, and clears it when none is', async () => {
    const db = freshDb();
    await sentPromotion(db, 0);
    await sentPromotion(db, 1);
    await sentPromotion(db, 6);
    const clock = manualClock(day(8));
    const scheduler = createReminderScheduler(db, clock);
    await scheduler.check('alarm');
    expect(await badgeText()).toBe('2');
    clock.set(day(13));
    await scheduler.check('alarm');
    expect(await badgeText()).toBe('3');
    await saveSettings({ ...DEFAULT_FOLLOW_UP_SETTINGS, firstFollowUpDays: 15, autoCloseDays: 40 });
    await scheduler.check('change');
    expect(await badgeText()).toBe('');
  });

  it('adds the employers’ replies waiting to be recorded to the follow-ups due on the badge', async () => {
    const db = freshDb();
    await sentPromotion(db, 0);
    let replies = 2;
    const scheduler = createReminderScheduler(db, { ...manualClock(day(8)), repliesWaiting: async () => replies });
    await scheduler.check('change');
    expect(await badgeText()).toBe('3');
    replies = 0;
    await scheduler.check('change');
    expect(await badgeText()).toBe('1');
  });

  it('closes a promotion left 30 days without answer as « no_response », with its outbox row', async () => {
    const db = freshDb();
    const promotion = await sentPromotion(db, 0);
    const report = await createReminderScheduler(db, manualClock(day(30))).check('alarm');
    expect(report).toMatchObject({ closed: [promotion.id], followUpsDue: 0, notified: true });
    const closed = await getPromotion(db, promotion.id);
    expect(closed?.status).toBe('no_response');
    expect(closed?.events.at(-1)).toMatchObject({ type: 'no_response', by: AUTO_CLOSE_AUTHOR, at: day(30).toISOString() });
    expect((await pendingMutations(db)).map((m) => m.name)).toEqual(['promotion.create', 'promotion.addEvent', 'promotion.addEvent']);
    expect(await badgeText()).toBe('');
    expect(fakeBrowser.notifications.getAllCreateOptions()[NOTIFICATION_ID]?.message).toContain('1 promotion close sans réponse.');
  });

  it('does not close a promotion snoozed past the delay, and closes it once the snooze is over', async () => {
    const db = freshDb();
    const promotion = await sentPromotion(db, 0);
    const clock = manualClock(day(28));
    const scheduler = createReminderScheduler(db, clock);
    const commands = createFollowUpCommands(db, scheduler, clock);
    expect(await commands.snooze({ promotionId: promotion.id })).toEqual({ ok: true, until: '2026-12-07' });
    clock.set(day(30));
    expect((await scheduler.check('alarm')).closed).toEqual([]);
    expect((await getPromotion(db, promotion.id))?.status).toBe('sent');
    clock.set(day(35));
    expect((await scheduler.check('alarm')).closed).toEqual([promotion.id]);
    // The snooze of a closed promotion is forgotten.
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => k.startsWith('snooze:'))).toEqual([]);
  });

  it('runs the check on the hourly alarm and at browser start-up, once the listeners are registered', async () => {
    const db = freshDb();
    await sentPromotion(db, 0);
    const clock = manualClock(day(8));
    registerReminders(db, createReminderScheduler(db, clock));
    await vi.waitFor(async () => expect(await badgeText()).toBe('1'));

    // The browser starts the next morning: the follow-up still due is notified again, once.
    await fakeBrowser.notifications.clear(NOTIFICATION_ID);
    clock.set(day(9));
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(() => expect(shownNotifications()).toEqual([NOTIFICATION_ID]));

    clock.set(day(40));
    await fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: Date.now(), persistAcrossSessions: true });
    await vi.waitFor(async () => expect((await db.promotions.toArray())[0]?.status).toBe('no_response'));
    await vi.waitFor(async () => expect(await badgeText()).toBe(''));
  });

  it('opens the popup when the notification is clicked (in a tab where the popup cannot open)', async () => {
    const db = freshDb();
    await sentPromotion(db, 0);
    registerReminders(db, createReminderScheduler(db, manualClock(day(8))));
    await vi.waitFor(() => expect(shownNotifications()).toEqual([NOTIFICATION_ID]));
    await fakeBrowser.notifications.onClicked.trigger(NOTIFICATION_ID);
    await vi.waitFor(async () => {
      const tabs = await fakeBrowser.tabs.query({});
      expect(tabs.map((t) => t.url)).toContain(fakeBrowser.runtime.getURL('/popup.html'));
    });
    expect(shownNotifications()).toEqual([]);
  });
});
