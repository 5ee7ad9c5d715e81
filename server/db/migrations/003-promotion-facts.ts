import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';
import { factsOfRow, upsertFacts, type PromotionFactsTable } from '../../stats/facts-table';
import type { DatabaseSchema } from '../schema';

const PAGE = 1000;

/**
 * `promotion_facts` (server/stats/facts-table.ts): one narrow row per promotion for `GET /v1/stats`, filled here
 * for the promotions already stored, kept by the push transaction afterwards. The author of a stored promotion
 * is the `sub` recorded by migration 002's `created_by_sub`, as the push files it, not the `counsellorId` the
 * client wrote (often the banner's name: the counsellor's older promotions would count under another key);
 * only rows older than 002, with no recorded sub, fall back to `counsellorId`. (Corrected after it shipped
 * reading `counsellorId` alone; migration 006 refiles the promotions of databases that ran that version.) Deleting a promotion (tombstone or purge) deletes its row through a trigger, whatever
 * code path deletes it.
 */
export const promotionFacts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('promotion_facts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('agency_code', 'text', (c) => c.notNull())
      .addColumn('counsellor', 'text', (c) => c.notNull())
      .addColumn('counsellor_name', 'text', (c) => c.notNull())
      .addColumn('rome_domain', 'text', (c) => c.notNull())
      .addColumn('profile_key', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .addColumn('sent_day', 'text')
      .addColumn('sent_month', 'text')
      .addColumn('first_reply_at', 'text')
      .addColumn('reply_days', 'integer')
      .addColumn('reached_interview', 'integer', (c) => c.notNull())
      .addColumn('decline_reason', 'text')
      .addColumn('flagged', 'integer', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .execute();
    // The three perimeters of the route: national (by day), an agency, one counsellor of an agency.
    await db.schema.createIndex('promotion_facts_day').on('promotion_facts').columns(['sent_day']).execute();
    await db.schema.createIndex('promotion_facts_agency_day').on('promotion_facts').columns(['agency_code', 'sent_day']).execute();
    await db.schema
      .createIndex('promotion_facts_counsellor_day')
      .on('promotion_facts')
      .columns(['agency_code', 'counsellor', 'sent_day'])
      .execute();

    if (db.getExecutor().adapter instanceof PostgresAdapter) {
      await sql`create function promotion_facts_forget() returns trigger language plpgsql as $$
        begin delete from promotion_facts where id = old.id; return null; end $$`.execute(db);
      await sql`create trigger promotion_facts_on_tombstone after update of deleted on promotions
        for each row when (new.deleted = 1) execute function promotion_facts_forget()`.execute(db);
      await sql`create trigger promotion_facts_on_purge after delete on promotions
        for each row execute function promotion_facts_forget()`.execute(db);
    } else {
      await sql`create trigger promotion_facts_on_tombstone after update of deleted on promotions
        for each row when new.deleted = 1 begin delete from promotion_facts where id = old.id; end`.execute(db);
      await sql`create trigger promotion_facts_on_purge after delete on promotions
        for each row begin delete from promotion_facts where id = old.id; end`.execute(db);
    }

    const typed = db as unknown as Kysely<DatabaseSchema>;
    let after = '';
    for (;;) {
      // Paged on the primary key alone: a filter on `deleted` here lets SQLite pick another index and sort every page.
      const page = await typed
        .selectFrom('promotions')
        .select(['id', 'data', 'version', 'deleted', 'created_by_sub'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(PAGE)
        .execute();
      if (page.length === 0) break;
      const live = page.filter((row) => !row.deleted);
      const facts = live.map((row) => factsOfRow(row, row.created_by_sub ?? undefined));
      await upsertFacts(typed, facts.filter((f): f is PromotionFactsTable => f !== undefined));
      after = page[page.length - 1]!.id;
    }
  },

  async down(db: Kysely<unknown>) {
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    for (const trigger of ['promotion_facts_on_tombstone', 'promotion_facts_on_purge']) {
      await (postgres
        ? sql`drop trigger if exists ${sql.ref(trigger)} on promotions`
        : sql`drop trigger if exists ${sql.ref(trigger)}`
      ).execute(db);
    }
    await db.schema.dropTable('promotion_facts').ifExists().execute();
    if (postgres) await sql`drop function if exists promotion_facts_forget()`.execute(db);
  },
};
