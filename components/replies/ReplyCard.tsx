/**
 * One promotion an employer's message answers: who, where, its status and how long ago it left, then the
 * outcomes the status still allows — recorded by the background, dated from the message. A reply already
 * recorded says so and offers nothing more.
 */
import { EVENT_TYPE_LABELS, STATUS_LABELS } from '@/lib/domain/labels';
import { recordedFromMessage, REPLY_OUTCOMES, replyOutcomesAllowed, replyPerson, type ReplyOutcome } from '@/lib/domain/reply';
import { sendMessage } from '@/lib/messaging/protocol';
import { daysBetween, parisDay } from '@/lib/reminders/calendar';
import type { StoredPromotion } from '@/lib/store';
import { OutcomeActions } from '../followup/OutcomeActions';
import { frenchDateTime } from '../format';
import { sinceSent } from '../popup/FollowUpItem';
import { useNow } from '../sync/use-now';

interface Props {
  promotion: StoredPromotion;
  /** The message's date, as the background read it (the events are dated from it). */
  receivedAt: string;
  /** The tab showing the message. */
  tabId: number;
}

export function ReplyCard({ promotion, receivedAt, tabId }: Props) {
  const now = useNow(60_000);
  const person = replyPerson(promotion);
  const recorded = recordedFromMessage(promotion.events, receivedAt);
  const allowed = replyOutcomesAllowed(promotion.status);
  const sent = promotion.sentAt ? sinceSent(daysBetween(parisDay(promotion.sentAt), parisDay(now))) : "Pas encore envoyée";
  return (
    <li class="fr-card fr-card--no-arrow fr-mb-2w" data-testid="reply-promotion">
      <div class="fr-card__body">
        <div class="fr-card__content">
          <h3 class="fr-card__title fr-text--md">
            <span data-testid="reply-person">{person}</span> — {promotion.establishment.name}
          </h3>
          <p class="fr-card__desc fr-mb-1w">
            <span class="fr-badge fr-badge--sm fr-badge--info" data-testid="reply-status">{STATUS_LABELS[promotion.status]}</span>{' '}
            <span data-testid="reply-sent">{sent}</span> · réf. {promotion.reference}
          </p>
          {recorded ? (
            <p class="fr-alert fr-alert--success fr-alert--sm" data-testid="reply-recorded">
              Réponse déjà enregistrée depuis ce message : « {EVENT_TYPE_LABELS[recorded.type]} » le {frenchDateTime(recorded.at)}.
            </p>
          ) : allowed.length === 0 ? (
            <p class="pf-muted" data-testid="reply-closed">
              Promotion close ({STATUS_LABELS[promotion.status]}) : rien à enregistrer depuis ce message.
            </p>
          ) : (
            <OutcomeActions
              promotion={promotion}
              label={`${person} chez ${promotion.establishment.name}`}
              only={REPLY_OUTCOMES}
              // `only` keeps the buttons to the employer's outcomes; the background parses the request again.
              send={(request) => sendMessage('reply.record', { tabId, promotionId: promotion.id, ...request, type: request.type as ReplyOutcome })}
            />
          )}
        </div>
      </div>
    </li>
  );
}
