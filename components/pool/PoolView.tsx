/** The « Vivier » tab: the agency pool, filterable by job, commune and status; one click opens a file. */
import { useState } from 'preact/hooks';
import { POOL_STATUS_LABELS } from '@/lib/domain/labels';
import { listPool, type StoredPoolEntry } from '@/lib/store';
import { boardCommand } from '../board/commands';
import { Filters, type FilterValues } from '../board/Filters';
import '../board/board.css';
import { plural } from '../format';
import { useLiveQuery } from '../hooks/use-live-query';
import { uiDb } from '../promotion/db';
import { PoolItem } from './PoolItem';

const STATUSES = [
  { value: 'active', label: POOL_STATUS_LABELS.active },
  { value: 'placed', label: POOL_STATUS_LABELS.placed },
  { value: 'withdrawn', label: POOL_STATUS_LABELS.withdrawn },
  { value: 'all', label: 'Tous' },
] as const;

export function PoolView({ onOpened }: { onOpened?: () => void }) {
  const [filters, setFilters] = useState<FilterValues>({ rome: '', commune: '', status: 'active' });
  const [error, setError] = useState<string>();
  const shown = useLiveQuery<StoredPoolEntry[]>(
    () => listPool(uiDb(), { rome: filters.rome, commune: filters.commune, status: filters.status as never }),
    [filters.rome, filters.commune, filters.status],
    [],
  );

  async function openFile(ftId: string) {
    setError(undefined);
    const outcome = await boardCommand('promotion.openFor', { open: 'jobSeeker', ftId });
    if (!outcome.ok) return setError(outcome.message);
    onOpened?.();
  }

  return (
    <section data-testid="pool-view" aria-labelledby="pool-title">
      <h2 class="fr-h4" id="pool-title">
        Vivier de l'agence
      </h2>
      <Filters idPrefix="pool" label="Filtrer le vivier" values={filters} statuses={STATUSES} onChange={setFilters} />
      <p class="pf-muted" role="status" data-testid="pool-count">
        {shown.length === 0 ? 'Aucun profil ne correspond.' : plural(shown.length, 'profil', 'profils')}
      </p>
      {error && (
        <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
          <p>{error}</p>
        </div>
      )}
      <ul class="pf-cards" aria-label="Profils du vivier">
        {shown.map((entry) => (
          <PoolItem key={entry.id} entry={entry}>
            <button
              type="button"
              class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-mt-1w"
              aria-label={`Ouvrir le dossier de ${entry.firstName || entry.ftId} (${entry.romeLabel})`}
              onClick={() => void openFile(entry.ftId)}
            >
              Ouvrir le dossier
            </button>
          </PoolItem>
        ))}
      </ul>
    </section>
  );
}
