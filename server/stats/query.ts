/**
 * The buckets of lib/stats/buckets.ts, counted in SQL over `promotion_facts`: two queries whose answers have a
 * few rows per group, whatever the number of promotions. Same SQL on SQLite and PostgreSQL.
 *
 * Speed: each `GROUP BY` starts with the columns of a covering index (migration 004), so SQLite reads the
 * index in group order and aggregates as it goes, with no sort of the rows; PostgreSQL hashes. The distinct
 * job seekers are counted through the `profile_key` index the same way.
 */
import { sql } from 'kysely';
import type { DeclineReason } from '../../lib/domain/promotion';
import type { PromotionStatus } from '../../lib/domain/status';
import type { FactsFilter, StatsBuckets } from '../../lib/stats/buckets';
import { monthOf } from '../../lib/stats/days';
import type { StatsGrouping } from '../../lib/stats/schema';
import type { Db } from '../db/schema';
import type { PromotionFactsTable } from './facts-table';

const KEY_COLUMN = { month: 'sent_month', rome: 'rome_domain', counsellor: 'counsellor' } as const;

/** Aggregates are numbers on SQLite, bigint (read as numbers) or numeric text on PostgreSQL: read them alike. */
const num = (v: unknown): number => Number(v ?? 0);

export async function readStatsBuckets(db: Db, filter: FactsFilter, groupBy: StatsGrouping): Promise<StatsBuckets> {
  const key = KEY_COLUMN[groupBy];
  // Two independent reads, in parallel on PostgreSQL's pool. A push committing between them can only make the
  // distinct job seekers one batch older than the counts: acceptable for figures, and twice as fast as a snapshot.
  const facts = db.withTables<{ promotion_facts: PromotionFactsTable }>();
  const selection = () => {
    let q = facts.selectFrom('promotion_facts').where('sent_day', '>=', filter.from).where('sent_day', '<=', filter.to);
    if (filter.agencyCode !== undefined) q = q.where('agency_code', '=', filter.agencyCode);
    if (filter.counsellor !== undefined) q = q.where('counsellor', '=', filter.counsellor);
    return q;
  };

  let grouped = selection();
  // The month of a day in the period is in the period's months: lets the month index be searched, not scanned.
  if (groupBy === 'month') grouped = grouped.where('sent_month', '>=', monthOf(filter.from)).where('sent_month', '<=', monthOf(filter.to));
  const rowsQuery = grouped
    .select((eb) => [
      eb.ref(key).as('key'),
      'status',
      'decline_reason',
      'reply_days',
      eb.fn.countAll().as('promotions'),
      eb.fn.sum('reached_interview').as('interviews'),
      eb.fn.sum('flagged').as('flagged'),
      (groupBy === 'counsellor' ? eb.fn.max('counsellor_name') : sql<string | null>`null`).as('label'),
    ])
    .groupBy([key, 'status', 'decline_reason', 'reply_days']);

  const perProfile = selection()
    .select((eb) => ['profile_key', eb.fn.max(eb.case().when('status', '=', 'hired').then(1).else(0).end()).as('hired')])
    .groupBy('profile_key')
    .as('per_profile');
  const [rows, profiles] = await Promise.all([
    rowsQuery.execute(),
    facts
      .selectFrom(perProfile)
      .select((eb) => [eb.fn.countAll().as('profiles'), eb.fn.sum('hired').as('hired_profiles')])
      .executeTakeFirst(),
  ]);

  return {
    facts: rows.map((r) => ({
      key: String(r.key ?? ''),
      status: r.status as PromotionStatus,
      declineReason: (r.decline_reason as DeclineReason | null) ?? null,
      replyDays: r.reply_days === null ? null : num(r.reply_days),
      promotions: num(r.promotions),
      interviews: num(r.interviews),
      flagged: num(r.flagged),
      label: (r.label as string | null) ?? null,
    })),
    profiles: { profiles: num(profiles?.profiles), hiredProfiles: num(profiles?.hired_profiles) },
  };
}
