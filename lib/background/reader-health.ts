/**
 * The readers' health report in the background (docs/readers-health.md): every reading of a legacy page is
 * counted for the day (lib/store/reader-health.ts), and once a day an alarm sends the days counted since the last
 * send to `POST /v1/readers/health` through the sync transport (same address, token and French errors as the
 * sync). The dashboard's « Santé des lecteurs » asks `GET /v1/readers/health` through here too.
 */
import type { ReadResult } from '@/lib/domain/legacy';
import { HEALTH_SCHEMA_VERSION } from '@/lib/domain/reader-health';
import { onMessage } from '@/lib/messaging/protocol';
import { readersHealthRequestSchema, type HealthSendOutcome, type ReadersHealthOutcome } from '@/lib/messaging/reader-health-commands';
import { STATS_MESSAGES } from '@/lib/messaging/stats-commands';
import { assertExtensionPageSender, type SenderLike } from '@/lib/messaging/senders';
import { alarms, extensionId, extensionUrl } from '@/lib/platform';
import { parisDay } from '@/lib/stats/days';
import { clientId, type ProfilenceDb } from '@/lib/store';
import { countHealthReading, dropOldHealthDays, markHealthSent, unsentHealthDays } from '@/lib/store/reader-health';
import { isSyncError, type HttpTransport } from '@/lib/sync';
import { statsFailure, STATS_TIMEOUT_MS } from './stats';

export const HEALTH_ALARM = 'profilence-readers-health';
export const HEALTH_PERIOD_MINUTES = 24 * 60;
/** Days kept on the install: a week of missed sends still reaches the server. */
export const HEALTH_KEEP_DAYS = 8;

/** What makes two readings of a tab the same for the count: a page read again unchanged is not read twice. */
const sameness = (r: ReadResult) =>
  JSON.stringify([r.url, r.recognized, r.recognized ? [r.page, [...r.missing].sort()] : null, r.labelSet ?? null]);

/** Counts `current` for today (Paris) unless the tab's previous reading was the same page, read the same. */
export async function countReadingOnce(db: ProfilenceDb, previous: ReadResult | undefined, current: ReadResult, now = new Date()): Promise<void> {
  if (previous && sameness(previous) === sameness(current)) return;
  await countHealthReading(db, parisDay(now), current);
}

const fromExtensionPage = (sender: SenderLike) => assertExtensionPageSender(sender, extensionId(), extensionUrl('/'));

const daysBefore = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

export function createHealthReporter(db: ProfilenceDb, transport: Pick<HttpTransport, 'sendReadersHealth' | 'readersHealth'>, now: () => number = Date.now) {
  return {
    /** Sends every day counted since its last send, oldest first; stops at the first failure (the days stay due). */
    async sendDue(): Promise<HealthSendOutcome> {
      const sent: string[] = [];
      const id = await clientId(db);
      for (const stored of await unsentHealthDays(db)) {
        try {
          await transport.sendReadersHealth({ clientId: id, schemaVersion: HEALTH_SCHEMA_VERSION, ...stored.counts });
        } catch (err) {
          return { ok: false, days: sent, message: isSyncError(err) ? err.message : STATS_MESSAGES.offline };
        }
        await markHealthSent(db, stored.counts.day, stored.revision);
        sent.push(stored.counts.day);
      }
      await dropOldHealthDays(db, daysBefore(parisDay(new Date(now())), HEALTH_KEEP_DAYS));
      return { ok: true, days: sent };
    },

    async get(raw: unknown): Promise<ReadersHealthOutcome> {
      const request = readersHealthRequestSchema.safeParse(raw);
      if (!request.success) return { ok: false, kind: 'server', message: request.error.issues[0]?.message ?? STATS_MESSAGES.server };
      try {
        return { ok: true, report: await transport.readersHealth(request.data, { timeoutMs: STATS_TIMEOUT_MS }) };
      } catch (err) {
        return statsFailure(err);
      }
    },
  };
}
export type HealthReporter = ReturnType<typeof createHealthReporter>;

/** Listeners first, synchronously (a worker woken by the alarm must find them); then the daily alarm, once. */
export function registerReaderHealth(
  db: ProfilenceDb,
  transport: Pick<HttpTransport, 'sendReadersHealth' | 'readersHealth'>,
): HealthReporter & { dispose(): void } {
  const reporter = createHealthReporter(db, transport);
  let disposed = false;
  alarms.onAlarm((name) => {
    if (name === HEALTH_ALARM && !disposed) void reporter.sendDue();
  });
  const removers = [
    onMessage('readers.health.get', async ({ data, sender }) => {
      fromExtensionPage(sender);
      return reporter.get(data);
    }),
  ];
  // Compiled out of production builds: the e2e tests send now instead of waiting a day.
  if (import.meta.env.WXT_PROFILENCE_TEST_HOOKS === '1') {
    removers.push(
      onMessage('debug.sendReadersHealth', async ({ sender }) => {
        fromExtensionPage(sender);
        return reporter.sendDue();
      }),
    );
  }
  void (async () => {
    const existing = await alarms.get(HEALTH_ALARM);
    if (existing?.periodInMinutes !== HEALTH_PERIOD_MINUTES) {
      await alarms.create(HEALTH_ALARM, { periodInMinutes: HEALTH_PERIOD_MINUTES, delayInMinutes: HEALTH_PERIOD_MINUTES });
    }
  })();
  return {
    ...reporter,
    /** Removes the message handlers (tests). */
    dispose() {
      disposed = true;
      for (const remove of removers) remove();
    },
  };
}
