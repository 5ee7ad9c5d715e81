/**
 * Local application of what the server sent and of what is still waiting in the outbox. Every function here
 * runs inside a transaction the caller opened over promotions, needs, pool (and outbox, meta): the pulled
 * page, its cursor and the re-applied pending writes are saved together or not at all.
 */
import { isPseudonymised } from '../domain/consent';
import { companyNeedSchema } from '../domain/need';
import {
  mutationTarget,
  reduceRecordMutation,
  type MutationCall,
  type StoredRecord,
} from '../domain/mutations';
import { poolEntrySchema } from '../domain/pool';
import { promotionSchema, type Promotion, type PromotionEvent } from '../domain/promotion';
import { readerAliasSchema } from '../domain/reader-alias';
import type { OrderedEvent } from '../domain/status';
import type { Change, EntityKind } from '../domain/sync';
import { applyConsentWithdrawal, rememberWithdrawals } from '../store/consent';
import type { OutboxRow, ProfilenceDb, StoredNeed, StoredPoolEntry, StoredPromotion, StoredReaderAlias } from '../store/db';
import { localContext } from '../store/reduced';
import { promotionRecord, toStoredPromotion, type LocalPromotionRecord } from '../store/promotions';

/** The tables a pulled page writes, for `db.transaction('rw', syncTables(db), …)`. */
export const syncTables = (db: ProfilenceDb) => [db.promotions, db.needs, db.pool, db.aliases, db.outbox, db.meta];

/** The local table of each entity the reducers write as they are (promotions keep status caches, below). */
const plainTable = (db: ProfilenceDb, entity: Exclude<EntityKind, 'promotion'>) =>
  ({ need: db.needs, pool: db.pool, alias: db.aliases })[entity] as unknown as ProfilenceDb['needs'];

/** A local table read and written as the reducers' records (promotions without their status caches). */
function recordTable(db: ProfilenceDb, entity: EntityKind) {
  if (entity === 'promotion') {
    return {
      get: async (id: string) => {
        const row = await db.promotions.get(id);
        return row && promotionRecord(row);
      },
      put: (record: StoredRecord) => db.promotions.put(toStoredPromotion(record as LocalPromotionRecord)),
    };
  }
  const table = plainTable(db, entity);
  return { get: (id: string) => table.get(id), put: (record: StoredRecord) => table.put(record as StoredNeed) };
}

/**
 * Applies one pending mutation on top of the local data with the reducer the server uses: a create of a known
 * record merges its events, events by union on id, updates field by field, a withdrawal pseudonymises with the
 * pseudonym its outbox row gives. What the server would refuse is left out. Idempotent.
 */
export async function applyMutationLocally(db: ProfilenceDb, row: Pick<OutboxRow, 'id' | 'name' | 'args'>): Promise<void> {
  const call = { name: row.name, args: row.args } as MutationCall;
  if (call.name === 'jobseeker.consentWithdrawn') {
    await applyConsentWithdrawal(db, call.args, row.id);
    return;
  }
  const target = mutationTarget(call);
  if (!target) return;
  const table = recordTable(db, target.entity);
  const result = reduceRecordMutation(call, await table.get(target.id), localContext(new Date()));
  if (result.outcome === 'created' || result.outcome === 'changed') await table.put(result.record);
}

/**
 * Re-applies the pending outbox rows that touch `ids` (all of them when `ids` is omitted), in `seq` order.
 * A pending consent withdrawal names no record: it is applied again whenever anything was pulled.
 */
export async function reapplyPending(db: ProfilenceDb, ids?: ReadonlySet<string>): Promise<void> {
  if (ids && ids.size === 0) return;
  const pending = await db.outbox.orderBy('seq').toArray();
  for (const row of pending) {
    const target = mutationTarget(row);
    if (target ? !ids || ids.has(target.id) : row.name === 'jobseeker.consentWithdrawn') await applyMutationLocally(db, row);
  }
}

/**
 * A promotion as the server sent it. zod drops unknown keys, so each event's server `version` is read
 * from the raw data beside the parse and put back: it orders events of the same instant.
 */
export function promotionFromServer(data: unknown): Omit<Promotion, 'events'> & { events: OrderedEvent[] } {
  const promotion = promotionSchema.parse(data);
  const versions = new Map<string, number>();
  const rawEvents = (data as { events?: unknown }).events;
  if (Array.isArray(rawEvents)) {
    for (const raw of rawEvents as { id?: unknown; version?: unknown }[]) {
      if (typeof raw?.id === 'string' && Number.isSafeInteger(raw.version)) versions.set(raw.id, raw.version as number);
    }
  }
  return {
    ...promotion,
    events: promotion.events.map((e) => (versions.has(e.id) ? { ...e, version: versions.get(e.id)! } : e)),
  };
}

export interface ApplyOutcome {
  applied: number;
  /** Records the server sent that this version of the extension cannot read: left aside, counted. */
  unreadable: number;
}

/**
 * Writes a page of server changes: the server's record replaces the local one (server order is the truth),
 * deletions remove it. The caller then re-applies the pending outbox rows on the ids returned.
 */
export async function applyChanges(
  db: ProfilenceDb,
  changes: readonly Change[],
  generation: number,
): Promise<ApplyOutcome & { touched: Set<string> }> {
  const puts = {
    promotion: new Map<string, StoredPromotion>(),
    need: new Map<string, StoredNeed>(),
    pool: new Map<string, StoredPoolEntry>(),
    alias: new Map<string, StoredReaderAlias>(),
  };
  const deletes = { promotion: new Set<string>(), need: new Set<string>(), pool: new Set<string>(), alias: new Set<string>() };
  const touched = new Set<string>();
  let unreadable = 0;
  for (const change of changes) {
    touched.add(change.id);
    puts[change.entity].delete(change.id);
    deletes[change.entity].delete(change.id);
    if (change.deleted) {
      deletes[change.entity].add(change.id);
      continue;
    }
    const synced = { serverVersion: change.version, syncGeneration: generation };
    try {
      if (change.entity === 'promotion') {
        puts.promotion.set(change.id, { ...toStoredPromotion(promotionFromServer(change.data)), ...synced } as StoredPromotion);
      } else if (change.entity === 'need') {
        puts.need.set(change.id, { ...companyNeedSchema.parse(change.data), ...synced });
      } else if (change.entity === 'pool') {
        puts.pool.set(change.id, { ...poolEntrySchema.parse(change.data), ...synced });
      } else {
        puts.alias.set(change.id, { ...readerAliasSchema.parse(change.data), ...synced });
      }
    } catch {
      unreadable++;
    }
  }
  await rememberPulledWithdrawals(db, [...puts.promotion.values()]);
  await Promise.all([
    db.promotions.bulkDelete([...deletes.promotion]),
    db.needs.bulkDelete([...deletes.need]),
    db.pool.bulkDelete([...deletes.pool]),
    db.aliases.bulkDelete([...deletes.alias]),
  ]);
  await Promise.all([
    db.promotions.bulkPut([...puts.promotion.values()]),
    db.needs.bulkPut([...puts.need.values()]),
    db.pool.bulkPut([...puts.pool.values()]),
    db.aliases.bulkPut([...puts.alias.values()]),
  ]);
  return { applied: changes.length - unreadable, unreadable, touched };
}

/**
 * A colleague's withdrawal arrives as a pseudonymised copy of a promotion this install holds by name: the person's
 * ftId is remembered as withdrawn (at the time of the pull, the withdrawal's own date is not sent), so a stale
 * reading of their file here is refused (lib/store/consent.ts).
 */
async function rememberPulledWithdrawals(db: ProfilenceDb, pulled: readonly StoredPromotion[]): Promise<void> {
  const pseudonymised = pulled.filter(isPseudonymised);
  if (pseudonymised.length === 0) return;
  const local = await db.promotions.bulkGet(pseudonymised.map((p) => p.id));
  const at = new Date().toISOString();
  const seen = local.filter((row) => row && !isPseudonymised(row)).map((row) => ({ ftId: row!.jobSeeker.ftId, at }));
  await rememberWithdrawals(db, seen);
}

/** End of a full download: records it did not bring back are gone from the server (or never reached it). */
export async function sweepStale(db: ProfilenceDb, generation: number): Promise<number> {
  const stale = (row: { syncGeneration?: number }) => row.syncGeneration !== generation;
  const [p, n, o, a] = await Promise.all([
    db.promotions.filter(stale).primaryKeys(),
    db.needs.filter(stale).primaryKeys(),
    db.pool.filter(stale).primaryKeys(),
    db.aliases.filter(stale).primaryKeys(),
  ]);
  await Promise.all([db.promotions.bulkDelete(p), db.needs.bulkDelete(n), db.pool.bulkDelete(o), db.aliases.bulkDelete(a)]);
  await reapplyPending(db);
  return p.length + n.length + o.length + a.length;
}

/**
 * After a complete pull, for ids whose mutation may have been refused: a record the server never sent
 * (no server version) and no pending write recreates is dropped, and so is an event the server does not have.
 */
export async function dropUnconfirmed(db: ProfilenceDb, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const wanted = new Set(ids);
  const pendingCreates = new Set<string>();
  const pendingEvents = new Set<string>();
  for (const row of await db.outbox.toArray()) {
    const target = mutationTarget(row);
    if (!target || !wanted.has(target.id)) continue;
    if (row.name === 'promotion.addEvent') pendingEvents.add((row.args as PromotionEvent).id);
    if (row.name === 'promotion.create' || row.name === 'need.create' || row.name === 'pool.add' || row.name === 'alias.create') pendingCreates.add(target.id);
  }
  let dropped = 0;
  const unconfirmed = (row: { id: string; serverVersion?: number } | undefined) =>
    row && row.serverVersion === undefined && !pendingCreates.has(row.id);
  for (const id of wanted) {
    const [promotion, need, entry, alias] = await Promise.all([db.promotions.get(id), db.needs.get(id), db.pool.get(id), db.aliases.get(id)]);
    if (unconfirmed(need)) (await db.needs.delete(id), dropped++);
    if (unconfirmed(entry)) (await db.pool.delete(id), dropped++);
    if (unconfirmed(alias)) (await db.aliases.delete(id), dropped++);
    if (!promotion) continue;
    if (unconfirmed(promotion)) {
      await db.promotions.delete(id);
      dropped++;
      continue;
    }
    const events = promotion.events.filter((e) => e.version !== undefined || pendingEvents.has(e.id));
    if (events.length !== promotion.events.length) {
      await db.promotions.put(toStoredPromotion({ ...promotionRecord(promotion), events }));
      dropped += promotion.events.length - events.length;
    }
  }
  return dropped;
}
