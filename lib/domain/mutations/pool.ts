/** The agency pool: `pool.add`, `pool.update`. An entry is one job seeker's, made with their consent. */
import type { PoolEntry } from '../pool';
import { rejected, type Existing, type MutationArgs, type MutationContext, type Reduced } from './context';
import { writtenBefore } from './consent-withdrawal';
import { reduceCreate } from './create';
import { MUTATION_MESSAGES } from './messages';
import { reduceUpdate } from './update';

const sameEntry = (stored: PoolEntry, incoming: PoolEntry) => stored.agencyCode === incoming.agencyCode && stored.ftId === incoming.ftId;

export function reducePoolAdd<E extends PoolEntry>(existing: Existing<E>, args: E, ctx: MutationContext): Reduced<E> {
  // Made before the job seeker withdrew their consent: it would put them back in the pool.
  const withdrawal = ctx.withdrawalOf?.(args.ftId);
  if (withdrawal && writtenBefore(args.createdAt, withdrawal.at)) return rejected('consent_missing', MUTATION_MESSAGES.poolAfterWithdrawal);
  return reduceCreate('pool', existing, { name: 'pool.add', args }, ctx, sameEntry);
}

export function reducePoolUpdate<E extends PoolEntry>(
  existing: Existing<E>,
  args: MutationArgs<'pool.update'>,
  ctx: MutationContext,
): Reduced<E> {
  return reduceUpdate('pool', existing, { name: 'pool.update', args }, ctx);
}
