/** The events of one promotion in order, in French; events kept after a final state are shown « à vérifier ». */
import { authorLabel } from '@/lib/domain/agent';
import { DECLINE_REASON_LABELS, EVENT_TYPE_LABELS } from '@/lib/domain/labels';
import { compareEvents, deriveStatus, type FlagReason } from '@/lib/domain/status';
import type { StoredPromotion } from '@/lib/store';
import { frenchDateTime } from '../format';

const FLAG_HINTS: Record<FlagReason, string> = {
  after_final: 'Enregistré après la clôture de la promotion : à vérifier.',
  before_sent: "Enregistré avant l'envoi : à vérifier.",
};

export function PromotionTimeline({ promotion }: { promotion: Pick<StoredPromotion, 'events'> }) {
  if (promotion.events.length === 0) {
    return <p class="pf-muted fr-mb-1w">Pas encore d'événement : la promotion n'est pas partie.</p>;
  }
  const ordered = [...promotion.events].sort(compareEvents);
  const flags = new Map(deriveStatus(promotion.events).flagged.map((f) => [f.eventId, f.reason]));
  return (
    <ol class="pf-timeline fr-mb-1w" data-testid="promotion-timeline">
      {ordered.map((event) => {
        const flag = flags.get(event.id);
        return (
          <li key={event.id} data-testid="timeline-event">
            <time dateTime={event.at}>{frenchDateTime(event.at)}</time> ·{' '}
            <strong>{EVENT_TYPE_LABELS[event.type]}</strong>
            {event.reason ? ` : ${DECLINE_REASON_LABELS[event.reason]}` : ''}
            <span class="pf-muted"> · par {authorLabel(event.by, event.byName)}</span>
            {flag && (
              <>
                {' '}
                <span class="fr-badge fr-badge--sm fr-badge--warning fr-badge--no-icon" title={FLAG_HINTS[flag]} data-testid="flagged">
                  à vérifier
                </span>
              </>
            )}
            {event.note && (
              <>
                <br />
                <span class="pf-muted">{event.note}</span>
              </>
            )}
          </li>
        );
      })}
    </ol>
  );
}
