/**
 * The push hook of the statistics. Every write of the push transaction stamps its row with a version above the
 * one the scope counter had when the batch began, whatever the mutation (create, edit, event, consent
 * withdrawal…), and goes through the batch's row cache (server/sync/row-cache.ts): the promotions it holds with
 * such a version are exactly what the batch changed, and their `promotion_facts` rows are rewritten before the
 * transaction commits, without reading them back.
 */
import type { EntityTable, Tx } from '../db/schema';
import { factsOfRow, upsertFacts, type PromotionFactsTable } from './facts-table';

/** `authorSub`: who pushed, recorded as the author of the promotions whose facts are new (those it created). */
export async function refreshPromotionFacts(trx: Tx, written: readonly EntityTable[], authorSub: string): Promise<void> {
  // Tombstones need nothing here: a trigger drops their facts (migration 003-promotion-facts).
  const facts = written.map((row) => factsOfRow(row, authorSub)).filter((f): f is PromotionFactsTable => f !== undefined);
  if (facts.length > 0) await upsertFacts(trx, facts);
}
