/** The panel's « À promouvoir » tab: the worklist of the last portfolio read this session, page open or not. */
import { frenchDateTime } from '../format';
import { useWorklistInputs } from './use-worklist-inputs';
import { WorklistView } from './WorklistView';

export function WorklistTab({ onOpened }: { onOpened(): void }) {
  const inputs = useWorklistInputs();
  if (!inputs) return <p class="pf-muted">Chargement…</p>;
  const { portfolio } = inputs;
  if (!portfolio) {
    return (
      <div class="fr-callout" data-testid="worklist-empty">
        <h2 class="fr-callout__title fr-h5">Portefeuille pas encore lu</h2>
        <p class="fr-callout__text">
          Ouvrez « Mon portefeuille » dans le dossier demandeur : les demandeurs qui autorisent la promotion de leur
          profil s'afficheront ici, classés par priorité, même une fois la page fermée.
        </p>
      </div>
    );
  }
  return (
    <>
      <p class="pf-muted" data-testid="worklist-read-at">
        Portefeuille lu le {frenchDateTime(portfolio.readAt)}.
      </p>
      <WorklistView entries={portfolio.entries} files={inputs.files} notListed={portfolio.notListed} onOpened={onOpened} />
    </>
  );
}
