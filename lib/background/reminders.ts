/**
 * Follow-up reminders in the background: an hourly alarm plus a check at start-up run the planning
 * of lib/reminders, close promotions left without answer (`no_response`, with their outbox rows),
 * show the number of follow-ups due on the toolbar badge and at most one notification a day.
 * The schedule lives in storage.local, so a stopped service worker catches up when it starts again.
 * Also the follow-up commands of the panel and popup: record an outcome, snooze.
 */
import { alarms, badge, localStore, notifications, openPopup, runtimeEvents } from '@/lib/platform';
import { currentTime, setClockOffset } from '@/lib/reminders/clock';
import {
  addEventRequestSchema,
  setClockRequestSchema,
  snoozeRequestSchema,
  type AddEventOutcome,
  type SnoozeOutcome,
} from '@/lib/messaging/follow-up-commands';
import { parisDay } from '@/lib/reminders/calendar';
import { dueReminders, followUpsDue, nextSnooze, type Reminder } from '@/lib/reminders/due';
import { NOTIFICATION_ICON, notificationText } from '@/lib/reminders/notification';
import { clearSnooze, loadSnoozes, pruneSnoozes, setSnooze } from '@/lib/reminders/snooze-store';
import { loadSettings, onSettingsChanged } from '@/lib/settings/store';
import { addEvent, describeIssues, getPromotion, PromotionRefused, type ProfilenceDb } from '@/lib/store';
import { signedInAgent } from './agent';

export const REMINDER_ALARM = 'profilence.reminders';
export const CHECK_PERIOD_MINUTES = 60;
export const SCHEDULE_KEY = 'reminders.schedule';
export const LAST_NOTIFIED_KEY = 'reminders.lastNotifiedDay';
export const NOTIFICATION_ID = 'profilence.followUps';
/** Author of the events the schedule records by itself. */
export const AUTO_CLOSE_AUTHOR = 'Profilence (clôture automatique)';

/** Why a check runs: only scheduled ones may notify; a counsellor's own action just refreshes the badge. */
export type CheckReason = 'alarm' | 'startup' | 'catch_up' | 'change';

export interface Schedule {
  lastCheckAt: string;
  nextCheckAt: string;
}

export interface CheckReport {
  at: string;
  due: Reminder[];
  followUpsDue: number;
  closed: string[];
  notified: boolean;
}

export interface SchedulerOptions {
  now?: () => Promise<Date>;
  /** Employers' replies read in the webmail and not yet recorded: the badge counts them with the follow-ups. */
  repliesWaiting?: () => Promise<number>;
}

export type ReminderScheduler = ReturnType<typeof createReminderScheduler>;

export function createReminderScheduler(db: ProfilenceDb, options: SchedulerOptions = {}) {
  const now = options.now ?? currentTime;
  // One check at a time in this worker: start-up, alarm and a click may coincide.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  async function closeWithoutAnswer(reminder: Reminder, autoCloseDays: number, at: Date): Promise<boolean> {
    try {
      await addEvent(
        db,
        reminder.promotionId,
        {
          type: 'no_response',
          by: AUTO_CLOSE_AUTHOR,
          note: `Clôture automatique : aucune réponse ${autoCloseDays} jours après l'envoi.`,
        },
        at,
      );
      return true;
    } catch (err) {
      // Answered or closed meanwhile (another worker, a sync): nothing to close.
      if (err instanceof PromotionRefused) return false;
      throw err;
    }
  }

  async function notifyOnceADay(today: string, followUps: number, closed: number): Promise<boolean> {
    const text = notificationText(followUps, closed);
    if (!text || (await localStore.get<string>(LAST_NOTIFIED_KEY)) === today) return false;
    try {
      await notifications.show(NOTIFICATION_ID, { ...text, iconUrl: NOTIFICATION_ICON });
    } catch {
      return false; // notifications blocked by the system: the badge still says it
    }
    await localStore.set(LAST_NOTIFIED_KEY, today);
    return true;
  }

  const check = (reason: CheckReason): Promise<CheckReport> =>
    serial(async () => {
      const at = await now();
      const today = parisDay(at);
      const [settings, snoozes, waiting] = await Promise.all([
        loadSettings(),
        loadSnoozes(),
        db.promotions.where('status').equals('sent').toArray(),
      ]);
      const due = dueReminders(waiting, settings, at, snoozes);
      const closed: string[] = [];
      for (const reminder of due) {
        if (reminder.kind === 'auto_close' && (await closeWithoutAnswer(reminder, settings.autoCloseDays, at))) {
          closed.push(reminder.promotionId);
        }
      }
      const followUps = followUpsDue(due);
      const toDo = followUps + ((await options.repliesWaiting?.().catch(() => 0)) ?? 0);
      await badge.set(toDo > 0 ? String(toDo) : '');
      const stillWaiting = new Set(waiting.map((p) => p.id).filter((id) => !closed.includes(id)));
      await pruneSnoozes(snoozes, (id, until) => stillWaiting.has(id) && until > today);
      const notified =
        reason !== 'change' && settings.notifications ? await notifyOnceADay(today, followUps, closed.length) : false;
      const schedule: Schedule = {
        lastCheckAt: at.toISOString(),
        nextCheckAt: new Date(at.getTime() + CHECK_PERIOD_MINUTES * 60_000).toISOString(),
      };
      await localStore.set(SCHEDULE_KEY, schedule);
      return { at: at.toISOString(), due, followUpsDue: followUps, closed, notified };
    });

  async function ensureAlarm(): Promise<void> {
    if (!(await alarms.get(REMINDER_ALARM))) {
      await alarms.create(REMINDER_ALARM, { delayInMinutes: CHECK_PERIOD_MINUTES, periodInMinutes: CHECK_PERIOD_MINUTES });
    }
  }

  return {
    check,

    /**
     * Browser start-up or installation: check now. Service worker start: check only if the persisted
     * schedule says a check was missed while the worker (or the browser) was stopped.
     */
    async start(kind: 'startup' | 'worker_start'): Promise<CheckReport | undefined> {
      await ensureAlarm();
      if (kind === 'startup') return check('startup');
      const schedule = await localStore.get<Partial<Schedule>>(SCHEDULE_KEY);
      const next = Date.parse(schedule?.nextCheckAt ?? '');
      if (Number.isNaN(next) || (await now()).getTime() >= next) return check('catch_up');
      return undefined;
    },

    async onNotificationClicked(id: string): Promise<void> {
      if (id !== NOTIFICATION_ID) return;
      await notifications.clear(id).catch(() => undefined);
      await openPopup();
    },
  };
}

/** Registers the reminder listeners synchronously (a worker woken by an alarm must find them) and catches up. */
export function registerReminders(db: ProfilenceDb, scheduler: ReminderScheduler = createReminderScheduler(db)): ReminderScheduler {
  alarms.onAlarm((name) => name === REMINDER_ALARM && void scheduler.check('alarm'));
  runtimeEvents.onStartup(() => void scheduler.start('startup'));
  runtimeEvents.onInstalled(() => void scheduler.start('startup'));
  notifications.onClicked((id) => void scheduler.onNotificationClicked(id));
  onSettingsChanged(() => void scheduler.check('change'));
  void scheduler.start('worker_start');
  return scheduler;
}

export function createFollowUpCommands(db: ProfilenceDb, scheduler: ReminderScheduler, options: SchedulerOptions = {}) {
  const now = options.now ?? currentTime;
  return {
    /** Records an outcome chosen in the panel or the popup; the store checks the transition again. */
    async addEvent(raw: unknown): Promise<AddEventOutcome> {
      const parsed = addEventRequestSchema.safeParse(raw);
      if (!parsed.success) return { ok: false, code: 'invalid', message: `Action non enregistrée : ${describeIssues(parsed.error)}` };
      const { promotionId, type, reason, note } = parsed.data;
      const row = await getPromotion(db, promotionId);
      if (!row) return { ok: false, code: 'not_found', message: 'Promotion introuvable : elle a peut-être été supprimée. Rechargez la liste.' };
      // The agent signed in to the central endpoint, never the name a page's banner prints.
      const agent = await signedInAgent(db);
      try {
        const updated = await addEvent(
          db,
          promotionId,
          { type, by: agent.id, byName: agent.name, ...(type === 'declined' ? { reason } : {}), ...(note ? { note } : {}) },
          await now(),
        );
        if (type !== 'note') await clearSnooze(promotionId);
        await scheduler.check('change');
        return { ok: true, status: updated.status };
      } catch (err) {
        if (err instanceof PromotionRefused) {
          return { ok: false, code: err.code === 'transition' || err.code === 'not_found' ? err.code : 'invalid', message: err.message };
        }
        throw err;
      }
    },

    /** « Reporter »: no reminder of this promotion before a week from today (or from the current snooze). */
    async snooze(raw: unknown): Promise<SnoozeOutcome> {
      const parsed = snoozeRequestSchema.safeParse(raw);
      if (!parsed.success) return { ok: false, message: 'Demande invalide : rechargez la liste.' };
      const { promotionId } = parsed.data;
      const row = await getPromotion(db, promotionId);
      if (!row) return { ok: false, message: 'Promotion introuvable : elle a peut-être été supprimée. Rechargez la liste.' };
      if (row.status !== 'sent') return { ok: false, message: "Cette promotion n'attend plus de réponse : rien à reporter." };
      const [settings, snoozes, at] = await Promise.all([loadSettings(), loadSnoozes(), now()]);
      const until = nextSnooze(parisDay(at), snoozes[promotionId], settings);
      await setSnooze(promotionId, until);
      await scheduler.check('change');
      return { ok: true, until };
    },

    /** Test builds only (the router registers it under WXT_PROFILENCE_TEST_HOOKS=1): move the clock, check again. */
    async setClock(raw: unknown): Promise<{ now: string; followUpsDue: number; closed: number }> {
      const { offsetMs } = setClockRequestSchema.parse(raw);
      await setClockOffset(offsetMs);
      const report = await scheduler.check('alarm');
      return { now: report.at, followUpsDue: report.followUpsDue, closed: report.closed.length };
    },
  };
}
