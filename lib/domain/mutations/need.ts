/** The agency's board of needs: `need.create`, `need.update`. One need is one establishment's line. */
import type { CompanyNeed } from '../need';
import type { Existing, MutationArgs, MutationContext, Reduced } from './context';
import { reduceCreate } from './create';
import { reduceUpdate } from './update';

const sameNeed = (stored: CompanyNeed, incoming: CompanyNeed) =>
  stored.agencyCode === incoming.agencyCode && stored.siret === incoming.siret;

export function reduceNeedCreate<N extends CompanyNeed>(existing: Existing<N>, args: N, ctx: MutationContext): Reduced<N> {
  return reduceCreate('need', existing, { name: 'need.create', args }, ctx, sameNeed);
}

export function reduceNeedUpdate<N extends CompanyNeed>(
  existing: Existing<N>,
  args: MutationArgs<'need.update'>,
  ctx: MutationContext,
): Reduced<N> {
  return reduceUpdate('need', existing, { name: 'need.update', args }, ctx);
}
