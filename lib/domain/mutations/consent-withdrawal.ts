/**
 * `jobseeker.consentWithdrawn { ftId, at }`: what a withdrawal does to the records held about the person
 * (docs/privacy.md). Their promotions are pseudonymised, all with the same pseudonym (one person, one pseudonym:
 * statistics still count distinct profiles), their pool entries removed. The server's pseudonym is a keyed hash;
 * an install uses `pseudo:local-<id of the withdrawal mutation>` until the server's copy arrives, so the store
 * and every later rebase of the same pending withdrawal give the same one.
 */
import { isPseudonymised, pseudonymisedPromotion } from '../consent';
import { runChecks, type MutationArgs, type MutationContext, type PromotionRecord, type Refused } from './context';

/** The pseudonym an install gives the person of a pending withdrawal, from that mutation's id. */
export const localPseudonym = (mutationId: string) => `pseudo:local-${mutationId}`;

/** A record written before the withdrawal (by the writer's clock) concerns the withdrawn consent. */
export const writtenBefore = (createdAt: string, withdrawnAt: string) => Date.parse(createdAt) <= Date.parse(withdrawnAt);

export interface HeldAboutPerson<P, E> {
  /** The person's promotions (by ftId); those already pseudonymised are left as they are. */
  promotions: readonly P[];
  poolEntries: readonly E[];
}

export interface WithdrawalEffect<P, E> {
  /** The promotions rewritten, pseudonymised. */
  pseudonymised: P[];
  /** The pool entries to delete. */
  removed: E[];
}

export function reduceConsentWithdrawal<P extends PromotionRecord, E>(
  held: HeldAboutPerson<P, E>,
  args: MutationArgs<'jobseeker.consentWithdrawn'>,
  pseudonym: string,
  ctx: MutationContext,
): WithdrawalEffect<P, E> | Refused {
  const refusal = runChecks({ name: 'jobseeker.consentWithdrawn', args }, ctx);
  if (refusal) return refusal;
  return {
    pseudonymised: held.promotions.filter((p) => !isPseudonymised(p)).map((p) => pseudonymisedPromotion(p, pseudonym)),
    removed: [...held.poolEntries],
  };
}
