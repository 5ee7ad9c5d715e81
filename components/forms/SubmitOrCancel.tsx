/** The buttons closing every small inline form of the panel: the action, and « Annuler » that closes the form. */
interface Props {
  label: string;
  busy: boolean;
  onCancel: () => void;
}

export function SubmitOrCancel({ label, busy, onCancel }: Props) {
  return (
    <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
      <li>
        <button type="submit" class="fr-btn fr-btn--sm" disabled={busy}>
          {label}
        </button>
      </li>
      <li>
        <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline" onClick={onCancel}>
          Annuler
        </button>
      </li>
    </ul>
  );
}
