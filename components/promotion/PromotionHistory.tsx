/** Promotions already made for the open job seeker or to the open establishment. */
import { CHANNEL_LABELS, STATUS_LABELS } from '@/lib/domain/labels';
import { listForEstablishment, listForJobSeeker, type StoredPromotion } from '@/lib/store';
import { OutcomeActions } from '../followup/OutcomeActions';
import { PromotionTimeline } from '../followup/PromotionTimeline';
import { frenchDate } from '../format';
import { useLiveQuery } from '../hooks/use-live-query';
import { uiDb } from './db';

export function PromotionHistory({ ftId, siret }: { ftId?: string; siret?: string }) {
  const rows = useLiveQuery<StoredPromotion[]>(
    () => (ftId ? listForJobSeeker(uiDb(), ftId) : siret ? listForEstablishment(uiDb(), siret) : []),
    [ftId, siret],
    [],
  );
  return (
    <section class="pf-section" data-testid="promotion-history">
      <h2 class="fr-h5">{ftId ? 'Promotions de ce profil' : 'Profils proposés à cet établissement'}</h2>
      {rows.length === 0 ? (
        <p class="pf-muted">Aucune promotion pour l'instant.</p>
      ) : (
        <ul class="pf-list">
          {rows.map((p) => (
            <li key={p.id} data-testid="promotion-row">
              {ftId ? p.establishment.name : `${p.jobSeeker.firstName} ${p.jobSeeker.lastName}`.trim() || p.jobSeeker.ftId}{' '}
              <span class="fr-badge fr-badge--sm fr-badge--no-icon" data-testid="promotion-status">
                {STATUS_LABELS[p.status]}
              </span>
              <br />
              <span class="pf-muted">
                {CHANNEL_LABELS[p.channel]}
                {p.mode === 'anonymous' ? ', anonyme' : ''} · {frenchDate(p.createdAt)} · {p.reference}
              </span>
              <PromotionTimeline promotion={p} />
              <OutcomeActions
                promotion={p}
                label={`${p.jobSeeker.firstName} ${p.jobSeeker.lastName} chez ${p.establishment.name}`.trim()}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
