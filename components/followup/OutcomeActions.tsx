/**
 * One-click outcomes of a promotion (« Relancé », « Réponse reçue »…), offered only when the status
 * allows them; a refusal asks its reason, « Autre » and the note ask a text. Writes go through the
 * background, which checks everything again and answers in French when it refuses.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { DECLINE_REASON_LABELS } from '@/lib/domain/labels';
import { DECLINE_REASON_CODES } from '@/lib/domain/promotion';
import { canApply, type PromotionStatus } from '@/lib/domain/status';
import { sendMessage } from '@/lib/messaging/protocol';
import type { AddEventOutcome, AddEventRequest, OutcomeType } from '@/lib/messaging/follow-up-commands';
import { SubmitOrCancel } from '../forms/SubmitOrCancel';

export const OUTCOME_ACTIONS: readonly { type: OutcomeType; label: string }[] = [
  { type: 'followed_up', label: 'Relancé' },
  { type: 'employer_replied', label: 'Réponse reçue' },
  { type: 'interview', label: 'Entretien' },
  { type: 'hired', label: 'Embauché' },
  { type: 'profile_kept', label: 'Profil conservé' },
  { type: 'declined', label: 'Refus' },
  { type: 'withdrawn', label: 'Retirer' },
  { type: 'note', label: 'Note' },
];

/** The outcomes the status allows, in the order of the list above. */
export const allowedOutcomes = (status: PromotionStatus) => OUTCOME_ACTIONS.filter((a) => canApply(status, a.type));

const UNREACHABLE = "Profilence n'a pas pu enregistrer l'action : rechargez la page puis réessayez.";

type Step = { kind: 'buttons' } | { kind: 'decline' } | { kind: 'text'; type: 'declined' | 'note' };

interface Props {
  promotion: { id: string; status: PromotionStatus };
  /** Who and where, for screen readers: « Marie DUPONT chez LOGICIELS DU RHÔNE ». */
  label: string;
  /** Extra buttons after the outcomes (the popup's « Reporter »). */
  children?: ComponentChildren;
  /** Only these outcomes, when the status allows them (a reply offers the employer's answers). */
  only?: readonly OutcomeType[];
  /** Records the outcome another way than `promotion.addEvent` (from a message: dated by the background). */
  send?: (request: Omit<AddEventRequest, 'promotionId'>) => Promise<AddEventOutcome>;
}

export function OutcomeActions({ promotion, label, children, only, send }: Props) {
  const [step, setStep] = useState<Step>({ kind: 'buttons' });
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function record(request: Omit<AddEventRequest, 'promotionId'>) {
    setBusy(true);
    setError(undefined);
    const outcome: AddEventOutcome = await (send ? send(request) : sendMessage('promotion.addEvent', { promotionId: promotion.id, ...request })).catch(
      () => ({ ok: false, code: 'invalid', message: UNREACHABLE }) as const,
    );
    setBusy(false);
    if (!outcome.ok) return setError(outcome.message);
    setStep({ kind: 'buttons' });
    setText('');
  }

  const cancel = () => {
    setStep({ kind: 'buttons' });
    setText('');
    setError(undefined);
  };
  const actions = allowedOutcomes(promotion.status).filter((a) => !only || only.includes(a.type));

  return (
    <div class="pf-outcomes" role="group" aria-label={`Suivi : ${label}`} data-testid="outcome-actions">
      {step.kind === 'buttons' && (
        <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
          {actions.map(({ type, label: text }) => (
            <li key={type}>
              <button
                type="button"
                class={`fr-btn fr-btn--sm ${type === 'note' || type === 'withdrawn' ? 'fr-btn--tertiary' : 'fr-btn--secondary'}`}
                disabled={busy}
                onClick={() =>
                  type === 'declined'
                    ? setStep({ kind: 'decline' })
                    : type === 'note'
                      ? setStep({ kind: 'text', type: 'note' })
                      : void record({ type })
                }
              >
                {text}
              </button>
            </li>
          ))}
          {children}
        </ul>
      )}
      {step.kind === 'decline' && (
        <fieldset class="fr-fieldset" data-testid="decline-reasons">
          <legend class="fr-fieldset__legend fr-text--sm fr-mb-1v">Motif du refus</legend>
          <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
            {DECLINE_REASON_CODES.map((reason) => (
              <li key={reason}>
                <button
                  type="button"
                  class="fr-btn fr-btn--sm fr-btn--secondary"
                  disabled={busy}
                  onClick={() => (reason === 'other' ? setStep({ kind: 'text', type: 'declined' }) : void record({ type: 'declined', reason }))}
                >
                  {reason === 'other' ? 'Autre' : DECLINE_REASON_LABELS[reason]}
                </button>
              </li>
            ))}
            <li>
              <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline" onClick={cancel}>
                Annuler
              </button>
            </li>
          </ul>
        </fieldset>
      )}
      {step.kind === 'text' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim()) return setError(step.type === 'note' ? 'La note est vide.' : 'Précisez le motif du refus.');
            void record(step.type === 'note' ? { type: 'note', note: text } : { type: 'declined', reason: 'other', note: text });
          }}
        >
          <div class="fr-input-group fr-mb-1w">
            <label class="fr-label" for={`outcome-text-${promotion.id}`}>
              {step.type === 'note' ? 'Note' : 'Motif du refus (précisez)'}
            </label>
            <textarea
              class="fr-input"
              id={`outcome-text-${promotion.id}`}
              rows={2}
              maxLength={2000}
              value={text}
              onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
            />
          </div>
          <SubmitOrCancel label={step.type === 'note' ? 'Enregistrer la note' : 'Enregistrer le refus'} busy={busy} onCancel={cancel} />
        </form>
      )}
      {error && (
        <div class="fr-alert fr-alert--error fr-alert--sm" role="alert" data-testid="outcome-error">
          <p>{error}</p>
        </div>
      )}
    </div>
  );
}
