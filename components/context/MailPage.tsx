import { useEffect, useState } from 'preact/hooks';
import type { SentMail } from '@/lib/domain/legacy';
import { sendMessage } from '@/lib/messaging/protocol';
import { sessionStore } from '@/lib/platform';
import { frenchDateTime } from '../format';

type Pending = { reference: string; subject: string; to: string[] }[];

/** The e-mails Profilence prepared and that wait for the counsellor's « Envoyer ». */
function usePendingMails(): Pending {
  const [pending, setPending] = useState<Pending>([]);
  useEffect(() => {
    const refresh = () => void sendMessage('mail.pending', undefined).then(setPending).catch(() => undefined);
    refresh();
    return sessionStore.onChanged((keys) => keys.includes('mail:queue') && refresh());
  }, []);
  return pending;
}

function PendingMails({ pending }: { pending: Pending }) {
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
          Ensuite : {next.length} autre{next.length > 1 ? 's' : ''} e-mail{next.length > 1 ? 's' : ''} (
          {next.map((m) => m.to.join(', ')).join(' ; ')}).
        </p>
      )}
      <button class="fr-btn fr-btn--tertiary fr-btn--sm" type="button" onClick={() => void sendMessage('mail.cancel', undefined)}>
        Abandonner les e-mails en attente
      </button>
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
      <PendingMails pending={pending} />
    </section>
  );
}
