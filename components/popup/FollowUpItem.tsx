/** One promotion to chase (or soon to chase) in the popup, actionable in one click. */
import { useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging/protocol';
import { SENT_BY_CHANNEL } from '@/lib/domain/labels';
import { REMINDER_LABELS, type FollowUpItem as Item } from '@/lib/reminders/follow-up-list';
import { OutcomeActions } from '../followup/OutcomeActions';
import { frenchDate } from '../format';
import { ContactLinks } from './ContactLinks';

export function sinceSent(days: number): string {
  if (days <= 0) return "Envoyée aujourd'hui";
  if (days === 1) return 'Envoyée hier';
  return `Envoyée il y a ${days} jours`;
}

export function FollowUpRow({ item, due }: { item: Item; due: boolean }) {
  const { reminder, promotion } = item;
  const [snoozeError, setSnoozeError] = useState<string>();
  const name = `${promotion.jobSeeker.firstName} ${promotion.jobSeeker.lastName}`.trim() || promotion.jobSeeker.ftId;
  const when = due
    ? reminder.kind === 'auto_close'
      ? 'sera close sans réponse'
      : `à faire depuis le ${frenchDate(reminder.dueDate)}`
    : `le ${frenchDate(reminder.dueDate)}`;

  async function snooze() {
    setSnoozeError(undefined);
    const outcome = await sendMessage('reminders.snooze', { promotionId: promotion.id }).catch(() => ({
      ok: false as const,
      message: "Profilence n'a pas pu reporter la relance : réessayez.",
    }));
    if (!outcome.ok) setSnoozeError(outcome.message);
  }

  return (
    <li class="pf-followup" data-testid={due ? 'due-item' : 'upcoming-item'} data-promotion-id={promotion.id}>
      <p class="fr-mb-0">
        <strong data-testid="follow-up-name">{name}</strong> · {promotion.establishment.name}
        <span class="pf-muted"> ({promotion.establishment.city})</span>
      </p>
      <p class="pf-muted fr-mb-1v">
        <span class={`fr-badge fr-badge--sm fr-badge--no-icon ${due ? 'fr-badge--new' : ''}`} data-testid="reminder-kind">
          {REMINDER_LABELS[reminder.kind]}
        </span>{' '}
        {when} · <span data-testid="days-since-sent">{sinceSent(reminder.daysSinceSent)}</span> {SENT_BY_CHANNEL[promotion.channel]}
        {reminder.snoozedUntil ? ` · reportée au ${frenchDate(reminder.snoozedUntil)}` : ''}
      </p>
      {promotion.contact ? <ContactLinks contact={promotion.contact} /> : <p class="pf-muted fr-mb-1v">Aucun contact noté.</p>}
      <OutcomeActions promotion={promotion} label={`${name} chez ${promotion.establishment.name}`}>
        <li>
          <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary" onClick={() => void snooze()}>
            Reporter
          </button>
        </li>
      </OutcomeActions>
      {snoozeError && (
        <div class="fr-alert fr-alert--error fr-alert--sm" role="alert">
          <p>{snoozeError}</p>
        </div>
      )}
    </li>
  );
}
