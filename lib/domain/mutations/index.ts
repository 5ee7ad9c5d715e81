/**
 * The one reducer for mutations (issue 11). Each entity has its file; this one says which record a mutation
 * writes and sends it to its rule. Callers: lib/store (a counsellor's write), lib/sync/apply.ts (pending writes
 * rebased on a pulled copy), server/sync/mutations.ts (a pushed batch). Each keeps only its storage.
 */
import type { CompanyNeed } from '../need';
import type { PoolEntry } from '../pool';
import type { ReaderAlias } from '../reader-alias';
import type { EntityKind, MutationName } from '../sync';
import type { Existing, MutationCall, MutationContext, PromotionRecord, Reduced } from './context';
import { reduceAliasCreate, reduceAliasMatched, reduceAliasRevoke } from './alias';
import { reduceNeedCreate, reduceNeedUpdate } from './need';
import { reducePoolAdd, reducePoolUpdate } from './pool';
import { reducePromotionCreate, reducePromotionEvent, reducePromotionUpdate } from './promotion';

export * from './context';
export { localPseudonym, reduceConsentWithdrawal, writtenBefore } from './consent-withdrawal';
export type { HeldAboutPerson, WithdrawalEffect } from './consent-withdrawal';
export { canonicalJson } from './canonical';
export { EDITABLE_FIELDS, isMutationName, parseMutation } from './parse';
export { MAX_EVENTS, MUTATION_MESSAGES } from './messages';
export { reduceAliasCreate, reduceAliasMatched, reduceAliasRevoke };
export { reduceNeedCreate, reduceNeedUpdate, reducePoolAdd, reducePoolUpdate, reducePromotionCreate, reducePromotionEvent, reducePromotionUpdate };

export type StoredRecord = PromotionRecord | CompanyNeed | PoolEntry | ReaderAlias;

/** The record a mutation writes; none for a consent withdrawal, which concerns a person. Args may be unchecked. */
export function mutationTarget(mutation: { name: MutationName | string; args: unknown }): { entity: EntityKind; id: string } | undefined {
  const entity = mutation.name.split('.')[0];
  if (entity !== 'promotion' && entity !== 'need' && entity !== 'pool' && entity !== 'alias') return undefined;
  const args = mutation.args as { id?: unknown; promotionId?: unknown } | null;
  const id = mutation.name === 'promotion.addEvent' ? args?.promotionId : args?.id;
  return typeof id === 'string' ? { entity, id } : undefined;
}

/** Applies a mutation that writes one record to that record as it is stored (`DELETED`, or absent). */
export function reduceRecordMutation<R extends StoredRecord>(
  call: Exclude<MutationCall, { name: 'jobseeker.consentWithdrawn' }>,
  existing: Existing<R>,
  ctx: MutationContext,
): Reduced<R> {
  // Each branch knows its entity; the caller read `existing` from the table `mutationTarget` names.
  const current = existing as never;
  switch (call.name) {
    case 'promotion.create':
      return reducePromotionCreate(current, call.args, ctx);
    case 'promotion.addEvent':
      return reducePromotionEvent(current, call.args, ctx);
    case 'promotion.update':
      return reducePromotionUpdate(current, call.args, ctx);
    case 'need.create':
      return reduceNeedCreate(current, call.args as never, ctx);
    case 'need.update':
      return reduceNeedUpdate(current, call.args, ctx);
    case 'pool.add':
      return reducePoolAdd(current, call.args as never, ctx);
    case 'pool.update':
      return reducePoolUpdate(current, call.args, ctx);
    case 'alias.create':
      return reduceAliasCreate(current, call.args as never, ctx);
    case 'alias.revoke':
      return reduceAliasRevoke(current, call.args, ctx);
    case 'alias.matched':
      return reduceAliasMatched(current, call.args, ctx);
  }
}
