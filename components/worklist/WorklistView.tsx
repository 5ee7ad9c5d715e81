/**
 * « À promouvoir »: the consenting job seekers of the portfolio, ranked by what to do (lib/domain/worklist.ts),
 * the summary line first. « Préparer la promotion » opens the file with the best need's establishment ticked.
 */
import { useState } from 'preact/hooks';
import type { PortfolioEntry } from '@/lib/domain/legacy';
import { MATCH_TIER_LABELS } from '@/lib/domain/labels';
import type { Worklist, WorklistRow } from '@/lib/domain/worklist';
import type { KnownFile } from '@/lib/messaging/worklist';
import '../board/board.css';
import './worklist.css';
import { plural } from '../format';
import { distanceText } from '../matches/distance';
import { preparePromotion } from './prepare';
import { useWorklist } from './use-worklist';

/** Rows shown at first, then as many more on demand: the top of the list is what to do now. */
export const WORKLIST_PAGE = 50;

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

  async function prepare(row: WorklistRow) {
    setBusy(true);
    setError(undefined);
    const outcome = await preparePromotion(row.ftId, row.best!.need.siret);
    setBusy(false);
    if (!outcome.ok) return setError(outcome.message);
    onOpened?.();
  }

  return (
    <WorklistList worklist={worklist} notListed={notListed ?? worklist.notListed} busy={busy} error={error} onPrepare={(row) => void prepare(row)} />
  );
}

/** What the counsellor sees of a ranked worklist: summary, who is left out, one card per job seeker. */
export function WorklistList({
  worklist,
  notListed,
  busy,
  error,
  onPrepare,
}: {
  worklist: Worklist;
  notListed: number;
  busy: boolean;
  error?: string;
  onPrepare(row: WorklistRow): void;
}) {
  const [shown, setShown] = useState(WORKLIST_PAGE);
  const hidden = worklist.rows.length - shown;
  return (
    <section class="pf-section" data-testid="worklist" aria-labelledby="worklist-title">
      <h2 class="fr-h4" id="worklist-title">
        À promouvoir
      </h2>
      <p data-testid="worklist-summary">{worklist.summary}.</p>
      {notListed > 0 && (
        <p class="pf-muted" data-testid="worklist-not-listed">
          {notListed > 1
            ? `${notListed} demandeurs du portefeuille ne sont pas listés : promotion non autorisée ou consentement illisible.`
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
          {worklist.rows.slice(0, shown).map((row) => (
            <Row key={row.ftId} row={row} busy={busy} onPrepare={() => onPrepare(row)} />
          ))}
        </ol>
      )}
      {hidden > 0 && (
        <button type="button" class="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w" onClick={() => setShown((n) => n + WORKLIST_PAGE)}>
          Afficher {plural(Math.min(hidden, WORKLIST_PAGE), 'demandeur de plus', 'demandeurs de plus')}
        </button>
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
