/** Records that mention one job seeker, found in the stored JSON (no extra column to keep in step). */
import { sql, type RawBuilder } from 'kysely';
import type { Db, Dialect, EntityTable, Tx } from '../db/schema';

/** `json`, not `jsonb`: a stored text may hold an escaped NUL (`\u0000`), which jsonb refuses to read. */
function jsonText(dialect: Dialect, path: readonly string[]): RawBuilder<string | null> {
  return dialect === 'postgres'
    ? sql<string | null>`(cast(data as json) #>> ${`{${path.join(',')}}`})`
    : sql<string | null>`json_extract(data, ${`$.${path.join('.')}`})`;
}

export interface SubjectRows {
  promotions: EntityTable[];
  pool: EntityTable[];
}

/** Live promotions and pool entries of `scope` whose job seeker is `ftId` (already normalised). */
export async function rowsMentioning(db: Db | Tx, dialect: Dialect, scope: string, ftId: string): Promise<SubjectRows> {
  // One after the other: inside a transaction both run on the same connection anyway.
  const promotions = await db
    .selectFrom('promotions')
    .selectAll()
    .where('scope', '=', scope)
    .where('deleted', '=', 0)
    .where(jsonText(dialect, ['jobSeeker', 'ftId']), '=', ftId)
    .orderBy('version')
    .execute();
  const pool = await db
    .selectFrom('pool_entries')
    .selectAll()
    .where('scope', '=', scope)
    .where('deleted', '=', 0)
    .where(jsonText(dialect, ['ftId']), '=', ftId)
    .orderBy('version')
    .execute();
  return { promotions, pool };
}
