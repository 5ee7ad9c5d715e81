/**
 * The store's side of the mutation reducers (lib/domain/mutations): a counsellor's write goes through the same
 * rule as the server's, with this install's context, and a refusal becomes the store's own error.
 */
import type { MutationContext, Reduced, Refused } from '../domain/mutations';

/** An install writes for its counsellor: no writer to verify, no withdrawal known beyond its own records. */
export const localContext = (now: Date): MutationContext => ({ now });

/** The reducer's decision when it is not a refusal; a refusal is thrown as `refused` makes it. */
export function accepted<R>(result: Reduced<R>, refused: (rejection: Refused) => Error): Exclude<Reduced<R>, Refused> {
  if (result.outcome === 'rejected') throw refused(result);
  return result;
}
