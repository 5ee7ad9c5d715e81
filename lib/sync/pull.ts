/**
 * Pull: pages of the scope's changes until `hasMore` is false. Each page, its cursor and the re-applied
 * pending outbox rows are written in one transaction, so a crash never leaves a page half applied nor a
 * local unsynced write hidden by an older server copy. `410` starts a full download of the scope, which
 * ends by dropping the records it did not bring back.
 */
import type { ProfilenceDb } from '../store/db';
import { getMeta, setMeta } from '../store/meta';
import { applyChanges, dropUnconfirmed, reapplyPending, sweepStale, syncTables } from './apply';
import { isSyncError } from './errors';
import { SYNC_META, type ResyncState, type StoredCursor } from './keys';
import type { SyncTransport } from './transport';

export type PullStep = 'pull:before-fetch' | 'pull:after-page' | 'pull:after-apply' | 'pull:before-sweep';

export const DEFAULT_PAGE_SIZE = 500;

export interface PullContext {
  db: ProfilenceDb;
  transport: SyncTransport;
  scope: string;
  pageSize?: number;
  step?: (step: PullStep) => void | Promise<void>;
}

export interface PullOutcome {
  pages: number;
  changes: number;
  unreadable: number;
  /** Records (or events) dropped: gone from the server, or refused by it. */
  swept: number;
  fullDownload: boolean;
}

/** Starts a full download: cursor back to the start, a new generation to tag what comes back. */
export async function startFullDownload(db: ProfilenceDb, scope: string): Promise<ResyncState> {
  return db.transaction('rw', db.meta, async () => {
    const generation = ((await getMeta<number>(db, SYNC_META.generation)) ?? 0) + 1;
    const state: ResyncState = { generation };
    await setMeta(db, SYNC_META.resync, state);
    await setMeta(db, SYNC_META.cursor, { scope, cursor: '' } satisfies StoredCursor);
    return state;
  });
}

export async function pullChanges(ctx: PullContext): Promise<PullOutcome> {
  const { db, transport, scope } = ctx;
  const outcome: PullOutcome = { pages: 0, changes: 0, unreadable: 0, swept: 0, fullDownload: false };
  let restarts = 0;
  for (;;) {
    let stored = await getMeta<StoredCursor>(db, SYNC_META.cursor);
    let resync = await getMeta<ResyncState | null>(db, SYNC_META.resync);
    if (stored && stored.scope !== scope) {
      // Another agency's account on this install: its data is downloaded afresh, the other's swept.
      resync = await startFullDownload(db, scope);
      stored = { scope, cursor: '' };
    }
    if (resync) outcome.fullDownload = true;
    await ctx.step?.('pull:before-fetch');
    let page;
    try {
      page = await transport.pull({ scope, cursor: stored?.cursor || undefined, limit: ctx.pageSize ?? DEFAULT_PAGE_SIZE });
    } catch (err) {
      if (isSyncError(err) && err.kind === 'cursor_expired' && restarts++ < 2) {
        await startFullDownload(db, scope);
        continue;
      }
      throw err;
    }
    await ctx.step?.('pull:after-page');
    const generation = resync?.generation ?? (await getMeta<number>(db, SYNC_META.generation)) ?? 0;
    const applied = await db.transaction('rw', syncTables(db), async () => {
      const result = await applyChanges(db, page.changes, generation);
      await setMeta(db, SYNC_META.cursor, { scope, cursor: page.cursor } satisfies StoredCursor);
      await reapplyPending(db, result.touched);
      return result;
    });
    outcome.pages++;
    outcome.changes += applied.applied;
    outcome.unreadable += applied.unreadable;
    await ctx.step?.('pull:after-apply');
    if (page.hasMore) continue;
    if (resync) await ctx.step?.('pull:before-sweep');
    outcome.swept = await db.transaction('rw', syncTables(db), async () => {
      let dropped = 0;
      if (resync) {
        dropped += await sweepStale(db, resync.generation);
        await setMeta(db, SYNC_META.generation, resync.generation);
        await setMeta(db, SYNC_META.resync, null);
      }
      const doubtful = (await getMeta<string[]>(db, SYNC_META.unconfirmed)) ?? [];
      if (doubtful.length) {
        dropped += await dropUnconfirmed(db, doubtful);
        await setMeta(db, SYNC_META.unconfirmed, []);
      }
      return dropped;
    });
    return outcome;
  }
}
