/** A received message open in the webmail: the promotions it answers, each with its outcomes (ReplyCard). */
import type { ReceivedMail } from '@/lib/domain/legacy';
import { promotionsReferredTo } from '@/lib/domain/reply';
import type { StoredPromotion } from '@/lib/store';
import { frenchDateTime, plural } from '../format';
import { useLiveQuery } from '../hooks/use-live-query';
import { uiDb } from '../promotion/db';
import { ReplyCard } from './ReplyCard';

export function MessageReplies({ mail, tabId }: { mail: ReceivedMail; tabId: number }) {
  const promotions = useLiveQuery<StoredPromotion[] | null>(
    async () => promotionsReferredTo(mail.references, await uiDb().promotions.where('reference').anyOf(mail.references).toArray()),
    [mail.references.join()],
    null,
  );
  const unknown = promotions ? mail.references.filter((r) => !promotions.some((p) => p.reference === r)) : [];
  return (
    <section class="pf-section" data-testid="mail-message">
      <h2 class="fr-h4">Message reçu</h2>
      <p class="pf-muted">
        De {mail.from}, reçu le {frenchDateTime(mail.receivedAt)}. Une issue enregistrée ici est datée de ce message ; rien
        de son texte n'est conservé.
      </p>
      {mail.references.length === 0 && (
        <p data-testid="reply-none">Ce message ne cite aucune référence de promotion (PRF-…).</p>
      )}
      {promotions && promotions.length > 0 && (
        <>
          <h3 class="fr-text--md fr-mb-1w">{plural(promotions.length, 'promotion concernée', 'promotions concernées')}</h3>
          <ul class="pf-replies" role="list" style={{ listStyle: 'none', padding: 0 }}>
            {promotions.map((p) => (
              <ReplyCard key={p.id} promotion={p} receivedAt={mail.receivedAt} tabId={tabId} />
            ))}
          </ul>
        </>
      )}
      {unknown.length > 0 && (
        <p class="pf-muted" data-testid="reply-unknown">
          Aucune promotion de ce poste ne porte {unknown.length > 1 ? 'les références' : 'la référence'} {unknown.join(', ')}.
        </p>
      )}
    </section>
  );
}
