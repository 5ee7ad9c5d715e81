/** `GET /v1/sync/pull`: changes after the cursor, in version order, across the three entity tables. */
import type { Change, EntityKind, PullResponse } from '../../lib/domain/sync';
import { sql } from 'kysely';
import { ENTITY_TABLES, type Db } from '../db/schema';
import { ApiError } from '../errors';
import { decodeCursor, encodeCursor } from './cursor';
import { currentScopeVersion } from './scope';

interface ChangeRow {
  entity: EntityKind;
  id: string;
  version: number | string;
  deleted: number;
  data: string | null;
}

export const cursorExpired = () =>
  new ApiError(
    410,
    'cursor_expired',
    'Synchronisation trop ancienne : les données de votre agence vont être téléchargées à nouveau.',
  );

export async function readChanges(db: Db, scope: string, cursor: string | undefined, limit: number): Promise<PullResponse> {
  const after = decodeCursor(cursor);
  // One statement, hence one snapshot on PostgreSQL: separate reads per table could miss a row
  // committed between them while a later version from another table is returned.
  const branch = (entity: EntityKind) =>
    sql`select * from (select cast(${entity} as text) as entity, id, version, deleted, data from ${sql.table(ENTITY_TABLES[entity])}
      where scope = ${scope} and version > ${after} order by version limit ${limit + 1}) as ${sql.id(`b_${entity}`)}`;
  const { rows } = await sql<ChangeRow>`select entity, id, version, deleted, data from (
      ${branch('promotion')} union all ${branch('need')} union all ${branch('pool')}
    ) as changes order by version limit ${limit + 1}`.execute(db);
  // Read after the rows: a purge that committed before them is seen here, so no deletion is skipped unnoticed.
  const [horizon, current] = await Promise.all([horizonOf(db, scope), currentScopeVersion(db, scope)]);
  if ((after > 0 && after < horizon) || after > current) throw cursorExpired();

  const page = rows.slice(0, limit);
  const changes: Change[] = page.map((row) => ({
    entity: row.entity,
    id: row.id,
    version: Number(row.version),
    deleted: Boolean(row.deleted),
    data: row.deleted || row.data === null ? null : JSON.parse(row.data),
  }));
  const last = changes.at(-1)?.version ?? after;
  return { changes, cursor: encodeCursor(last), hasMore: rows.length > limit };
}

export async function horizonOf(db: Db, scope: string): Promise<number> {
  const row = await db.selectFrom('tombstone_horizons').select('version').where('scope', '=', scope).executeTakeFirst();
  return row ? Number(row.version) : 0;
}
