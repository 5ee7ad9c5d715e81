/**
 * The sync line of the side panel: « Synchronisé il y a 2 min », « 3 modifications en attente », « Hors ligne »,
 * « Reconnexion nécessaire » (with the way to the options), and the changes the server refused.
 */
import { useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging/protocol';
import { extensionUrl, openOptionsPage } from '@/lib/platform';
import { listRejections, type ProfilenceDb, type RejectionRow } from '@/lib/store';
import { INITIAL_STATUS, readStatus, statusLine, type SyncStatus as Status } from '@/lib/sync';
import { useLiveQuery } from '../hooks/use-live-query';
import { uiDb } from '../promotion/db';
import { RejectedChanges } from './RejectedChanges';
import { useNow } from './use-now';
import './sync.css';

export function SyncStatus({ db = uiDb() }: { db?: ProfilenceDb }) {
  const status = useLiveQuery<Status>(() => readStatus(db), [], INITIAL_STATUS);
  const pending = useLiveQuery(() => db.outbox.count(), [], 0);
  const rejections = useLiveQuery<RejectionRow[]>(() => listRejections(db), [], []);
  const now = useNow();
  const [busy, setBusy] = useState(false);
  const line = statusLine(busy ? { ...status, state: 'syncing' } : status, pending, now);

  async function syncNow() {
    setBusy(true);
    try {
      await sendMessage('sync.now', undefined);
    } catch {
      // The status line shows what happened; nothing else to say here.
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="pf-sync" aria-label="Synchronisation" data-testid="sync-status">
      <p class={`pf-sync__line pf-sync__line--${line.tone}`} role="status" data-testid="sync-line">
        <span class="pf-sync__dot" aria-hidden="true" />
        <span>{line.text}</span>
        {line.signIn ? (
          <a
            class="fr-link fr-link--sm"
            href={extensionUrl('/options.html#sync-settings')}
            onClick={(e) => {
              e.preventDefault();
              void openOptionsPage();
            }}
          >
            Se reconnecter dans les options
          </a>
        ) : (
          <button type="button" class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" disabled={busy} onClick={() => void syncNow()}>
            Synchroniser maintenant
          </button>
        )}
      </p>
      {status.state === 'error' && status.lastError && !busy && (
        <p class="pf-muted pf-sync__detail" data-testid="sync-error">
          {status.lastError.message}
        </p>
      )}
      <RejectedChanges rows={rejections} onDismiss={(seq) => void sendMessage('sync.dismissRejection', { seq }).catch(() => undefined)} />
    </section>
  );
}
