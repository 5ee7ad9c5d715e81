/**
 * The job-seeker file shows the promotion consent withdrawn while this install still holds promotions or pool
 * entries of that person: they are purged here at once (pool entries deleted, promotions pseudonymised, the
 * draft dropped) and `jobseeker.consentWithdrawn` is queued in the same transaction, so the server does the same
 * for the whole agency and every other install follows on its next pull.
 */
import { pseudonymisedPromotion } from '../domain/consent';
import { ftIdSchema } from '../domain/formats';
import type { ProfilenceDb, StoredPromotion } from './db';
import { enqueue } from './outbox';
import { toStoredPromotion } from './promotions';

export interface ConsentWithdrawal {
  promotions: number;
  poolEntries: number;
  /** True when the mutation was queued for the server (something was held about the person). */
  queued: boolean;
}

const NOTHING: ConsentWithdrawal = { promotions: 0, poolEntries: 0, queued: false };

/** Until the server's keyed pseudonym arrives: one random pseudonym for the person's promotions on this install. */
const localPseudonym = () => `pseudo:local-${crypto.randomUUID()}`;

function pseudonymised(row: StoredPromotion, pseudonym: string): StoredPromotion {
  const { status: _status, sentAt: _sentAt, lastEventAt: _lastEventAt, serverVersion, syncGeneration, ...promotion } = row;
  const stored = toStoredPromotion(pseudonymisedPromotion(promotion, pseudonym)) as StoredPromotion;
  return { ...stored, ...(serverVersion !== undefined ? { serverVersion } : {}), ...(syncGeneration !== undefined ? { syncGeneration } : {}) };
}

export async function withdrawConsent(db: ProfilenceDb, ftId: string, at: Date = new Date()): Promise<ConsentWithdrawal> {
  const key = ftIdSchema.safeParse(ftId);
  if (!key.success) return NOTHING;
  return db.transaction('rw', [db.promotions, db.pool, db.drafts, db.outbox, db.meta], async () => {
    // A draft for someone who does not consent has no use: it goes whatever else is held.
    await db.drafts.delete(key.data);
    const promotions = await db.promotions.where('jobSeeker.ftId').equals(key.data).toArray();
    const entries = await db.pool.where('ftId').equals(key.data).primaryKeys();
    if (promotions.length === 0 && entries.length === 0) return NOTHING;
    const pseudonym = localPseudonym();
    await db.pool.bulkDelete(entries);
    await db.promotions.bulkPut(promotions.map((row) => pseudonymised(row, pseudonym)));
    await enqueue(db, 'jobseeker.consentWithdrawn', { ftId: key.data, at: at.toISOString() }, at);
    return { promotions: promotions.length, poolEntries: entries.length, queued: true };
  });
}
