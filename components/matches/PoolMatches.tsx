/**
 * On an establishment page: the agency pool's profiles that fit its needs (those the page lists and the
 * board's open lines for this SIRET). « Promouvoir » opens the job seeker's file with this establishment
 * ticked in its promotion form.
 */
import { useState } from 'preact/hooks';
import type { Establishment } from '@/lib/domain/legacy';
import { matchPoolForEstablishment } from '@/lib/domain/matching';
import { listNeeds, listPool, type StoredNeed, type StoredPoolEntry } from '@/lib/store';
import { boardCommand } from '../board/commands';
import { MATCH_TIER_LABELS } from '@/lib/domain/labels';
import { distanceText } from './distance';
import '../board/board.css';
import { useLiveQuery } from '../hooks/use-live-query';
import { PoolItem } from '../pool/PoolItem';
import { uiDb } from '../promotion/db';
import { useLocate } from './use-locate';

export function PoolMatches({ establishment, now }: { establishment: Establishment; now?: Date }) {
  const locate = useLocate();
  const boardNeeds = useLiveQuery<StoredNeed[]>(
    () => listNeeds(uiDb(), { siret: establishment.siret, status: 'open', now }),
    [establishment.siret],
    [],
  );
  const pool = useLiveQuery<StoredPoolEntry[]>(() => listPool(uiDb(), { status: 'active' }), [], []);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  if (!locate) return null;
  const needs = [...establishment.needs, ...boardNeeds];
  const matches = matchPoolForEstablishment(
    { postcode: establishment.address.postcode, city: establishment.address.city, needs },
    pool,
    locate,
  );

  async function promote(entry: StoredPoolEntry) {
    setBusy(true);
    setError(undefined);
    const outcome = await boardCommand('promotion.openFor', { open: 'jobSeeker', ftId: entry.ftId, siret: establishment.siret });
    setBusy(false);
    if (!outcome.ok) setError(outcome.message);
  }

  return (
    <section class="pf-section" data-testid="pool-matches" aria-labelledby="pool-matches-title">
      <h2 class="fr-h5" id="pool-matches-title">
        Profils du vivier pour cet établissement
      </h2>
      {matches.length === 0 ? (
        <p class="pf-muted">
          {needs.some((n) => n.rome)
            ? 'Aucun profil du vivier ne correspond à ses besoins à proximité.'
            : 'Aucun besoin avec un code ROME : ajoutez-en un au tableau pour voir les profils qui correspondent.'}
        </p>
      ) : (
        <ul class="pf-cards" aria-label="Profils correspondants">
          {matches.map(({ entry, tier, distanceKm }) => (
            <PoolItem key={entry.id} entry={entry} extra={`${distanceText(distanceKm)} · ${MATCH_TIER_LABELS[tier]}`}>
              <button
                type="button"
                class="fr-btn fr-btn--sm fr-mt-1w"
                disabled={busy}
                aria-label={`Promouvoir ${entry.firstName || entry.ftId} (${entry.romeLabel}) auprès de ${establishment.name}`}
                onClick={() => void promote(entry)}
              >
                Promouvoir
              </button>
            </PoolItem>
          ))}
        </ul>
      )}
      {error && (
        <div class="fr-alert fr-alert--error fr-alert--sm fr-mt-1w" role="alert">
          <p>{error}</p>
        </div>
      )}
    </section>
  );
}
