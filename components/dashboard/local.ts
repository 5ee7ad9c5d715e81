/**
 * The figures this install can compute alone, from the promotions in IndexedDB: the counsellor's own always,
 * the agency's for a manager (the store holds the agency's synced promotions). Works offline.
 */
import type { StoredPromotion } from '@/lib/store';
import { promotionFacts, type PromotionFacts } from '@/lib/stats/facts';
import type { SyncIdentity } from '@/lib/sync/transport';

/** `Jeanne MARTIN`, `MARTIN Jeanne`, `jeanne martin` and `Jéanne Martin` are the same person. */
export function personKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .sort()
    .join(' ');
}

/**
 * Whose promotions are « mine »: recorded under the account (`sub`), or, for records made before identities
 * were kept, under the counsellor's name; either matches. Before any sync there is no account yet, and every
 * promotion in the store was made on this install.
 */
export function ownPromotionTest(identity: Pick<SyncIdentity, 'sub' | 'name'> | undefined): (p: Pick<StoredPromotion, 'counsellorId'>) => boolean {
  if (!identity) return () => true;
  const keys = new Set([personKey(identity.name), personKey(identity.sub)].filter(Boolean));
  return (p) => keys.has(personKey(p.counsellorId));
}

export const localFacts = (promotions: readonly StoredPromotion[]): PromotionFacts[] => promotions.map((p) => promotionFacts(p));
