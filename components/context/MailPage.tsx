import type { SentMail } from '@/lib/domain/legacy';
import { frenchDateTime } from '../format';

export function ComposePage() {
  return (
    <section class="pf-section" data-testid="mail-compose">
      <h2 class="fr-h4">Nouveau message</h2>
      <p>
        Profilence remplit ce formulaire quand vous préparez une promotion depuis un dossier demandeur : destinataire,
        objet, message et CV joint.
      </p>
    </section>
  );
}

export function SentMailCard({ mail }: { mail: SentMail }) {
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
    </section>
  );
}
