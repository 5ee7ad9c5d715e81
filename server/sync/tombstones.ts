/**
 * Deletions travel as tombstones (`deleted: true`) until the retention horizon; then they are purged and the
 * highest purged version is kept per scope, so a cursor behind it gets `410` instead of silently missing one.
 */
import { sql } from 'kysely';
import type { EntityKind } from '../../lib/domain/sync';
import { ENTITY_TABLES, type Db, type Dialect } from '../db/schema';
import { lockScope } from './scope';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Turns a record into a tombstone (personal data dropped); returns its new version, or null if nothing to delete. */
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
    const row = await trx
      .selectFrom(ENTITY_TABLES[entity])
      .select('id')
      .where('id', '=', id)
      .where('scope', '=', scope)
      .where('deleted', '=', 0)
      .executeTakeFirst();
    if (!row) return null;
    const version = counter.next();
    const at = now.toISOString();
    await trx
      .updateTable(ENTITY_TABLES[entity])
      .set({ deleted: 1, data: null, field_versions: null, version, updated_at: at, deleted_at: at })
      .where('id', '=', id)
      .execute();
    await counter.save(trx);
    return version;
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

