/** `POST /v1/sync/push`: one transaction per batch, scope counter locked first, then the client's row. */
import type { FastifyBaseLogger } from 'fastify';
import type { PushRequest, PushResponse } from '../../lib/domain/sync';
import { scopeOfCounsellor, type Counsellor } from '../auth/counsellor';
import type { ClientsTable, Db, Dialect, Tx } from '../db/schema';
import { ApiError } from '../errors';
import { auditedMutation, recordAudit } from '../audit/log';
import { pseudonymKey } from '../privacy/pseudonym';
import { refreshPromotionFacts } from '../stats/refresh';
import { forgetNameIfAnonymous } from './anonymous';
import { guardMutation } from './guards';
import { applyMutation } from './mutations';
import { CreatedMeanwhile, RowCache } from './row-cache';
import { lockScope } from './scope';

export interface PushEnv {
  db: Db;
  dialect: Dialect;
  counsellor: Counsellor;
  log: FastifyBaseLogger;
  now?: Date;
}

/** The install's row, created on its first push and locked for the batch (one statement, as lockScope). */
async function lockClient(trx: Tx, clientId: string, counsellor: Counsellor, now: string): Promise<ClientsTable> {
  const client = await trx
    .insertInto('clients')
    .values({ client_id: clientId, sub: counsellor.sub, agency_code: counsellor.agencyCode, last_seq: 0, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('client_id').doUpdateSet((eb) => ({ last_seq: eb.ref('clients.last_seq') })))
    .returningAll()
    .executeTakeFirstOrThrow();
  if (client.sub !== counsellor.sub) {
    throw new ApiError(
      403,
      'client_forbidden',
      "Ce poste est déjà associé à un autre conseiller : reconnectez-vous avec votre compte ou réinstallez l'extension.",
    );
  }
  return { ...client, last_seq: Number(client.last_seq) };
}

/** The first seq that breaks the run `last_seq + 1, + 2, …` (duplicates aside), if any. */
function findGap(lastSeq: number, seqs: readonly number[]): number | undefined {
  let expected = lastSeq;
  for (const seq of seqs) {
    if (seq <= expected) continue;
    if (seq !== expected + 1) return seq;
    expected = seq;
  }
  return undefined;
}

/**
 * PostgreSQL deadlock or serialisation failure, or a record created meanwhile by another agency: the transaction
 * was rolled back and may simply run again.
 */
const isRetryable = (err: unknown) => err instanceof CreatedMeanwhile || ['40P01', '40001'].includes((err as { code?: string })?.code ?? '');

export async function applyPush(env: PushEnv, request: PushRequest): Promise<PushResponse> {
  const key = await pseudonymKey(env.db);
  for (let attempt = 1; ; attempt++) {
    try {
      return await applyPushOnce(env, request, key);
    } catch (err) {
      // Two agencies creating the same ids wait on each other; PostgreSQL cancels one, or one finds the other's row.
      if (!isRetryable(err) || attempt >= 3) throw err;
      env.log.warn({ code: (err as { code?: string }).code ?? (err as Error).message, attempt }, 'envoi rejoué après une écriture concurrente');
    }
  }
}

async function applyPushOnce(env: PushEnv, request: PushRequest, key: Buffer): Promise<PushResponse> {
  const scope = scopeOfCounsellor(env.counsellor);
  const clock = env.now ?? new Date();
  const now = clock.toISOString();
  return env.db.transaction().execute(async (trx) => {
    const counter = await lockScope(trx, env.dialect, scope);
    const client = await lockClient(trx, request.clientId, env.counsellor, now);

    // The whole batch is refused before any write: the client resends from what the server has.
    if (findGap(client.last_seq, request.mutations.map((m) => m.seq)) !== undefined) {
      throw new ApiError(
        409,
        'sequence_gap',
        `Envoi incomplet : la modification n° ${client.last_seq + 1} est attendue en premier.`,
        { expectedSeq: client.last_seq + 1 },
      );
    }

    const rows = new RowCache(trx);
    await rows.prefetch(request.mutations.filter((m) => m.seq > client.last_seq));
    const results: PushResponse['results'] = [];
    const audited: Record<string, unknown>[] = [];
    const privacy = { key };
    let lastSeq = client.last_seq;
    for (const mutation of request.mutations) {
      if (mutation.seq <= lastSeq) {
        results.push({ seq: mutation.seq, status: 'duplicate' });
        continue;
      }
      // Author stamped from the token, clock, anonymity and authorship first (server/sync/guards.ts).
      const guarded = await guardMutation({ counsellor: env.counsellor, scope, now: clock, rows, log: env.log }, mutation.name, mutation.args);
      const outcome =
        'rejected' in guarded
          ? guarded.rejected
          : await applyMutation(
              { trx, counter, counsellor: env.counsellor, scope, now, log: env.log, rows, privacy },
              mutation.name,
              guarded.args,
              guarded.schemaResult,
            );
      if (mutation.name === 'promotion.update' && outcome.status === 'applied') {
        await forgetNameIfAnonymous(rows, (guarded as { args: { id: string } }).args.id, counter.start);
      }
      results.push({ seq: mutation.seq, ...outcome });
      audited.push(auditedMutation(mutation, outcome));
      lastSeq = mutation.seq;
    }
    await rows.flush();
    if (audited.length) {
      await recordAudit(trx, {
        sub: env.counsellor.sub,
        agencyCode: env.counsellor.agencyCode,
        action: 'push',
        scope,
        count: audited.length,
        at: now,
        details: { clientId: request.clientId, mutations: audited },
      });
    }

    // Statistics hook: the promotions this batch wrote get their fact rows in the same transaction.
    if (counter.current > counter.start) await refreshPromotionFacts(trx, rows.writtenSince('promotion', counter.start), env.counsellor.sub);
    await counter.save(trx);
    if (lastSeq !== client.last_seq) {
      await trx.updateTable('clients').set({ last_seq: lastSeq, updated_at: now }).where('client_id', '=', request.clientId).execute();
    }
    return { lastSeq, results };
  });
}
