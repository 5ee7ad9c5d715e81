/**
 * The push hook of the statistics. Every write of the push transaction stamps its row with a version above the
 * one the scope counter had when the batch began, whatever the mutation (create, edit, event, consent
 * withdrawal…): reading those rows back through the `(scope, version)` index finds exactly what the batch
 * changed, and their `promotion_facts` rows are rewritten before the transaction commits.
 */
import type { Tx } from '../db/schema';
import { factsOfRow, upsertFacts, type PromotionFactsTable } from './facts-table';

/** `authorSub`: who pushed, recorded as the author of the promotions whose facts are new (those it created). */
export async function refreshPromotionFacts(trx: Tx, scope: string, sinceVersion: number, authorSub: string): Promise<void> {
  const written = await trx
    .selectFrom('promotions')
    .select(['id', 'data', 'version'])
    .where('scope', '=', scope)
    .where('version', '>', sinceVersion)
    .where('deleted', '=', 0)
    .execute();
  // Tombstones need nothing here: a trigger drops their facts (migration 003-promotion-facts).
  const facts = written.map((row) => factsOfRow(row, authorSub)).filter((f): f is PromotionFactsTable => f !== undefined);
  if (facts.length > 0) await upsertFacts(trx, facts);
}
