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
 * (the agency's, synced), the board's open needs, the pool's communes. Undefined while the communes load.
 */
export function useWorklist(entries: readonly PortfolioEntry[], files: Readonly<Record<string, KnownFile>>, now?: Date): Worklist | undefined {
  const locate = useLocate();
  const ftIds = entries.filter((e) => e.promotionConsent).map((e) => e.ftId);
  const key = ftIds.join();
  const promotions = useLiveQuery<StoredPromotion[]>(() => listForJobSeekers(uiDb(), ftIds), [key], []);
  const needs = useLiveQuery<StoredNeed[]>(() => listNeeds(uiDb(), { status: 'open', now }), [], []);
  const pool = useLiveQuery<StoredPoolEntry[]>(() => listPool(uiDb()), [], []);
  return useMemo(
    () =>
      locate &&
      rankWorklist({ entries, known: knownJobSeekers(files, pool), promotions, needs, locate, now: now ?? new Date() }),
    [locate, entries, files, promotions, needs, pool, now],
  );
}
