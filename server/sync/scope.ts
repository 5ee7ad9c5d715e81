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
  // A write first: on SQLite it takes the write lock before anything is read; on PostgreSQL it creates the row once.
  await trx
    .insertInto('scope_versions')
    .values({ scope, version: 0 })
    .onConflict((oc) => oc.column('scope').doNothing())
    .execute();
  let query = trx.selectFrom('scope_versions').select('version').where('scope', '=', scope);
  if (dialect === 'postgres') query = query.forUpdate();
  const row = await query.executeTakeFirstOrThrow();
  return new ScopeCounter(scope, Number(row.version));
}
