/**
 * Deletions travel as tombstones (`deleted: true`) until the retention horizon; then they are purged and the
 * highest purged version is kept per scope, so a cursor behind it gets `410` instead of silently missing one.
 */
import { sql } from 'kysely';
import type { EntityKind } from '../../lib/domain/sync';
import { ENTITY_TABLES, type Db, type Dialect, type EntityTable, type Tx } from '../db/schema';
import { lockScope, type ScopeCounter } from './scope';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Turns a live record into a tombstone: its data dropped and the scope's next version, so every install deletes
 * its copy on its next pull. `lastActivityBefore`: only if the record is still that old (retention, checked
 * under the lock). Returns the columns written, or undefined when the row was not live (or no longer due).
 */
export async function tombstone(
  trx: Tx,
  counter: ScopeCounter,
  entity: EntityKind,
  id: string,
  at: string,
  options: { bySub?: string; lastActivityBefore?: string } = {},
): Promise<Partial<EntityTable> | undefined> {
  // The version is taken only once the row is written: a row skipped leaves no gap in the scope's versions.
  const columns = {
    deleted: 1,
    data: null,
    field_versions: null,
    version: counter.current + 1,
    updated_at: at,
    deleted_at: at,
    last_activity_at: null,
    ...(options.bySub !== undefined && { updated_by_sub: options.bySub }),
  };
  let query = trx.updateTable(ENTITY_TABLES[entity]).set(columns).where('id', '=', id).where('deleted', '=', 0);
  if (options.lastActivityBefore !== undefined) query = query.where('last_activity_at', '<', options.lastActivityBefore);
  const result = await query.executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return undefined;
  counter.next();
  return columns;
}

/** Values overwritten by later edits (kept for « modifié par ») may quote what a tombstone dropped: they go too. */
export async function dropOverwrittenValues(trx: Tx, scope: string, ids: readonly string[]): Promise<void> {
  if (ids.length) await trx.deleteFrom('conflicts').where('scope', '=', scope).where('entity_id', 'in', [...ids]).execute();
}

/** Deletes one record of `scope` (an administrator's removal); returns its tombstone's version, or null. */
export async function deleteEntity(
  db: Db,
  dialect: Dialect,
  scope: string,
  entity: EntityKind,
  id: string,
  now: Date = new Date(),
): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const counter = await lockScope(trx, dialect, scope);
    const row = await trx.selectFrom(ENTITY_TABLES[entity]).select('id').where('id', '=', id).where('scope', '=', scope).executeTakeFirst();
    const written = row && (await tombstone(trx, counter, entity, id, now.toISOString()));
    if (!written) return null;
    await dropOverwrittenValues(trx, scope, [id]);
    await counter.save(trx);
    return written.version!;
  });
}

/** Removes tombstones older than `retentionDays` and raises each scope's horizon. */
export async function purgeTombstones(db: Db, retentionDays: number, now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  return db.transaction().execute(async (trx) => {
    const horizons = new Map<string, number>();
    let purged = 0;
    for (const table of Object.values(ENTITY_TABLES)) {
      const groups = await trx
        .selectFrom(table)
        .select(['scope', sql<number>`max(version)`.as('max_version'), sql<number>`count(*)`.as('n')])
        .where('deleted', '=', 1)
        .where('deleted_at', '<', cutoff)
        .groupBy('scope')
        .execute();
      if (groups.length === 0) continue;
      for (const g of groups) {
        horizons.set(g.scope, Math.max(horizons.get(g.scope) ?? 0, Number(g.max_version)));
        purged += Number(g.n);
      }
      await trx.deleteFrom(table).where('deleted', '=', 1).where('deleted_at', '<', cutoff).execute();
    }
    const at = now.toISOString();
    for (const [scope, version] of horizons) {
      await trx
        .insertInto('tombstone_horizons')
        .values({ scope, version, purged_at: at })
        .onConflict((oc) =>
          oc.column('scope').doUpdateSet({
            version: sql<number>`case when excluded.version > tombstone_horizons.version then excluded.version else tombstone_horizons.version end`,
            purged_at: at,
          }),
        )
        .execute();
    }
    return purged;
  });
}

