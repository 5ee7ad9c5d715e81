import type { Kysely, Migration } from 'kysely';

const ENTITY_TABLES = ['promotions', 'needs', 'pool_entries'] as const;

export const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('scope_versions')
      .addColumn('scope', 'text', (c) => c.primaryKey())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('clients')
      .addColumn('client_id', 'text', (c) => c.primaryKey())
      .addColumn('sub', 'text', (c) => c.notNull())
      .addColumn('agency_code', 'text', (c) => c.notNull())
      .addColumn('last_seq', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    for (const table of ENTITY_TABLES) {
      await db.schema
        .createTable(table)
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('version', 'bigint', (c) => c.notNull())
        .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('data', 'text')
        .addColumn('field_versions', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('deleted_at', 'text')
        .execute();
      // The pull walks (scope, version); one scope counter makes the pair unique.
      await db.schema.createIndex(`${table}_scope_version`).on(table).columns(['scope', 'version']).unique().execute();
    }

    await db.schema
      .createTable('conflicts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('previous_value', 'text')
      .addColumn('new_value', 'text')
      .addColumn('by_sub', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('conflicts_entity').on('conflicts').columns(['scope', 'entity_id']).execute();

    await db.schema
      .createTable('tombstone_horizons')
      .addColumn('scope', 'text', (c) => c.primaryKey())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addColumn('purged_at', 'text', (c) => c.notNull())
      .execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of ['tombstone_horizons', 'conflicts', ...ENTITY_TABLES, 'clients', 'scope_versions']) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
