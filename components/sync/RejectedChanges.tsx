/** Changes the server refused, kept for the counsellor: what, why (in French), and « Masquer » once read. */
import type { RejectionRow } from '@/lib/store';
import { mutationLabel, rejectionLabel, rejectionSubject } from '@/lib/sync/messages';

export function RejectedChanges({ rows, onDismiss }: { rows: RejectionRow[]; onDismiss: (seq: number) => void }) {
  if (rows.length === 0) return null;
  return (
    <div class="fr-alert fr-alert--warning fr-alert--sm fr-mt-2w" data-testid="sync-rejections">
      <h3 class="fr-alert__title">
        {rows.length === 1 ? 'Une modification refusée par le serveur' : `${rows.length} modifications refusées par le serveur`}
      </h3>
      <p>Elles restent sur ce poste seulement. Corrigez-les si besoin, puis masquez-les.</p>
      <ul class="pf-sync__rejections">
        {rows.map((row) => {
          const subject = rejectionSubject(row);
          return (
            <li key={row.seq} data-testid="sync-rejection">
              <strong>{mutationLabel(row.name)}</strong>
              {subject && <> — {subject}</>}
              <br />
              {rejectionLabel(row.code)}
              {row.message && <span class="pf-muted"> : {row.message}</span>}{' '}
              <button type="button" class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" onClick={() => onDismiss(row.seq)}>
                Masquer
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
