/**
 * The webmail's inbox: the employers' replies Profilence saw (here or on their message) that no outcome covers
 * yet, as the background keeps them. Each opens its message, where the outcome is recorded.
 */
import { useEffect, useState } from 'preact/hooks';
import { STATUS_LABELS } from '@/lib/domain/labels';
import { REPLIES_SEEN_KEY, type PendingReply } from '@/lib/messaging/reply-commands';
import { sendMessage } from '@/lib/messaging/protocol';
import { localStore } from '@/lib/platform';
import { frenchDateTime, plural } from '../format';
import { useLiveQuery } from '../hooks/use-live-query';
import { uiDb } from '../promotion/db';

/** Asks the background again when the replies it saw change, or when a promotion does (an outcome recorded). */
function usePendingReplies(): PendingReply[] | null {
  const [pending, setPending] = useState<PendingReply[] | null>(null);
  const promotionsVersion = useLiveQuery(async () => (await uiDb().promotions.toArray()).map((p) => `${p.id}:${p.events.length}`).join(), [], '');
  useEffect(() => {
    const refresh = () => void sendMessage('reply.pending', undefined).then(setPending).catch(() => setPending([]));
    refresh();
    return localStore.onChanged((keys) => keys.includes(REPLIES_SEEN_KEY) && refresh());
  }, [promotionsVersion]);
  return pending;
}

export function InboxReplies() {
  const pending = usePendingReplies();
  return (
    <section class="pf-section" data-testid="inbox-replies">
      <h2 class="fr-h4">Réponses d'employeurs</h2>
      {pending === null ? null : pending.length === 0 ? (
        <p data-testid="inbox-replies-none">
          Aucune réponse à enregistrer. Profilence repère ici les réponses aux promotions (référence PRF-… dans l'objet) ;
          une réponse qui ne cite la référence que dans le texte cité apparaît une fois le message ouvert.
        </p>
      ) : (
        <>
          <p>{plural(pending.length, 'réponse à enregistrer', 'réponses à enregistrer')} : ouvrez le message pour noter l'issue.</p>
          <ul class="pf-list" data-testid="inbox-replies-list">
            {pending.map((reply) => (
              <li key={reply.url} class="fr-mb-1w" data-testid="pending-reply">
                <a class="fr-link" href={reply.url} target="_blank" rel="noopener">
                  Message de {reply.from} du {frenchDateTime(reply.receivedAt)}
                </a>
                <ul>
                  {reply.promotions.map((p) => (
                    <li key={p.id}>
                      {p.person} — {p.establishment} ({STATUS_LABELS[p.status]}, réf. {p.reference})
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
