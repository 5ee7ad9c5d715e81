/** A record is created in its writer's agency only; the server knows the writer, an install writes for itself. */
import { rejected, type MutationContext, type Refused } from './context';
import { MUTATION_MESSAGES } from './messages';

export function agencyRefusal(record: { agencyCode: string }, ctx: MutationContext): Refused | undefined {
  if (!ctx.actor || record.agencyCode === ctx.actor.agencyCode) return undefined;
  return rejected('forbidden', MUTATION_MESSAGES.forbidden);
}
