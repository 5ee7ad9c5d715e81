/**
 * The buckets of lib/stats/buckets.ts, counted in SQL over `promotion_facts`: a few `GROUP BY` queries whose
 * answers have a handful of rows per group, whatever the number of promotions. Same SQL on SQLite and PostgreSQL.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { DeclineReason } from '../../lib/domain/promotion';
import type { PromotionStatus } from '../../lib/domain/status';
import type { FactsFilter, StatsBuckets } from '../../lib/stats/buckets';
import type { StatsGrouping } from '../../lib/stats/schema';
import type { Db, Dialect } from '../db/schema';
import type { PromotionFactsTable } from './facts-table';

const KEY_COLUMN = { month: 'sent_month', rome: 'rome_domain', counsellor: 'counsellor' } as const;

/** Counts come back as numbers on SQLite, as bigint text on PostgreSQL for some aggregates: read them alike. */
const num = (v: unknown): number => Number(v ?? 0);

export async function readStatsBuckets(db: Db, dialect: Dialect, filter: FactsFilter, groupBy: StatsGrouping): Promise<StatsBuckets> {
  const key = KEY_COLUMN[groupBy];
  const isHired = sql<SqlBool>`status = 'hired'` as Expression<SqlBool>;
  let transaction = db.transaction();
  // One snapshot for the four answers: PostgreSQL needs repeatable read; SQLite's transaction is one already.
  if (dialect === 'postgres') transaction = transaction.setIsolationLevel('repeatable read');
  return transaction.execute(async (trx) => {
    const facts = trx.withTables<{ promotion_facts: PromotionFactsTable }>();
    const selection = () => {
      let q = facts.selectFrom('promotion_facts').where('sent_day', '>=', filter.from).where('sent_day', '<=', filter.to);
      if (filter.agencyCode !== undefined) q = q.where('agency_code', '=', filter.agencyCode);
      if (filter.counsellor !== undefined) q = q.where('counsellor', '=', filter.counsellor);
      return q;
    };
    const outcomes = await selection()
      .select((eb) => [
        eb.ref(key).as('key'),
        'status',
        'decline_reason',
        eb.fn.countAll().as('promotions'),
        eb.fn.sum('reached_interview').as('interviews'),
        eb.fn.sum('flagged').as('flagged'),
        eb.fn.count('reply_days').as('replied'),
      ])
      .groupBy([key, 'status', 'decline_reason'])
      .execute();
    const delays = await selection()
      .select((eb) => [eb.ref(key).as('key'), 'reply_days', eb.fn.countAll().as('promotions')])
      .where('reply_days', 'is not', null)
      .groupBy([key, 'reply_days'])
      .execute();
    const profilesBy = await selection()
      .select((eb) => [
        eb.ref(key).as('key'),
        eb.fn.max('counsellor_name').as('label'),
        eb.fn.count('profile_key').distinct().as('profiles'),
        eb.fn.count(eb.case().when(isHired).then(eb.ref('profile_key')).end()).distinct().as('hired_profiles'),
      ])
      .groupBy(key)
      .execute();
    const total = await selection()
      .select((eb) => [
        eb.fn.count('profile_key').distinct().as('profiles'),
        eb.fn.count(eb.case().when(isHired).then(eb.ref('profile_key')).end()).distinct().as('hired_profiles'),
      ])
      .executeTakeFirst();

    return {
      outcomes: outcomes.map((r) => ({
        key: String(r.key ?? ''),
        status: r.status as PromotionStatus,
        declineReason: (r.decline_reason as DeclineReason | null) ?? null,
        promotions: num(r.promotions),
        replied: num(r.replied),
        interviews: num(r.interviews),
        flagged: num(r.flagged),
      })),
      delays: delays.map((r) => ({ key: String(r.key ?? ''), days: num(r.reply_days), promotions: num(r.promotions) })),
      profiles: [
        ...profilesBy.map((r) => ({
          key: String(r.key ?? ''),
          label: groupBy === 'counsellor' ? ((r.label as string | null) ?? null) : null,
          profiles: num(r.profiles),
          hiredProfiles: num(r.hired_profiles),
        })),
        { key: null, label: null, profiles: num(total?.profiles), hiredProfiles: num(total?.hired_profiles) },
      ],
    };
  });
}
