/** `GET /v1/sync/pull`: changes after the cursor, in version order, across the three entity tables. */
import type { EntityKind } from '../../lib/domain/sync';
import { sql } from 'kysely';
import { ENTITY_TABLES, type Db } from '../db/schema';
import { ApiError } from '../errors';
import { decodeCursor, encodeCursor } from './cursor';

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

export interface ChangesPage {
  rows: ChangeRow[];
  cursor: string;
  hasMore: boolean;
}

export async function readChangesPage(db: Db, scope: string, cursor: string | undefined, limit: number): Promise<ChangesPage> {
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
  const { rows: marks } = await sql<{ horizon: number | string | null; current: number | string | null }>`select
      (select version from tombstone_horizons where scope = ${scope}) as horizon,
      (select version from scope_versions where scope = ${scope}) as current`.execute(db);
  const horizon = Number(marks[0]?.horizon ?? 0);
  const current = Number(marks[0]?.current ?? 0);
  if ((after > 0 && after < horizon) || after > current) throw cursorExpired();

  const page = rows.slice(0, limit);
  const last = page.length ? Number(page[page.length - 1]!.version) : after;
  return { rows: page, cursor: encodeCursor(last), hasMore: rows.length > limit };
}

/**
 * The page as JSON text, with each record's stored JSON spliced in as is: no parse and re-serialise of
 * data the server wrote itself (the pull is the hot path). Same shape as `pullResponseSchema`.
 */
export function pageToJson(page: ChangesPage): string {
  const changes = page.rows.map((row) => {
    const deleted = Boolean(row.deleted) || row.data === null;
    return `{"entity":${JSON.stringify(row.entity)},"id":${JSON.stringify(row.id)},"version":${Number(row.version)},"deleted":${deleted},"data":${deleted ? 'null' : row.data}}`;
  });
  return `{"changes":[${changes.join(',')}],"cursor":${JSON.stringify(page.cursor)},"hasMore":${page.hasMore}}`;
}
