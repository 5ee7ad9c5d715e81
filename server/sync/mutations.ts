/**
 * One mutation applied inside the push transaction. The rule is the reducer's (lib/domain/mutations), shared
 * with the extension; this file reads the row, hands it over with the verified writer, and stores the outcome
 * stamped with the scope's next version (field versions and conflict history for updates).
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  DELETED,
  EDITABLE_FIELDS,
  MUTATION_MESSAGES,
  mutationTarget,
  parseMutation,
  reduceRecordMutation,
  type Existing,
  type MutationCall,
  type MutationContext,
  type Refused,
  type StoredRecord,
} from '../../lib/domain/mutations';
import type { OrderedEvent } from '../../lib/domain/status';
import type { EntityKind } from '../../lib/domain/sync';
import type { EntityTable } from '../db/schema';
import { describeIssues, frenchErrorMap, sentence } from '../errors';
import { lastActivityOf } from '../privacy/activity';
import { withdrawalsOf, withdrawConsent } from '../privacy/consent';
import { pseudonymOf } from '../privacy/pseudonym';
import { SERVER_CHECKS } from './checks';
import type { MutationEnv, MutationOutcome } from './mutation-env';

export type { MutationEnv, MutationOutcome } from './mutation-env';

type RecordCall = Exclude<MutationCall, { name: 'jobseeker.consentWithdrawn' }>;

const APPLIED: MutationOutcome = { status: 'applied' };
const refusal = ({ code, message }: Refused): MutationOutcome => ({ status: 'rejected', code, message });

const PARSE_OPTIONS = {
  error: frenchErrorMap,
  describe: (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
    sentence(`Modification invalide : ${describeIssues(issues)}`),
};

/** Mutations whose rule depends on the job seeker's consent withdrawals (read once per push). */
const USES_WITHDRAWALS = new Set<MutationCall['name']>(['promotion.create', 'pool.add', 'jobseeker.consentWithdrawn']);

/** `schemaResult`: the guards' check of these args against their schema (server/sync/guards.ts), not run again. */
export async function applyMutation(env: MutationEnv, name: string, args: unknown, schemaResult?: z.ZodSafeParseResult<unknown>): Promise<MutationOutcome> {
  const parsed = parseMutation(name, args, PARSE_OPTIONS, schemaResult);
  if ('outcome' in parsed) return refusal(parsed);
  const { call } = parsed;
  const ctx = await contextOf(env, call);
  if (call.name === 'jobseeker.consentWithdrawn') {
    // It searches the database for the person's records: those this batch created are written first.
    await env.rows.flush();
    return withdrawConsent(env, call.args, ctx);
  }
  return applyToRecord(env, call, ctx);
}

/** The writer as the token says, the scope's withdrawals when the rule needs them, and the server's checks. */
async function contextOf(env: MutationEnv, call: MutationCall): Promise<MutationContext> {
  const withdrawals = USES_WITHDRAWALS.has(call.name) ? await withdrawalsOf(env) : undefined;
  const { sub, roles, agencyCode } = env.counsellor;
  return {
    now: new Date(env.now),
    actor: { sub, roles, agencyCode },
    ...(withdrawals && {
      withdrawalOf: (ftId: string) => {
        const pseudonym = pseudonymOf(env.privacy.key, ftId);
        const at = withdrawals.get(pseudonym);
        return at === undefined ? undefined : { at, pseudonym };
      },
    }),
    checks: SERVER_CHECKS,
  };
}

/** A write refused as forbidden is logged with who tried it and where. */
function forbidden(env: MutationEnv, kind: EntityKind, id: string, targetScope: string, message: string): MutationOutcome {
  env.log.warn(
    { sub: env.counsellor.sub, agency: env.counsellor.agencyCode, entity: kind, id, targetScope },
    'modification refusée : écriture non autorisée',
  );
  return refusal({ outcome: 'rejected', code: 'forbidden', message });
}

async function applyToRecord(env: MutationEnv, call: RecordCall, ctx: MutationContext): Promise<MutationOutcome> {
  const { entity, id } = mutationTarget(call)!;
  const row = await env.rows.get(entity, id);
  // Rows belong to scopes: another agency's record is neither read nor written, whatever the mutation.
  if (row && row.scope !== env.scope) return forbidden(env, entity, id, row.scope, MUTATION_MESSAGES.forbidden);
  const existing: Existing<StoredRecord> = !row ? undefined : row.deleted || row.data === null ? DELETED : JSON.parse(row.data);
  const result = reduceRecordMutation(call, existing, ctx);
  switch (result.outcome) {
    case 'rejected':
      if (result.code === 'forbidden') {
        return forbidden(env, entity, id, `agency:${(call.args as { agencyCode?: string }).agencyCode ?? env.counsellor.agencyCode}`, result.message);
      }
      return refusal(result);
    case 'unchanged':
      return APPLIED;
    case 'created':
      insert(env, entity, result.record);
      return APPLIED;
    case 'changed':
      await rewrite(env, entity, row!, existing as StoredRecord, result, call);
      return APPLIED;
  }
}

/** Events the server has not stamped yet get `version`: it orders events of the same instant. */
function stamped(kind: EntityKind, record: StoredRecord, version: number): StoredRecord {
  if (kind !== 'promotion') return record;
  const promotion = record as { events: OrderedEvent[] };
  return { ...record, events: promotion.events.map((e) => (e.version === undefined ? { ...e, version } : e)) } as StoredRecord;
}

/**
 * A new record with the scope's next version, inserted with the batch's other new records (RowCache.flush). Another
 * agency committing the same id meanwhile (PostgreSQL) makes the batch run again (CreatedMeanwhile): the rolled
 * back versions leave no gap, and the committed row decides.
 */
function insert(env: MutationEnv, kind: EntityKind, record: StoredRecord): void {
  const version = env.counter.next();
  const data = stamped(kind, record, version);
  env.rows.create(kind, {
    id: record.id,
    scope: env.scope,
    version,
    deleted: 0,
    data: JSON.stringify(data),
    field_versions: JSON.stringify(Object.fromEntries(EDITABLE_FIELDS[kind].map((f) => [f, version]))),
    updated_at: env.now,
    deleted_at: null,
    created_by_sub: env.counsellor.sub,
    updated_by_sub: env.counsellor.sub,
    last_activity_at: lastActivityOf(kind, data, new Date(env.now)),
  });
}

/**
 * Writes a changed record with the next version. Editable fields get their field version; one rewritten since
 * the writer's `baseVersion` is kept in the conflict history (« modifié par »), last writer winning.
 */
async function rewrite(
  env: MutationEnv,
  kind: EntityKind,
  row: EntityTable,
  before: StoredRecord,
  result: { record: StoredRecord; changes: Record<string, unknown> },
  call: RecordCall,
): Promise<void> {
  const version = env.counter.next();
  const data = stamped(kind, result.record, version);
  const fieldVersions = JSON.parse(row.field_versions ?? '{}') as Record<string, number>;
  const baseVersion = 'baseVersion' in call.args ? call.args.baseVersion : undefined;
  for (const [field, value] of Object.entries(result.changes)) {
    if (!EDITABLE_FIELDS[kind].includes(field)) continue;
    const previous = (before as unknown as Record<string, unknown>)[field];
    if (baseVersion !== undefined && (fieldVersions[field] ?? Number(row.version)) > baseVersion) {
      await env.trx
        .insertInto('conflicts')
        .values({
          id: randomUUID(),
          scope: env.scope,
          entity: kind,
          entity_id: row.id,
          field,
          previous_value: previous === undefined ? null : JSON.stringify(previous),
          new_value: JSON.stringify(value),
          by_sub: env.counsellor.sub,
          at: env.now,
          version,
        })
        .execute();
    }
    fieldVersions[field] = version;
  }
  const changes = {
    data: JSON.stringify(data),
    field_versions: JSON.stringify(fieldVersions),
    version,
    updated_at: env.now,
    updated_by_sub: env.counsellor.sub,
    ...('events' in result.changes && { last_activity_at: lastActivityOf(kind, data, new Date(env.now)) }),
  };
  // Written with the batch's other rewrites (RowCache.flush); a record created in this batch is inserted as it ends.
  env.rows.rewrite(kind, { ...row, ...changes });
}
