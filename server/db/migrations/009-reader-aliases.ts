import type { Kysely, Migration } from 'kysely';

/**
 * Reader aliases (issue 16): the labels counsellors taught the readers, synced in agency scope like needs and
 * pool entries, so the table has the same columns (the pull walks (scope, version) across every entity table).
 */
export const readerAliases: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('reader_aliases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('data', 'text')
      .addColumn('field_versions', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .addColumn('created_by_sub', 'text')
      .addColumn('updated_by_sub', 'text')
      // No retention clock: an alias holds no personal data (docs/privacy.md). Kept for the shared row type.
      .addColumn('last_activity_at', 'text')
      .execute();
    await db.schema.createIndex('reader_aliases_scope_version').on('reader_aliases').columns(['scope', 'version']).unique().execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('reader_aliases').ifExists().execute();
  },
};
