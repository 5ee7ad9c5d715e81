import { useMemo } from 'preact/hooks';
import type { PortfolioEntry } from '@/lib/domain/legacy';
import { knownJobSeekers, rankWorklist, type Worklist } from '@/lib/domain/worklist';
import type { KnownFile } from '@/lib/messaging/worklist';
import { listForJobSeekers, listNeeds, listPool, type StoredNeed, type StoredPoolEntry, type StoredPromotion } from '@/lib/store';
import { useLiveQuery } from '../hooks/use-live-query';
import { useLocate } from '../matches/use-locate';
import { uiDb } from '../promotion/db';

/**
 * The portfolio ranked (lib/domain/worklist.ts) over the store, live: the promotions of these job seekers
 * (the agency's, synced), the board's open needs, the pool's communes. Undefined until the communes are loaded
 * and the store has answered: a ranking shown before would lack the needs, then reorder under the pointer.
 */
export function useWorklist(entries: readonly PortfolioEntry[], files: Readonly<Record<string, KnownFile>>, now?: Date): Worklist | undefined {
  const locate = useLocate();
  const ftIds = entries.filter((e) => e.promotionConsent).map((e) => e.ftId);
  const key = ftIds.join();
  // A store that cannot be read ranks as if empty, rather than leaving « Classement… » forever.
  const promotions = useLiveQuery<StoredPromotion[], undefined>(() => listForJobSeekers(uiDb(), ftIds), [key], undefined, []);
  const needs = useLiveQuery<StoredNeed[], undefined>(() => listNeeds(uiDb(), { status: 'open', now }), [], undefined, []);
  const pool = useLiveQuery<StoredPoolEntry[], undefined>(() => listPool(uiDb()), [], undefined, []);
  return useMemo(
    () =>
      locate &&
      promotions &&
      needs &&
      pool &&
      rankWorklist({ entries, known: knownJobSeekers(files, pool), promotions, needs, locate, now: now ?? new Date() }),
    [locate, entries, files, promotions, needs, pool, now],
  );
}
