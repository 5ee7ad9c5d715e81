/**
 * Consent withdrawal (`jobseeker.consentWithdrawn { ftId, at }`), inside the push transaction. What it does to
 * the records is the reducer's rule (lib/domain/mutations/consent-withdrawal.ts): here the pool entries become
 * tombstones and the promotions are rewritten pseudonymised, each with a new version so every client applies it
 * on pull. The withdrawal is remembered by pseudonym: a promotion made before it that arrives late is stored
 * pseudonymised, a pool entry made before it is refused (the reducers ask `withdrawalsOf`).
 */
import { reduceConsentWithdrawal, type MutationArgs, type MutationContext, type PromotionRecord } from '../../lib/domain/mutations';
import { recordAudit } from '../audit/log';
import type { EntityTable } from '../db/schema';
import type { MutationEnv, MutationOutcome } from '../sync/mutation-env';
import { dropOverwrittenValues, tombstone } from '../sync/tombstones';
import { pseudonymOf } from './pseudonym';
import { rowsMentioning } from './subjects';

/** The scope's withdrawals, pseudonym → date, read once per push. */
export async function withdrawalsOf(env: MutationEnv): Promise<Map<string, string>> {
  if (!env.privacy.withdrawals) {
    const rows = await env.trx.selectFrom('consent_withdrawals').select(['subject', 'withdrawn_at']).where('scope', '=', env.scope).execute();
    env.privacy.withdrawals = new Map(rows.map((r) => [r.subject, r.withdrawn_at]));
  }
  return env.privacy.withdrawals;
}

/** The latest of the recorded and the new withdrawal dates: a record written before it concerns the withdrawn consent. */
const latest = (previous: string | undefined, at: string) => (previous && Date.parse(previous) >= Date.parse(at) ? previous : at);

export async function withdrawConsent(
  env: MutationEnv,
  args: MutationArgs<'jobseeker.consentWithdrawn'>,
  ctx: MutationContext,
): Promise<MutationOutcome> {
  const pseudonym = pseudonymOf(env.privacy.key, args.ftId);
  const found = await rowsMentioning(env.trx, env.scope, args.ftId);
  // Rows this batch already wrote are taken as the batch left them.
  const live = async (kind: 'promotion' | 'pool', rows: EntityTable[]) =>
    (await Promise.all(rows.map(async (stale) => (await env.rows.get(kind, stale.id)) ?? stale))).filter((r) => !r.deleted && r.data !== null);
  const promotionRows = new Map((await live('promotion', found.promotions)).map((row) => [row.id, row]));
  const poolRows = await live('pool', found.pool);
  const effect = reduceConsentWithdrawal(
    { promotions: [...promotionRows.values()].map((row) => JSON.parse(row.data!) as PromotionRecord), poolEntries: poolRows },
    args,
    pseudonym,
    ctx,
  );
  if ('outcome' in effect) return { status: 'rejected', code: effect.code, message: effect.message };

  for (const row of effect.removed) {
    const columns = await tombstone(env.trx, env.counter, 'pool', row.id, env.now, { bySub: env.counsellor.sub });
    if (columns) env.rows.put('pool', { ...row, ...columns });
  }
  for (const promotion of effect.pseudonymised) {
    const row = promotionRows.get(promotion.id)!;
    const version = env.counter.next();
    // The pitch was rewritten: an edit based on an older version is kept in the history as a conflict.
    const fieldVersions = { ...(JSON.parse(row.field_versions ?? '{}') as Record<string, number>), pitch: version };
    const columns = {
      data: JSON.stringify(promotion),
      field_versions: JSON.stringify(fieldVersions),
      version,
      updated_at: env.now,
      updated_by_sub: env.counsellor.sub,
    };
    await env.trx.updateTable('promotions').set(columns).where('id', '=', row.id).execute();
    env.rows.put('promotion', { ...row, ...columns });
  }
  const ids = [...poolRows, ...promotionRows.values()].map((r) => r.id);
  await dropOverwrittenValues(env.trx, env.scope, ids);

  const withdrawals = await withdrawalsOf(env);
  const withdrawnAt = latest(withdrawals.get(pseudonym), new Date(args.at).toISOString());
  await env.trx
    .insertInto('consent_withdrawals')
    .values({ scope: env.scope, subject: pseudonym, withdrawn_at: withdrawnAt, recorded_at: env.now })
    .onConflict((oc) => oc.columns(['scope', 'subject']).doUpdateSet({ withdrawn_at: withdrawnAt, recorded_at: env.now }))
    .execute();
  withdrawals.set(pseudonym, withdrawnAt);

  await recordAudit(env.trx, {
    sub: env.counsellor.sub,
    agencyCode: env.counsellor.agencyCode,
    action: 'purge',
    scope: env.scope,
    count: ids.length,
    at: env.now,
    details: { reason: 'consent_withdrawn', subject: pseudonym, poolEntries: poolRows.length, promotions: promotionRows.size },
  });
  return { status: 'applied' };
}
