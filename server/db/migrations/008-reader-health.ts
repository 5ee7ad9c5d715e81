import type { Kysely, Migration } from 'kysely';

/**
 * The readers' health report (docs/readers-health.md): one row per install, day, tool, page kind and count —
 * `readings`, a field's `miss`, a label-set `variant`. The install's agency and counsellor are the token's.
 */
export const readerHealth: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('reader_health')
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('tool', 'text', (c) => c.notNull())
      .addColumn('page', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      /** The field (`miss`), the label-set hash (`variant`), '' for `readings`. */
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('sub', 'text', (c) => c.notNull())
      .addColumn('agency_code', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('reader_health_pk', ['client_id', 'day', 'tool', 'page', 'kind', 'key'])
      .execute();
    await db.schema.createIndex('reader_health_by_agency').on('reader_health').columns(['agency_code', 'day']).execute();
    await db.schema.createIndex('reader_health_by_day').on('reader_health').columns(['day']).execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('reader_health').ifExists().execute();
  },
};
