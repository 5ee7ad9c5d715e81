/** The « Besoins » tab: the agency's board, filterable by job, commune and status, with the author's expiry reminder. */
import { useState } from 'preact/hooks';
import { NEED_BOARD_STATUS_LABELS } from '@/lib/domain/labels';
import { listNeeds, type StoredNeed } from '@/lib/store';
import { plural } from '../format';
import { useLiveQuery } from '../hooks/use-live-query';
import { uiDb } from '../promotion/db';
import { ExpiryReminder } from './ExpiryReminder';
import { Filters, type FilterValues } from './Filters';
import { NeedList } from './NeedItem';
import { useSignedInAgent } from './use-counsellor';
import './board.css';

const STATUSES = [
  { value: 'open', label: NEED_BOARD_STATUS_LABELS.open },
  { value: 'expired', label: NEED_BOARD_STATUS_LABELS.expired },
  { value: 'filled', label: NEED_BOARD_STATUS_LABELS.filled },
  { value: 'closed', label: NEED_BOARD_STATUS_LABELS.closed },
  { value: 'all', label: 'Tous' },
] as const;

export function BoardView({ onOpened, now }: { onOpened?: () => void; now?: Date }) {
  const [filters, setFilters] = useState<FilterValues>({ rome: '', commune: '', status: 'open' });
  const agent = useSignedInAgent();
  const all = useLiveQuery<StoredNeed[]>(() => listNeeds(uiDb()), [], []);
  const shown = useLiveQuery<StoredNeed[]>(
    () => listNeeds(uiDb(), { rome: filters.rome, commune: filters.commune, status: filters.status as never, now }),
    [filters.rome, filters.commune, filters.status],
    [],
  );
  return (
    <section data-testid="board-view" aria-labelledby="board-title">
      <h2 class="fr-h4" id="board-title">
        Tableau des besoins de l'agence
      </h2>
      <ExpiryReminder needs={all} agent={agent} now={now} />
      <Filters idPrefix="board" label="Filtrer les besoins" values={filters} statuses={STATUSES} onChange={setFilters} />
      <p class="pf-muted" role="status" data-testid="board-count">
        {shown.length === 0 ? 'Aucun besoin ne correspond.' : plural(shown.length, 'besoin', 'besoins')}
      </p>
      {shown.length > 0 && <NeedList needs={shown} label="Besoins du tableau" now={now} showEstablishment onOpened={onOpened} />}
    </section>
  );
}
