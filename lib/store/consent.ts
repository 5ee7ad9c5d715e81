/**
 * The job-seeker file shows the promotion consent withdrawn while this install still holds promotions or pool
 * entries of that person: they are purged here at once (pool entries deleted, promotions pseudonymised, the
 * draft dropped) and `jobseeker.consentWithdrawn` is queued in the same transaction, so the server does the same
 * for the whole agency and every other install follows on its next pull.
 */
import { consentReadAfter } from '../domain/consent';
import { ftIdSchema } from '../domain/formats';
import { localPseudonym, reduceConsentWithdrawal, type MutationArgs, type Refused } from '../domain/mutations';
import type { ProfilenceDb } from './db';
import { getMeta, setMeta } from './meta';
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
    await rememberWithdrawals(db, [{ ftId: key.data, at: at.toISOString() }]);
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

/**
 * The file clearly refuses consent: what is held is purged (`withdrawConsent`), and when nothing is held and this
 * install has not told the server yet, the withdrawal is queued all the same, once: the server then refuses a
 * promotion any colleague makes from a reading older than it (docs/privacy.md).
 */
export async function refusalSeen(db: ProfilenceDb, ftId: string, at: Date = new Date()): Promise<ConsentWithdrawal> {
  const key = ftIdSchema.safeParse(ftId);
  if (!key.success) return NOTHING;
  return db.transaction('rw', [db.promotions, db.pool, db.drafts, db.outbox, db.meta], async () => {
    const known = await knownWithdrawal(db, key.data);
    const outcome = await withdrawConsent(db, key.data, at);
    if (outcome.queued || known) return outcome;
    await enqueue(db, 'jobseeker.consentWithdrawn', { ftId: key.data, at: at.toISOString() }, at);
    return { ...outcome, queued: true };
  });
}

/**
 * Withdrawals this install knows of, by ftId: seen on a file or a portfolio row here, or pulled (a colleague's
 * withdrawal pseudonymised a promotion this install held by name). Until a reading made after it shows consent
 * granted again (`consentReadAfter`), a stale reading of that person is refused. Kept 24 months.
 */
const WITHDRAWALS_KEY = 'consentWithdrawals';
const KEEP_MS = 730 * 86_400_000;
type Withdrawals = Record<string, string>;

async function withdrawals(db: ProfilenceDb): Promise<Withdrawals> {
  const stored = await getMeta<unknown>(db, WITHDRAWALS_KEY);
  return stored && typeof stored === 'object' ? (stored as Withdrawals) : {};
}

/** When this install last learnt that this person withdrew their consent, if it did. */
export async function knownWithdrawal(db: ProfilenceDb, ftId: string): Promise<string | undefined> {
  const at = (await withdrawals(db))[ftId];
  return typeof at === 'string' ? at : undefined;
}

/** Remembers withdrawals (the latest date wins); call inside a transaction over `db.meta` or alone. */
export async function rememberWithdrawals(db: ProfilenceDb, seen: readonly { ftId: string; at: string }[], now: Date = new Date()): Promise<void> {
  if (seen.length === 0) return;
  const all = await withdrawals(db);
  let changed = false;
  for (const { ftId, at } of seen) {
    if (all[ftId] && Date.parse(all[ftId]) >= Date.parse(at)) continue;
    all[ftId] = at;
    changed = true;
  }
  if (!changed) return;
  for (const [ftId, at] of Object.entries(all)) if (now.getTime() - Date.parse(at) > KEEP_MS) delete all[ftId];
  await setMeta(db, WITHDRAWALS_KEY, all);
}

/** A reading of the file shows consent granted again after the withdrawal: the person is no longer withdrawn. */
export async function forgetWithdrawal(db: ProfilenceDb, ftId: string, reading: { readAt: string; since?: string }): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const all = await withdrawals(db);
    if (!all[ftId] || !consentReadAfter(all[ftId], reading)) return;
    delete all[ftId];
    await setMeta(db, WITHDRAWALS_KEY, all);
  });
}

/** The reading predates a withdrawal this install knows of: it must not be acted on (promotion, pool, draft). */
export async function isStaleConsent(db: ProfilenceDb, ftId: string, reading: { readAt: string; since?: string }): Promise<boolean> {
  const at = await knownWithdrawal(db, ftId);
  return at !== undefined && !consentReadAfter(at, reading);
}
