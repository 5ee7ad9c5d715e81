/**
 * The sync engine: `syncNow()` pushes the outbox then pulls the agency's changes. One sync at a time: a call
 * during a sync is served by one more sync right after it. Failures are classified (docs/sync-protocol.md):
 * retried with backoff and jitter, `Retry-After` honoured, `401` waits for a new sign-in with the outbox kept.
 */
import { scopeOf } from '../domain/sync';
import type { ProfilenceDb } from '../store/db';
import { clientId as installId, setMeta } from '../store/meta';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { DEFAULT_MESSAGES, isSyncError, type SyncErrorKind } from './errors';
import { SYNC_META } from './keys';
import { pullChanges, type PullOutcome, type PullStep } from './pull';
import { pushOutbox, type PushOutcome, type PushStep } from './push';
import { readStatus, type SyncStatus } from './status';
import type { SyncIdentity, SyncTransport } from './transport';

export type SyncStep = 'sync:start' | 'sync:identity' | PushStep | PullStep;

export interface SyncEngineOptions {
  db: ProfilenceDb;
  transport: SyncTransport;
  clock?: { now(): number };
  /** In [0, 1): the backoff's jitter; injected for deterministic tests. */
  random?: () => number;
  backoff?: BackoffPolicy;
  /** `navigator.onLine` in the extension; offline skips the attempt and says « Hors ligne ». */
  isOnline?: () => boolean;
  pageSize?: number;
  /** Called at each step; tests throw from here to simulate a crash at that point. */
  onStep?: (step: SyncStep) => void | Promise<void>;
}

export interface SyncRequest {
  /** Ignore the backoff and a pending « Reconnexion nécessaire » (the counsellor asked, or signed in again). */
  force?: boolean;
}

export interface SyncReport {
  status: SyncStatus;
  /** False when the attempt was skipped (backoff, offline, waiting for sign-in). */
  attempted: boolean;
  push?: PushOutcome;
  pull?: PullOutcome;
  /** What stopped the attempt, as thrown. */
  error?: unknown;
}

export interface SyncEngine {
  syncNow(request?: SyncRequest): Promise<SyncReport>;
  status(): Promise<SyncStatus>;
  /** The counsellor signed in again or changed account: the identity is asked again at the next sync. */
  credentialsChanged(): Promise<void>;
  /** True while a sync runs. */
  readonly busy: boolean;
}

/** Kinds that mean « the server could not be reached », shown « Hors ligne ». */
const UNREACHABLE: ReadonlySet<SyncErrorKind> = new Set(['network', 'timeout']);

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db, transport } = options;
  const now = () => options.clock?.now() ?? Date.now();
  const random = options.random ?? Math.random;
  const policy = options.backoff ?? DEFAULT_BACKOFF;
  const step = async (name: SyncStep) => options.onStep?.(name);
  let identity: SyncIdentity | undefined;
  let running: Promise<SyncReport> | undefined;
  let queued: Promise<SyncReport> | undefined;
  let queuedForce = false;

  async function save(status: SyncStatus): Promise<SyncStatus> {
    const pending = await db.outbox.count();
    const full: SyncStatus = { ...status, pending };
    await setMeta(db, SYNC_META.status, full);
    return full;
  }

  async function ensureIdentity(): Promise<SyncIdentity> {
    if (identity) return identity;
    const me = await transport.me();
    await setMeta(db, SYNC_META.identity, me);
    identity = me;
    return me;
  }

  function failed(err: unknown, previous: SyncStatus): SyncStatus {
    const at = new Date(now()).toISOString();
    const kind: SyncErrorKind = isSyncError(err) ? err.kind : 'server';
    const message = isSyncError(err) ? err.message : DEFAULT_MESSAGES.server;
    const base = { lastSyncedAt: previous.lastSyncedAt, pending: previous.pending, lastError: { kind, message, at } };
    if (kind === 'auth_required') {
      identity = undefined;
      return { ...base, state: 'auth_required' };
    }
    const failures = (previous.failures ?? 0) + 1;
    const delay =
      kind === 'rate_limited' && isSyncError(err) && err.details.retryAfterMs !== undefined
        ? err.details.retryAfterMs
        : backoffDelay(failures - 1, random, policy);
    return {
      ...base,
      state: UNREACHABLE.has(kind) ? 'offline' : 'error',
      failures,
      nextAttemptAt: new Date(now() + delay).toISOString(),
    };
  }

  async function run(request: SyncRequest): Promise<SyncReport> {
    const previous = await readStatus(db);
    if (!request.force) {
      if (previous.state === 'auth_required') return { status: previous, attempted: false };
      if (previous.nextAttemptAt && Date.parse(previous.nextAttemptAt) > now()) return { status: previous, attempted: false };
    }
    if (options.isOnline && !options.isOnline()) {
      const status = await save({ ...previous, state: 'offline', lastError: { kind: 'network', message: DEFAULT_MESSAGES.network, at: new Date(now()).toISOString() } });
      return { status, attempted: false };
    }
    const report: SyncReport = { status: previous, attempted: true };
    try {
      await save({ ...previous, state: 'syncing' });
      await step('sync:start');
      const me = await ensureIdentity();
      await step('sync:identity');
      const clientId = await installId(db);
      report.push = await pushOutbox({ db, transport, clientId, now: () => new Date(now()), step });
      report.pull = await pullChanges({ db, transport, scope: scopeOf(me.agencyCode), pageSize: options.pageSize, step });
      report.status = await save({ state: 'idle', pending: 0, lastSyncedAt: new Date(now()).toISOString() });
    } catch (err) {
      try {
        report.status = await save(failed(err, previous));
      } catch {
        // The database went away (the browser is closing the worker): the next start syncs again.
      }
      report.error = err;
    }
    return report;
  }

  function syncNow(request: SyncRequest = {}): Promise<SyncReport> {
    if (!running) {
      running = run(request).finally(() => {
        running = undefined;
      });
      return running;
    }
    // A write or an alarm during a sync: one more sync right after, shared by every caller meanwhile.
    queuedForce ||= Boolean(request.force);
    queued ??= running.then(() => {
      const force = queuedForce;
      queued = undefined;
      queuedForce = false;
      return syncNow({ force });
    });
    return queued;
  }

  return {
    syncNow,
    status: () => readStatus(db),
    async credentialsChanged() {
      identity = undefined;
      const status = await readStatus(db);
      if (status.state === 'auth_required') await save({ ...status, state: 'idle', nextAttemptAt: undefined, failures: 0 });
    },
    get busy() {
      return running !== undefined;
    },
  };
}
