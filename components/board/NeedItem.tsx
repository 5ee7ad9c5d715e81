/** One line of the board: the need, its establishment, its status, and one-click status changes. */
import { useState } from 'preact/hooks';
import { authorLabel } from '@/lib/domain/agent';
import type { Establishment } from '@/lib/domain/legacy';
import { contractLabel, NEED_BOARD_STATUS_LABELS } from '@/lib/domain/labels';
import {
  daysLeft,
  NEED_EXPIRY_REMINDER_DAYS,
  needBoardStatus,
  type StoredNeed,
} from '@/lib/store';
import { frenchDate, plural } from '../format';
import { ShortlistForm } from '../shortlist/ShortlistForm';
import { boardCommand } from './commands';

const BADGE = { open: 'fr-badge--success', expired: 'fr-badge--warning', filled: 'fr-badge--info', closed: '' } as const;

interface Props {
  need: StoredNeed;
  now?: Date;
  /** On the board views; hidden on the establishment's own page. */
  showEstablishment?: boolean;
  /** « Ouvrir la fiche »: opens the establishment page, then `onOpened`. */
  onOpened?: () => void;
  /** On the establishment's own page (its tab): « Proposer une sélection » of pool profiles for an open need. */
  page?: { establishment: Establishment; tabId: number };
}

export function needSummary(need: Pick<StoredNeed, 'positions' | 'contractType'>): string {
  return [
    need.positions ? plural(need.positions, 'poste', 'postes') : undefined,
    need.contractType ? contractLabel(need.contractType) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function NeedItem({ need, now = new Date(), showEstablishment = false, onOpened, page }: Props) {
  const [busy, setBusy] = useState(false);
  const [shortlisting, setShortlisting] = useState(false);
  const [error, setError] = useState<string>();
  const status = needBoardStatus(need, now);
  const expiringSoon = status === 'open' && need.expiresAt !== undefined && daysLeft(need.expiresAt, now) <= NEED_EXPIRY_REMINDER_DAYS;
  const title = `${need.label}${need.rome ? ` (${need.rome})` : ''}`;
  const where = `${need.establishmentName}, ${need.city}`;

  async function run(request: Parameters<typeof boardCommand<'need.update'>>[1] | { open: true }) {
    setBusy(true);
    setError(undefined);
    const outcome =
      'open' in request
        ? await boardCommand('promotion.openFor', { open: 'establishment', siret: need.siret })
        : await boardCommand('need.update', request);
    setBusy(false);
    if (!outcome.ok) return setError(outcome.message);
    if ('open' in request) onOpened?.();
  }

  const summary = needSummary(need);
  return (
    <li data-testid="need-item" data-need-id={need.id}>
      <p class="pf-card-title">
        {title}{' '}
        <span class={`fr-badge fr-badge--sm fr-badge--no-icon ${BADGE[status]}`} data-testid="need-status">
          {NEED_BOARD_STATUS_LABELS[status]}
        </span>
      </p>
      {showEstablishment && <p class="pf-card-text">{where}</p>}
      <p class="pf-muted fr-mb-0">
        {summary ? `${summary} · ` : ''}ajouté par {authorLabel(need.createdBy, need.createdByName)} le {frenchDate(need.createdAt)}
        {need.expiresAt && status === 'open' ? ` · expire le ${frenchDate(need.expiresAt)}` : ''}
        {status === 'expired' && need.expiresAt ? ` · expiré le ${frenchDate(need.expiresAt)}` : ''}
      </p>
      <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mt-1w" role="group" aria-label={`${title} chez ${where}`}>
        {status === 'open' && page && need.rome && !shortlisting && (
          <li>
            <button type="button" class="fr-btn fr-btn--sm" disabled={busy} onClick={() => setShortlisting(true)}>
              Proposer une sélection
            </button>
          </li>
        )}
        {(status === 'open' || status === 'expired') && (
          <>
            <li>
              <button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" disabled={busy} onClick={() => void run({ id: need.id, status: 'filled' })}>
                Pourvu
              </button>
            </li>
            <li>
              <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary" disabled={busy} onClick={() => void run({ id: need.id, status: 'closed' })}>
                Clore
              </button>
            </li>
          </>
        )}
        {(status === 'expired' || expiringSoon) && (
          <li>
            <button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" disabled={busy} onClick={() => void run({ id: need.id, extend: true })}>
              Prolonger
            </button>
          </li>
        )}
        {(status === 'filled' || status === 'closed') && (
          <li>
            <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary" disabled={busy} onClick={() => void run({ id: need.id, extend: true })}>
              Rouvrir
            </button>
          </li>
        )}
        {showEstablishment && (
          <li>
            <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline" disabled={busy} onClick={() => void run({ open: true })}>
              Ouvrir la fiche
            </button>
          </li>
        )}
      </ul>
      {error && (
        <p class="fr-error-text" role="alert">
          {error}
        </p>
      )}
      {shortlisting && page && status === 'open' && (
        <ShortlistForm need={need} establishment={page.establishment} tabId={page.tabId} onClose={() => setShortlisting(false)} />
      )}
    </li>
  );
}

export function NeedList({ needs, label, now, showEstablishment, onOpened, page }: { needs: StoredNeed[]; label: string } & Omit<Props, 'need'>) {
  return (
    <ul class="pf-cards" aria-label={label} data-testid="need-list">
      {needs.map((n) => (
        <NeedItem key={n.id} need={n} now={now} showEstablishment={showEstablishment} onOpened={onOpened} page={page} />
      ))}
    </ul>
  );
}
