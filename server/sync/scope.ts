/** The per-scope version counter: locked first in every write transaction, so commit order is version order. */
import type { Dialect, Tx } from '../db/schema';

export class ScopeCounter {
  private last: number;

  constructor(
    readonly scope: string,
    readonly start: number,
  ) {
    this.last = start;
  }

  /** Takes the next version; rows written with it commit together with the counter. */
  next(): number {
    return ++this.last;
  }

  get current(): number {
    return this.last;
  }

  async save(trx: Tx): Promise<void> {
    if (this.last === this.start) return;
    await trx.updateTable('scope_versions').set({ version: this.last }).where('scope', '=', this.scope).execute();
  }
}

export async function lockScope(trx: Tx, dialect: Dialect, scope: string): Promise<ScopeCounter> {
  // A write first: on SQLite it takes the write lock before anything is read; on PostgreSQL it creates the row
  // once. One statement where the database allows it: PostgreSQL's ON CONFLICT DO UPDATE locks the row as
  // `SELECT … FOR UPDATE` would, and RETURNING reads it in the same round trip (two fewer per push).
  if (dialect === 'postgres') {
    const row = await trx
      .insertInto('scope_versions')
      .values({ scope, version: 0 })
      .onConflict((oc) => oc.column('scope').doUpdateSet((eb) => ({ version: eb.ref('scope_versions.version') })))
      .returning('version')
      .executeTakeFirstOrThrow();
    return new ScopeCounter(scope, Number(row.version));
  }
  await trx
    .insertInto('scope_versions')
    .values({ scope, version: 0 })
    .onConflict((oc) => oc.column('scope').doNothing())
    .execute();
  const row = await trx.selectFrom('scope_versions').select('version').where('scope', '=', scope).executeTakeFirstOrThrow();
  return new ScopeCounter(scope, Number(row.version));
}
