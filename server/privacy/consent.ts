/**
 * Consent withdrawal (`jobseeker.consentWithdrawn { ftId, at }`), inside the push transaction: the job seeker's
 * pool entries become tombstones, their promotions keep only what statistics need (names and pitch emptied,
 * ftId replaced by its pseudonym, event notes effaced), each with a new version so every client applies it on
 * pull. The withdrawal is remembered by pseudonym: a promotion made before it that arrives late is stored
 * pseudonymised, a pool entry made before it is refused.
 */
import { consentReadAfter, pseudonymisedPromotion } from '../../lib/domain/consent';
import type { Promotion } from '../../lib/domain/promotion';
import type { EntityKind } from '../../lib/domain/sync';
import { recordAudit } from '../audit/log';
import { ENTITY_TABLES, type EntityTable } from '../db/schema';
import type { MutationEnv, MutationOutcome } from '../sync/mutations';
import { pseudonymOf } from './pseudonym';
import { rowsMentioning } from './subjects';

export { isPseudonymised, pseudonymisedPromotion, scrubEvent } from '../../lib/domain/consent';

export const CONSENT_MESSAGES = {
  pitchAfterWithdrawal:
    "Le demandeur d'emploi a retiré son consentement : l'argumentaire de cette promotion ne peut plus être renseigné.",
  poolAfterWithdrawal: "Le demandeur d'emploi a retiré son consentement : ajout au vivier refusé.",
  readBeforeWithdrawal:
    "Le demandeur d'emploi a retiré son consentement après la lecture de son dossier sur laquelle repose cette promotion : envoi refusé.",
} as const;

/**
 * A promotion made after the withdrawal on a reading of the file older than it (a tab left open, a colleague's
 * install): its evidence says so, and it is refused. A promotion without evidence (older extensions) is judged
 * by its creation date alone.
 */
export function readBeforeWithdrawal(promotion: Promotion, withdrawnAt: string): boolean {
  const evidence = promotion.consentEvidence;
  if (!evidence || writtenBefore(promotion.createdAt, withdrawnAt)) return false;
  const since = promotion.jobSeeker.promotionConsent.since;
  return !consentReadAfter(withdrawnAt, { readAt: evidence.readAt, ...(since ? { since } : {}) });
}

type PromotionData = Record<string, unknown> & { jobSeeker?: Record<string, unknown>; events?: { note?: string }[] };

/** When this job seeker withdrew their consent in the scope, if they did (read once per push). */
export async function withdrawalOf(env: MutationEnv, ftId: string): Promise<string | undefined> {
  if (!env.privacy.withdrawals) {
    const rows = await env.trx.selectFrom('consent_withdrawals').select(['subject', 'withdrawn_at']).where('scope', '=', env.scope).execute();
    env.privacy.withdrawals = new Map(rows.map((r) => [r.subject, r.withdrawn_at]));
  }
  return env.privacy.withdrawals.get(pseudonymOf(env.privacy.key, ftId));
}

/** A record written before the withdrawal (by the writer's clock) concerns the withdrawn consent. */
export const writtenBefore = (createdAt: string, withdrawnAt: string) => Date.parse(createdAt) <= Date.parse(withdrawnAt);

async function rewrite(env: MutationEnv, kind: EntityKind, row: EntityTable, changes: Partial<EntityTable>): Promise<void> {
  const full = { ...changes, updated_at: env.now, updated_by_sub: env.counsellor.sub };
  await env.trx.updateTable(ENTITY_TABLES[kind]).set(full).where('id', '=', row.id).execute();
  env.rows.put(kind, { ...row, ...full });
}

export async function withdrawConsent(env: MutationEnv, args: { ftId: string; at: string }): Promise<MutationOutcome> {
  const pseudonym = pseudonymOf(env.privacy.key, args.ftId);
  const found = await rowsMentioning(env.trx, env.scope, args.ftId);

  for (const stale of found.pool) {
    const row = (await env.rows.get('pool', stale.id)) ?? stale;
    if (row.deleted) continue;
    await rewrite(env, 'pool', row, {
      deleted: 1,
      data: null,
      field_versions: null,
      version: env.counter.next(),
      deleted_at: env.now,
      last_activity_at: null,
    });
  }
  for (const stale of found.promotions) {
    const row = (await env.rows.get('promotion', stale.id)) ?? stale;
    if (row.deleted || row.data === null) continue;
    const version = env.counter.next();
    const fieldVersions = { ...(JSON.parse(row.field_versions ?? '{}') as Record<string, number>), pitch: version };
    await rewrite(env, 'promotion', row, {
      data: JSON.stringify(pseudonymisedPromotion(JSON.parse(row.data) as PromotionData, pseudonym)),
      field_versions: JSON.stringify(fieldVersions),
      version,
    });
  }
  const ids = [...found.pool, ...found.promotions].map((r) => r.id);
  // Overwritten values kept for the « modifié par » history may quote the pitch: gone with it.
  if (ids.length) await env.trx.deleteFrom('conflicts').where('scope', '=', env.scope).where('entity_id', 'in', ids).execute();

  const previous = await withdrawalOf(env, args.ftId);
  const at = new Date(args.at).toISOString();
  const withdrawnAt = previous && Date.parse(previous) >= Date.parse(at) ? previous : at;
  await env.trx
    .insertInto('consent_withdrawals')
    .values({ scope: env.scope, subject: pseudonym, withdrawn_at: withdrawnAt, recorded_at: env.now })
    .onConflict((oc) => oc.columns(['scope', 'subject']).doUpdateSet({ withdrawn_at: withdrawnAt, recorded_at: env.now }))
    .execute();
  env.privacy.withdrawals!.set(pseudonym, withdrawnAt);

  await recordAudit(env.trx, {
    sub: env.counsellor.sub,
    agencyCode: env.counsellor.agencyCode,
    action: 'purge',
    scope: env.scope,
    count: ids.length,
    at: env.now,
    details: { reason: 'consent_withdrawn', subject: pseudonym, poolEntries: found.pool.length, promotions: found.promotions.length },
  });
  return { status: 'applied' };
}
