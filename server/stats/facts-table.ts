/**
 * `promotion_facts`: one narrow row per promotion with what the statistics count (lib/stats/facts.ts), so
 * `GET /v1/stats` aggregates in SQL instead of parsing every promotion's JSON. Rows are written in the push
 * transaction that changes the promotion (refresh.ts), built for existing promotions by migration 003, and
 * removed by database triggers when the promotion becomes a tombstone or is purged.
 */
import type { Kysely } from 'kysely';
import type { Promotion } from '../../lib/domain/promotion';
import type { OrderedEvent } from '../../lib/domain/status';
import { promotionFacts, type PromotionFacts } from '../../lib/stats/facts';
import type { DatabaseSchema, EntityTable } from '../db/schema';

export interface PromotionFactsTable {
  id: string;
  agency_code: string;
  /** The author's `sub` (the counsellor who pushed `promotion.create`). */
  counsellor: string;
  counsellor_name: string;
  rome_domain: string;
  profile_key: string;
  status: string;
  sent_at: string | null;
  /** Paris day `YYYY-MM-DD` of the sending; null for a promotion never sent. */
  sent_day: string | null;
  sent_month: string | null;
  first_reply_at: string | null;
  reply_days: number | null;
  reached_interview: number;
  decline_reason: string | null;
  flagged: number;
  /** The promotion row's version the facts were derived from. */
  version: number;
}

export type FactsTables = DatabaseSchema & { promotion_facts: PromotionFactsTable };

export function factsRow(facts: PromotionFacts, version: number): PromotionFactsTable {
  return {
    id: facts.id,
    agency_code: facts.agencyCode,
    counsellor: facts.counsellor,
    counsellor_name: facts.counsellorName,
    rome_domain: facts.romeDomain,
    profile_key: facts.profileKey,
    status: facts.status,
    sent_at: facts.sentAt ?? null,
    sent_day: facts.sentDay ?? null,
    sent_month: facts.sentMonth ?? null,
    first_reply_at: facts.firstReplyAt ?? null,
    reply_days: facts.replyDays ?? null,
    reached_interview: facts.reachedInterview ? 1 : 0,
    decline_reason: facts.declineReason ?? null,
    flagged: facts.flaggedEvents > 0 ? 1 : 0,
    version,
  };
}

/** The facts of a stored promotion row; `author` is used only when the promotion has no fact row yet. */
export function factsOfRow(row: Pick<EntityTable, 'data' | 'version'>, author?: string): PromotionFactsTable | undefined {
  if (!row.data) return undefined;
  const promotion = JSON.parse(row.data) as Promotion & { events: OrderedEvent[] };
  return factsRow(promotionFacts(promotion, author ?? promotion.counsellorId), Number(row.version));
}

/** Rows per statement: 16 columns × 500 stays far below SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;

/** Inserts or refreshes fact rows; the author recorded first is kept (a colleague's later event does not change it). */
export async function upsertFacts(db: Kysely<DatabaseSchema>, rows: readonly PromotionFactsTable[]): Promise<void> {
  const facts = db.withTables<Pick<FactsTables, 'promotion_facts'>>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    await facts
      .insertInto('promotion_facts')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          counsellor_name: eb.ref('excluded.counsellor_name'),
          rome_domain: eb.ref('excluded.rome_domain'),
          profile_key: eb.ref('excluded.profile_key'),
          status: eb.ref('excluded.status'),
          sent_at: eb.ref('excluded.sent_at'),
          sent_day: eb.ref('excluded.sent_day'),
          sent_month: eb.ref('excluded.sent_month'),
          first_reply_at: eb.ref('excluded.first_reply_at'),
          reply_days: eb.ref('excluded.reply_days'),
          reached_interview: eb.ref('excluded.reached_interview'),
          decline_reason: eb.ref('excluded.decline_reason'),
          flagged: eb.ref('excluded.flagged'),
          version: eb.ref('excluded.version'),
        })),
      )
      .execute();
  }
}
