/**
 * Inline confirmation before a change discards the counsellor's edited message (no browser dialog:
 * it stays in the panel, readable and reachable by keyboard).
 */
interface Props {
  /** What is about to happen, e.g. « Passer en mode anonyme ». */
  question: string;
  onReplace(): void;
  onKeep(): void;
}

export function ConfirmReplace({ question, onReplace, onKeep }: Props) {
  return (
    <div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" role="group" aria-labelledby="confirm-replace-text" data-testid="confirm-replace">
      <p id="confirm-replace-text" role="status">
        {question} : le message que vous avez modifié sera remplacé par un texte écrit à partir du dossier.
      </p>
      <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm fr-mt-1w">
        <li>
          <button type="button" class="fr-btn fr-btn--sm" onClick={onReplace}>
            Remplacer mon message
          </button>
        </li>
        <li>
          <button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" onClick={onKeep}>
            Garder mon message
          </button>
        </li>
      </ul>
    </div>
  );
}
