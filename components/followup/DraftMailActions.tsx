/**
 * A promotion whose e-mail was never confirmed is never left in limbo: resume the e-mail in the webmail,
 * mark it sent (it left another way, on a day the counsellor gives) or abandon it with a reason. The
 * background checks everything again and answers in French when it refuses.
 */
import { useState } from 'preact/hooks';
import type { MailCommandOutcome } from '@/lib/messaging/mail-queue';
import { sendMessage } from '@/lib/messaging/protocol';
import { parisDay } from '@/lib/reminders/calendar';

const UNREACHABLE = "Profilence n'a pas pu enregistrer l'action : rechargez la page puis réessayez.";

type Step = 'buttons' | 'sent' | 'abandon';

interface Props {
  promotion: { id: string; createdAt: string };
  /** Who and where, for screen readers: « Marie DUPONT chez LOGICIELS DU RHÔNE ». */
  label: string;
}

export function DraftMailActions({ promotion, label }: Props) {
  const today = parisDay(new Date());
  // Sent another way, but not before the promotion was prepared.
  const prepared = parisDay(promotion.createdAt);
  const [step, setStep] = useState<Step>('buttons');
  const [sentOn, setSentOn] = useState(today);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();

  async function run(command: () => Promise<MailCommandOutcome>, done?: string) {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    const outcome = await command().catch(() => ({ ok: false, message: UNREACHABLE }) as const);
    setBusy(false);
    if (!outcome.ok) return setError(outcome.message);
    setStep('buttons');
    setNotice(done);
  }
  const cancel = () => {
    setStep('buttons');
    setError(undefined);
  };
  const id = promotion.id;

  return (
    <div class="pf-outcomes" role="group" aria-label={`E-mail non confirmé : ${label}`} data-testid="draft-mail-actions">
      <p class="fr-text--sm fr-mb-1v">L'envoi de cet e-mail n'a pas été confirmé par la messagerie.</p>
      {step === 'buttons' && (
        <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
          <li>
            <button
              type="button"
              class="fr-btn fr-btn--sm"
              disabled={busy}
              onClick={() =>
                void run(() => sendMessage('mail.resume', { promotionId: id }), "L'e-mail est prêt dans la messagerie : vérifiez-le puis cliquez sur « Envoyer ».")
              }
            >
              Reprendre l'e-mail
            </button>
          </li>
          <li>
            <button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" disabled={busy} onClick={() => setStep('sent')}>
              Marquer comme envoyée
            </button>
          </li>
          <li>
            <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary" disabled={busy} onClick={() => setStep('abandon')}>
              Abandonner
            </button>
          </li>
        </ul>
      )}
      {step === 'sent' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!sentOn) return setError("Indiquez la date d'envoi.");
            if (sentOn > today) return setError("La date d'envoi ne peut pas être dans le futur.");
            void run(() => sendMessage('mail.markSent', { promotionId: id, sentOn }));
          }}
        >
          <div class="fr-input-group fr-mb-1w">
            <label class="fr-label" for={`sent-on-${id}`}>
              Date d'envoi
              <span class="fr-hint-text">L'e-mail est parti par un autre moyen (autre messagerie, transfert…).</span>
            </label>
            <input
              class="fr-input"
              type="date"
              id={`sent-on-${id}`}
              min={prepared}
              max={today}
              required
              value={sentOn}
              onInput={(e) => setSentOn((e.target as HTMLInputElement).value)}
            />
          </div>
          <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
            <li>
              <button type="submit" class="fr-btn fr-btn--sm" disabled={busy}>
                Enregistrer l'envoi
              </button>
            </li>
            <li>
              <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline" onClick={cancel}>
                Annuler
              </button>
            </li>
          </ul>
        </form>
      )}
      {step === 'abandon' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) return setError("Indiquez pourquoi l'e-mail est abandonné.");
            void run(() => sendMessage('mail.abandon', { promotionId: id, reason }));
          }}
        >
          <div class="fr-input-group fr-mb-1w">
            <label class="fr-label" for={`abandon-reason-${id}`}>
              Motif de l'abandon
            </label>
            <textarea
              class="fr-input"
              id={`abandon-reason-${id}`}
              rows={2}
              maxLength={2000}
              value={reason}
              onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
            />
          </div>
          <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
            <li>
              <button type="submit" class="fr-btn fr-btn--sm" disabled={busy}>
                Abandonner la promotion
              </button>
            </li>
            <li>
              <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline" onClick={cancel}>
                Annuler
              </button>
            </li>
          </ul>
        </form>
      )}
      {notice && (
        <p class="fr-text--sm fr-mb-1v" role="status">
          {notice}
        </p>
      )}
      {error && (
        <div class="fr-alert fr-alert--error fr-alert--sm" role="alert" data-testid="draft-mail-error">
          <p>{error}</p>
        </div>
      )}
    </div>
  );
}
