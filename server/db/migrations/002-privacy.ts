import { randomBytes } from 'node:crypto';
import type { Kysely, Migration } from 'kysely';

/** Frozen copy of the rule at the time of this migration (server/privacy/activity.ts may change later). */
function lastActivityAt(table: (typeof RETAINED_TABLES)[number], data: { createdAt?: string; events?: { at?: string }[] }, now: Date): string {
  const times = [data.createdAt, ...(table === 'promotions' ? (data.events ?? []).map((e) => e.at) : [])]
    .map((at) => (at ? Date.parse(at) : NaN))
    .filter((t) => !Number.isNaN(t));
  return new Date(Math.min(times.length ? Math.max(...times) : now.getTime(), now.getTime())).toISOString();
}

const WRITTEN_TABLES = ['promotions', 'needs', 'pool_entries'] as const;
const RETAINED_TABLES = ['promotions', 'pool_entries'] as const;

/**
 * Privacy: who wrote each record (the token's `sub`, not what the client says), when its retention runs
 * out, the audit log of personal-data reads and writes, the consent withdrawals, and the pseudonymisation key.
 */
export const privacy: Migration = {
  async up(db: Kysely<any>) {
    for (const table of WRITTEN_TABLES) {
      await db.schema.alterTable(table).addColumn('created_by_sub', 'text').execute();
      await db.schema.alterTable(table).addColumn('updated_by_sub', 'text').execute();
      // Date of the record's last event (promotions) or of its addition (pool): the retention clock. Null for needs.
      await db.schema.alterTable(table).addColumn('last_activity_at', 'text').execute();
    }
    for (const table of RETAINED_TABLES) {
      await db.schema.createIndex(`${table}_last_activity`).on(table).columns(['deleted', 'last_activity_at']).execute();
      const rows = await db.selectFrom(table).select(['id', 'data', 'updated_at']).where('deleted', '=', 0).execute();
      for (const row of rows as { id: string; data: string | null; updated_at: string }[]) {
        if (!row.data) continue;
        const at = lastActivityAt(table, JSON.parse(row.data), new Date(row.updated_at));
        await db.updateTable(table).set({ last_activity_at: at }).where('id', '=', row.id).execute();
      }
    }

    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('sub', 'text', (c) => c.notNull())
      .addColumn('agency_code', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('scope', 'text')
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('details', 'text')
      .execute();
    await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at']).execute();
    await db.schema.createIndex('audit_log_sub').on('audit_log').columns(['sub', 'at']).execute();

    await db.schema
      .createTable('consent_withdrawals')
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('withdrawn_at', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('consent_withdrawals_pk', ['scope', 'subject'])
      .execute();

    await db.schema
      .createTable('privacy_keys')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // One key per database, made here once: every API instance over the same database pseudonymises alike.
    await db
      .insertInto('privacy_keys')
      .values({ name: 'pseudonym', value: randomBytes(32).toString('base64'), created_at: new Date().toISOString() })
      .execute();
  },

  async down(db: Kysely<any>) {
    for (const table of ['privacy_keys', 'consent_withdrawals', 'audit_log']) await db.schema.dropTable(table).ifExists().execute();
    for (const table of RETAINED_TABLES) await db.schema.dropIndex(`${table}_last_activity`).ifExists().execute();
    for (const table of WRITTEN_TABLES) {
      await db.schema.alterTable(table).dropColumn('last_activity_at').execute();
      await db.schema.alterTable(table).dropColumn('updated_by_sub').execute();
      await db.schema.alterTable(table).dropColumn('created_by_sub').execute();
    }
  },
};
