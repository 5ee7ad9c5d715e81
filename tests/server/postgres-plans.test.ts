// PostgreSQL keeps the plans of the server's statements (server/db/postgres-plans.ts): the hot pull is parsed
// once per connection, a connection never holds more than a bounded set, and a column added by another instance
// during a rolling deploy never breaks this one's reads (a kept `select *` plan would).
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase } from '../../server/db/database';
import { MAX_NAMED } from '../../server/db/postgres-plans';
import type { Db } from '../../server/db/schema';
import { readChangesPage } from '../../server/sync/pull';
import { freshDatabase, postgresMissing, type FreshDatabase } from './database';

const prepared = async (db: Db) =>
  (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db)).rows.map((r) => r.statement);

describe.skipIf(postgresMissing())('PostgreSQL plans kept per connection', () => {
  let database: FreshDatabase;
  let db: Db;
  afterEach(async () => {
    await db?.destroy();
    await database?.drop();
  });
  async function open() {
    database = await freshDatabase('postgres', { poolSize: 1 });
    db = createDatabase(database.config).db;
  }

  it('parses the pull once per connection, however many installs pull', async () => {
    await open();
    for (let i = 0; i < 5; i++) await readChangesPage(db, 'postgres', 'agency:69031', undefined, 100);
    const pulls = (await prepared(db)).filter((s) => s.includes('scope_versions'));
    expect(pulls).toHaveLength(1);
  });

  it('keeps at most a bounded set of statements on a connection, and answers every query past it', async () => {
    await open();
    for (let n = 0; n < MAX_NAMED + 40; n++) {
      const { rows } = await sql<{ v: number }>`select ${n}::int + ${sql.lit(n)} as v`.execute(db);
      expect(rows[0]!.v).toBe(2 * n);
    }
    const kept = await prepared(db);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThanOrEqual(MAX_NAMED);
  });

  it('still reads the promotions after another instance added a column to their table', async () => {
    await open();
    const read = () => db.selectFrom('promotions').selectAll().where('id', '=', '0190c000-0000-7000-8000-000000000001').execute();
    expect(await read()).toEqual([]);
    const other = createDatabase(database.config).db;
    await sql`alter table promotions add column added_by_next_release text`.execute(other);
    await other.destroy();
    expect(await read()).toEqual([]);
  });
});
