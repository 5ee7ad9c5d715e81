/**
 * `*.update`: descriptive fields merged one by one over the stored record, last writer wins per field. Only
 * the fields whose value really changes are written; nothing changed, nothing to write (and no version taken).
 */
import type { EntityKind } from '../sync';
import { canonicalJson } from './canonical';
import { DELETED, rejected, runChecks, type Existing, type MutationContext, type Reduced, type Refused, type WriteAttempt } from './context';
import { MUTATION_MESSAGES } from './messages';

export interface UpdateArgs {
  id: string;
  baseVersion: number;
  changes: Record<string, unknown>;
}

/** The fields of `changes` whose value differs from the record's (`undefined` means « not sent »). */
export function changedFields(record: object, changes: Record<string, unknown>): Record<string, unknown> {
  const current = record as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(changes).filter(([field, value]) => value !== undefined && canonicalJson(current[field]) !== canonicalJson(value)),
  );
}

/**
 * The shared steps of an update: the record must exist, `refuse` says what the entity forbids, the writer's
 * checks see only a write that changes something.
 */
export function reduceUpdate<R extends object>(
  kind: EntityKind,
  existing: Existing<R>,
  attempt: Omit<WriteAttempt, 'before' | 'after'> & { args: UpdateArgs },
  ctx: MutationContext,
  refuse?: (record: R, changes: Record<string, unknown>) => Refused | undefined,
): Reduced<R> {
  if (existing === undefined || existing === DELETED) return rejected('not_found', MUTATION_MESSAGES.notFound(kind));
  const refusal = refuse?.(existing, attempt.args.changes);
  if (refusal) return refusal;
  const changes = changedFields(existing, attempt.args.changes);
  if (Object.keys(changes).length === 0) return { outcome: 'unchanged', record: existing };
  const record = { ...existing, ...changes };
  return runChecks({ ...attempt, before: existing, after: record } as unknown as WriteAttempt, ctx) ?? { outcome: 'changed', record, changes };
}
