/**
 * Records that mention one job seeker. The stored JSON is searched as text for `"ftId":"<ftId>"` (an ftId is
 * only digits and capitals, written by JSON.stringify without spaces), then each hit is parsed and checked:
 * no SQL JSON function, which PostgreSQL would refuse on a record holding an escaped lone surrogate or NUL.
 */
import type { Db, EntityTable, Tx } from '../db/schema';

export interface SubjectRows {
  promotions: EntityTable[];
  pool: EntityTable[];
}

const mentions = (ftId: string) => `%"ftId":${JSON.stringify(ftId)}%`;

/** Live promotions and pool entries of `scope` whose job seeker is `ftId` (already normalised). */
export async function rowsMentioning(db: Db | Tx, scope: string, ftId: string): Promise<SubjectRows> {
  const candidates = async (table: 'promotions' | 'pool_entries') =>
    db
      .selectFrom(table)
      .selectAll()
      .where('scope', '=', scope)
      .where('deleted', '=', 0)
      .where('data', 'like', mentions(ftId))
      .orderBy('version')
      .execute();
  const ftIdOf = (row: EntityTable, table: 'promotions' | 'pool_entries') => {
    const data = JSON.parse(row.data ?? 'null') as { ftId?: unknown; jobSeeker?: { ftId?: unknown } } | null;
    return table === 'promotions' ? data?.jobSeeker?.ftId : data?.ftId;
  };
  // One after the other: inside a transaction both run on the same connection anyway.
  const promotions = (await candidates('promotions')).filter((row) => ftIdOf(row, 'promotions') === ftId);
  const pool = (await candidates('pool_entries')).filter((row) => ftIdOf(row, 'pool_entries') === ftId);
  return { promotions, pool };
}
