import type { Kysely, Migration } from 'kysely';

/** Columns every statistics query reads after its group key: with them in the index, no row is visited. */
const FIGURES = ['status', 'decline_reason', 'reply_days', 'reached_interview', 'flagged', 'sent_day', 'agency_code'];

/**
 * Covering indexes for `GET /v1/stats` (server/stats/query.ts), one per breakdown, led by the group key: SQLite
 * then aggregates 100,000 promotions while reading one index in order instead of sorting them (ten times
 * faster, bench/stats.ts). The bare day index of 003 is no longer chosen by any query.
 */
export const statsIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    const index = (name: string, columns: string[]) => db.schema.createIndex(name).on('promotion_facts').columns(columns).execute();
    await index('promotion_facts_by_month', ['sent_month', ...FIGURES, 'counsellor']);
    await index('promotion_facts_by_rome', ['rome_domain', ...FIGURES, 'counsellor']);
    await index('promotion_facts_by_counsellor', ['counsellor', ...FIGURES, 'counsellor_name']);
    await index('promotion_facts_by_profile', ['profile_key', 'status', 'sent_day', 'agency_code', 'counsellor']);
    await db.schema.dropIndex('promotion_facts_day').ifExists().execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.createIndex('promotion_facts_day').on('promotion_facts').columns(['sent_day']).execute();
    for (const name of ['promotion_facts_by_month', 'promotion_facts_by_rome', 'promotion_facts_by_counsellor', 'promotion_facts_by_profile']) {
      await db.schema.dropIndex(name).ifExists().execute();
    }
  },
};
