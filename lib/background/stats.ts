/**
 * `stats.get` in the background: the dashboard's request for the agency's or the national figures goes to the
 * central endpoint through the sync transport (same address, token and errors as the sync), and comes back as
 * the report or, in French, why the dashboard shows this install's figures instead.
 */
import { STATS_MESSAGES, statsRequestSchema, type StatsOutcome } from '@/lib/messaging/stats-commands';
import { isSyncError, type HttpTransport } from '@/lib/sync';

/** The dashboard waits for its figures: a server slower than this is treated as unreachable. */
export const STATS_TIMEOUT_MS = 10_000;

/** Why the figures could not be had, as the dashboard says it above this install's figures. */
export function statsFailure(err: unknown): Extract<StatsOutcome, { ok: false }> {
  if (!isSyncError(err)) return { ok: false, kind: 'offline', message: STATS_MESSAGES.offline };
  switch (err.kind) {
    case 'auth_required':
      return { ok: false, kind: 'signed_out', message: STATS_MESSAGES.signedOut };
    case 'forbidden':
      return { ok: false, kind: 'forbidden', message: err.message };
    case 'server': {
      // A 2xx off the contract is unreadable; a 5xx (maybe a proxy's page) means no usable server now.
      const answered = err.details.status !== undefined && err.details.status < 300;
      return answered ? { ok: false, kind: 'server', message: STATS_MESSAGES.server } : { ok: false, kind: 'offline', message: STATS_MESSAGES.offline };
    }
    case 'refused':
      return { ok: false, kind: 'server', message: err.message };
    default:
      // network, timeout, rate_limited… : the figures will come when the server answers.
      return { ok: false, kind: 'offline', message: STATS_MESSAGES.offline };
  }
}

export function createStatsService(transport: Pick<HttpTransport, 'stats'>) {
  return {
    async get(raw: unknown): Promise<StatsOutcome> {
      const request = statsRequestSchema.safeParse(raw);
      if (!request.success) return { ok: false, kind: 'server', message: request.error.issues[0]?.message ?? STATS_MESSAGES.server };
      try {
        return { ok: true, report: await transport.stats(request.data, { timeoutMs: STATS_TIMEOUT_MS }) };
      } catch (err) {
        return statsFailure(err);
      }
    },
  };
}
