/**
 * « À promouvoir »: the consenting job seekers of the portfolio, ranked by what to do (lib/domain/worklist.ts),
 * the summary line first. « Préparer la promotion » opens the file with the best need's establishment ticked.
 */
import { useState } from 'preact/hooks';
import type { PortfolioEntry } from '@/lib/domain/legacy';
import { MATCH_TIER_LABELS } from '@/lib/domain/labels';
import type { WorklistRow } from '@/lib/domain/worklist';
import type { KnownFile } from '@/lib/messaging/worklist';
import '../board/board.css';
import './worklist.css';
import { distanceText } from '../matches/distance';
import { preparePromotion } from './prepare';
import { useWorklist } from './use-worklist';

/** A link read on a page is followed only when it is a web address (never `javascript:` and the like). */
const webUrl = (url: string) => /^https?:\/\//i.test(url);

interface Props {
  entries: readonly PortfolioEntry[];
  files: Readonly<Record<string, KnownFile>>;
  /** Rows left out, when `entries` holds the listed ones only (the kept portfolio). */
  notListed?: number;
  /** After « Préparer la promotion » opened the file (the panel's tab then shows the page). */
  onOpened?(): void;
  now?: Date;
}

export function WorklistView({ entries, files, notListed, onOpened, now }: Props) {
  const worklist = useWorklist(entries, files, now);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  if (!worklist) return <p class="pf-muted">Classement du portefeuille…</p>;
  const left = notListed ?? worklist.notListed;

  async function prepare(row: WorklistRow) {
    setBusy(true);
    setError(undefined);
    const outcome = await preparePromotion(row.ftId, row.best!.need.siret);
    setBusy(false);
    if (!outcome.ok) return setError(outcome.message);
    onOpened?.();
  }

  return (
    <section class="pf-section" data-testid="worklist" aria-labelledby="worklist-title">
      <h2 class="fr-h4" id="worklist-title">
        À promouvoir
      </h2>
      <p data-testid="worklist-summary">{worklist.summary}.</p>
      {left > 0 && (
        <p class="pf-muted" data-testid="worklist-not-listed">
          {left > 1
            ? `${left} demandeurs du portefeuille ne sont pas listés : promotion non autorisée ou consentement illisible.`
            : "1 demandeur du portefeuille n'est pas listé : promotion non autorisée ou consentement illisible."}
        </p>
      )}
      {error && (
        <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-1w" role="alert">
          <p>{error}</p>
        </div>
      )}
      {worklist.rows.length === 0 ? (
        <p class="pf-muted">Aucun demandeur de ce portefeuille n'a autorisé la promotion de son profil.</p>
      ) : (
        <ol class="pf-cards pf-worklist" aria-label="Demandeurs à promouvoir, par priorité">
          {worklist.rows.map((row) => (
            <Row key={row.ftId} row={row} busy={busy} onPrepare={() => void prepare(row)} />
          ))}
        </ol>
      )}
    </section>
  );
}

function Row({ row, busy, onPrepare }: { row: WorklistRow; busy: boolean; onPrepare(): void }) {
  const name = `${row.firstName} ${row.lastName}`;
  const best = row.best;
  return (
    <li data-testid="worklist-row">
      <p class="pf-card-title">
        {webUrl(row.url) ? (
          // A new tab: the panel stays on the list.
          <a href={row.url} target="_blank" rel="noopener noreferrer" title={`Ouvrir le dossier de ${name} (nouvel onglet)`}>
            {name}
          </a>
        ) : (
          name
        )}{' '}
        <span class="pf-muted">({row.ftId})</span>
      </p>
      <p class="pf-card-text" data-testid="worklist-reasons">
        {row.reasons.join(' · ')}
      </p>
      {best && (
        <>
          <p class="pf-muted fr-mb-0" data-testid="worklist-best">
            Besoin le plus adapté : {best.need.label}
            {best.need.rome ? ` (${best.need.rome})` : ''} — {best.need.establishmentName}, {best.need.city},{' '}
            {distanceText(best.distanceKm)} · {MATCH_TIER_LABELS[best.tier]}
          </p>
          <button
            type="button"
            class="fr-btn fr-btn--sm fr-mt-1w"
            disabled={busy}
            aria-label={`Préparer la promotion de ${name} auprès de ${best.need.establishmentName}`}
            onClick={onPrepare}
          >
            Préparer la promotion
          </button>
        </>
      )}
    </li>
  );
}
