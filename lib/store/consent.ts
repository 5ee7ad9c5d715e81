/**
 * The job-seeker file shows the promotion consent withdrawn while this install still holds promotions or pool
 * entries of that person: they are purged here at once (pool entries deleted, promotions pseudonymised, the
 * draft dropped) and `jobseeker.consentWithdrawn` is queued in the same transaction, so the server does the same
 * for the whole agency and every other install follows on its next pull.
 */
import { ftIdSchema } from '../domain/formats';
import { localPseudonym, reduceConsentWithdrawal, type MutationArgs, type Refused } from '../domain/mutations';
import type { ProfilenceDb } from './db';
import { enqueue } from './outbox';
import { promotionRecord, toStoredPromotion } from './promotions';
import { localContext } from './reduced';
import { InvalidRecord } from './validation';

export interface ConsentWithdrawal {
  promotions: number;
  poolEntries: number;
  /** True when the mutation was queued for the server (something was held about the person). */
  queued: boolean;
}

const NOTHING: ConsentWithdrawal = { promotions: 0, poolEntries: 0, queued: false };

/**
 * What the withdrawal (outbox row `mutationId`) does to this install's records of the person: the reducer's rule,
 * with the install's pseudonym for that withdrawal. Inside a transaction over promotions and pool. A refusal
 * (none without checks, as on an install today) writes nothing.
 */
export async function applyConsentWithdrawal(
  db: ProfilenceDb,
  args: MutationArgs<'jobseeker.consentWithdrawn'>,
  mutationId: string,
): Promise<Refused | undefined> {
  const promotions = await db.promotions.where('jobSeeker.ftId').equals(args.ftId).toArray();
  const poolEntries = await db.pool.where('ftId').equals(args.ftId).toArray();
  const effect = reduceConsentWithdrawal(
    { promotions: promotions.map(promotionRecord), poolEntries },
    args,
    localPseudonym(mutationId),
    localContext(new Date(args.at)),
  );
  if ('outcome' in effect) return effect;
  await db.pool.bulkDelete(effect.removed.map((entry) => entry.id));
  await db.promotions.bulkPut(effect.pseudonymised.map(toStoredPromotion));
  return undefined;
}

export async function withdrawConsent(db: ProfilenceDb, ftId: string, at: Date = new Date()): Promise<ConsentWithdrawal> {
  const key = ftIdSchema.safeParse(ftId);
  if (!key.success) return NOTHING;
  return db.transaction('rw', [db.promotions, db.pool, db.drafts, db.outbox, db.meta], async () => {
    // A draft for someone who does not consent has no use: it goes whatever else is held.
    await db.drafts.delete(key.data);
    const promotions = await db.promotions.where('jobSeeker.ftId').equals(key.data).count();
    const poolEntries = await db.pool.where('ftId').equals(key.data).count();
    if (promotions === 0 && poolEntries === 0) return NOTHING;
    const args = { ftId: key.data, at: at.toISOString() };
    const queued = await enqueue(db, 'jobseeker.consentWithdrawn', args, at);
    const refused = await applyConsentWithdrawal(db, args, queued.id);
    if (refused) throw new InvalidRecord(refused.message);
    return { promotions, poolEntries, queued: true };
  });
}
