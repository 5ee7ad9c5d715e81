import { useEffect, useState } from 'preact/hooks';
import type { SentMail } from '@/lib/domain/legacy';
import { referenceInSubject } from '@/lib/domain/pitch';
import { STATUS_LABELS } from '@/lib/domain/labels';
import { MAIL_QUEUE_KEY, type PendingMail } from '@/lib/messaging/mail-queue';
import { sendMessage } from '@/lib/messaging/protocol';
import { localStore } from '@/lib/platform';
import type { StoredPromotion } from '@/lib/store';
import { frenchDateTime, plural } from '../format';
import { useLiveQuery } from '../hooks/use-live-query';
import { uiDb } from '../promotion/db';

/** The e-mails Profilence prepared and that wait for the counsellor's « Envoyer », as the background says. */
function usePendingMails(): PendingMail[] {
  const [pending, setPending] = useState<PendingMail[]>([]);
  useEffect(() => {
    const refresh = () => void sendMessage('mail.pending', undefined).then(setPending).catch(() => undefined);
    refresh();
    // The queue's key only says when to ask again: its content is the background's.
    return localStore.onChanged((keys) => keys.includes(MAIL_QUEUE_KEY) && refresh());
  }, []);
  return pending;
}

function PendingMails({ pending }: { pending: PendingMail[] }) {
  if (pending.length === 0) return null;
  const [current, ...next] = pending;
  return (
    <div class="fr-callout" data-testid="mail-queue">
      <p class="fr-callout__text">
        E-mail préparé pour <strong>{current!.to.join(', ')}</strong> : vérifiez-le, puis cliquez sur « Envoyer » dans la
        messagerie. Profilence enregistrera l'envoi.
      </p>
      {next.length > 0 && (
        <p class="fr-text--sm fr-mb-1w">
          Ensuite : {plural(next.length, 'autre e-mail', 'autres e-mails')} ({next.map((m) => m.to.join(', ')).join(' ; ')}).
        </p>
      )}
      <button class="fr-btn fr-btn--tertiary fr-btn--sm" type="button" onClick={() => void sendMessage('mail.pause', undefined)}>
        Ne pas envoyer maintenant
      </button>
      <p class="fr-hint-text fr-mt-1v">
        Les promotions restent en brouillon : reprenez l'e-mail, marquez-la envoyée ou abandonnez-la depuis l'historique du dossier.
      </p>
    </div>
  );
}

export function ComposePage() {
  const pending = usePendingMails();
  return (
    <section class="pf-section" data-testid="mail-compose">
      <h2 class="fr-h4">Nouveau message</h2>
      {pending.length > 0 ? (
        <PendingMails pending={pending} />
      ) : (
        <p>
          Profilence remplit ce formulaire quand vous préparez une promotion depuis un dossier demandeur : destinataire,
          objet, message et CV joint.
        </p>
      )}
    </section>
  );
}

/** The promotion a sent message confirmed: the one whose reference its subject carries. */
function ConfirmedPromotion({ reference }: { reference: string | undefined }) {
  const promotion = useLiveQuery<StoredPromotion | undefined | null>(
    async () => (reference ? await uiDb().promotions.where('reference').equals(reference).first() : undefined),
    [reference],
    null,
  );
  if (!reference || promotion === null) return null;
  if (!promotion) {
    return (
      <p class="pf-muted" data-testid="mail-promotion">
        Aucune promotion de ce poste ne porte la référence {reference}.
      </p>
    );
  }
  const person = `${promotion.jobSeeker.firstName} ${promotion.jobSeeker.lastName}`.trim() || 'Profil anonyme';
  return (
    <div class="fr-alert fr-alert--success fr-alert--sm fr-mt-2w" data-testid="mail-promotion">
      <p>
        {promotion.status === 'draft' ? 'Promotion' : 'Promotion confirmée'} : <strong>{person}</strong> proposé·e à{' '}
        <strong>{promotion.establishment.name}</strong> (réf. {promotion.reference}) — {STATUS_LABELS[promotion.status]}.
      </p>
    </div>
  );
}

export function SentMailCard({ mail }: { mail: SentMail }) {
  const pending = usePendingMails();
  return (
    <section class="pf-section" data-testid="mail-sent">
      <h2 class="fr-h4">Message envoyé</h2>
      <dl class="pf-fields">
        <dt>Objet</dt>
        <dd data-testid="mail-subject">{mail.subject}</dd>
        <dt>À</dt>
        <dd>{mail.to.join(', ')}</dd>
        <dt>Envoyé le</dt>
        <dd>{frenchDateTime(mail.sentAt)}</dd>
      </dl>
      <ConfirmedPromotion reference={referenceInSubject(mail.subject)} />
      <PendingMails pending={pending} />
    </section>
  );
}
