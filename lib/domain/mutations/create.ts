/**
 * `need.create` and `pool.add`: a record without events. A create of a known id with the same identity is a
 * replay (another install, a reinstall): the stored record stays and the answer is a success.
 */
import type { EntityKind } from '../sync';
import { agencyRefusal } from './agency';
import { DELETED, rejected, runChecks, type Existing, type MutationContext, type Reduced, type WriteAttempt } from './context';
import { MUTATION_MESSAGES } from './messages';

export function reduceCreate<R extends { agencyCode: string }>(
  kind: EntityKind,
  existing: Existing<R>,
  attempt: Omit<WriteAttempt, 'before' | 'after'> & { args: R },
  ctx: MutationContext,
  sameIdentity: (stored: R, incoming: R) => boolean,
): Reduced<R> {
  const record = attempt.args;
  const agency = agencyRefusal(record, ctx);
  if (agency) return agency;
  if (existing === DELETED) return rejected('conflict', MUTATION_MESSAGES.deleted(kind));
  if (existing) {
    return sameIdentity(existing, record)
      ? { outcome: 'unchanged', record: existing }
      : rejected('conflict', MUTATION_MESSAGES.createConflict(kind));
  }
  return runChecks({ ...attempt, after: record } as WriteAttempt, ctx) ?? { outcome: 'created', record };
}
