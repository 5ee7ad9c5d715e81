/**
 * Retention in the extension: at start-up, promotions (with their events) and pool entries 24 months past
 * their last event are dropped, as the server does (lib/domain/retention.ts); so are drafts and refusals of the
 * same age, which may quote a job seeker.
 */
import { isPastRetention, poolEntryLastActivity, promotionLastActivity } from '../domain/retention';
import type { ProfilenceDb } from './db';

export interface ExpiredIds {
  promotions: string[];
  pool: string[];
  drafts: string[];
  rejections: number[];
}

interface Held {
  promotions: readonly { id: string; createdAt: string; events: readonly { at: string }[] }[];
  pool: readonly { id: string; createdAt: string }[];
  drafts: readonly { ftId: string; updatedAt: string }[];
  rejections: readonly { seq: number; rejectedAt: string }[];
}

const past = (iso: string, now: Date) => {
  const t = Date.parse(iso);
  return !Number.isNaN(t) && isPastRetention(new Date(Math.min(t, now.getTime())), now);
};

/** Pure: which of the records held are past retention at `now`. */
export function expiredRecords(held: Held, now: Date): ExpiredIds {
  return {
    promotions: held.promotions.filter((p) => isPastRetention(promotionLastActivity(p, now), now)).map((p) => p.id),
    pool: held.pool.filter((e) => isPastRetention(poolEntryLastActivity(e, now), now)).map((e) => e.id),
    drafts: held.drafts.filter((d) => past(d.updatedAt, now)).map((d) => d.ftId),
    rejections: held.rejections.filter((r) => past(r.rejectedAt, now)).map((r) => r.seq),
  };
}

export async function dropExpiredRecords(db: ProfilenceDb, now: Date = new Date()): Promise<ExpiredIds> {
  return db.transaction('rw', [db.promotions, db.pool, db.drafts, db.rejections], async () => {
    const expired = expiredRecords(
      {
        promotions: await db.promotions.toArray(),
        pool: await db.pool.toArray(),
        drafts: await db.drafts.toArray(),
        rejections: await db.rejections.toArray(),
      },
      now,
    );
    await db.promotions.bulkDelete(expired.promotions);
    await db.pool.bulkDelete(expired.pool);
    await db.drafts.bulkDelete(expired.drafts);
    await db.rejections.bulkDelete(expired.rejections);
    return expired;
  });
}
