/** « Déjà proposé ces 90 derniers jours » — with the date and who proposed it, and the box to go ahead anyway. */
import { frenchDate } from '../format';
import type { Duplicate } from './use-duplicates';

interface Props {
  duplicates: Duplicate[];
  acknowledged: boolean;
  onAcknowledge(value: boolean): void;
  /** Distinguishes the checkbox when several warnings show at once. */
  id: string;
}

export function DuplicateWarning({ duplicates, acknowledged, onAcknowledge, id }: Props) {
  if (duplicates.length === 0) return null;
  return (
    <div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" data-testid="duplicate-warning">
      <p>
        Déjà proposé ces 90 derniers jours :{' '}
        {duplicates.map((d) => `${d.name} (le ${frenchDate(d.at)}, par ${d.by})`).join(', ')}.
      </p>
      <div class="fr-checkbox-group fr-checkbox-group--sm fr-mt-1w">
        <input type="checkbox" id={id} checked={acknowledged} onChange={() => onAcknowledge(!acknowledged)} />
        <label class="fr-label" for={id}>
          Proposer quand même
        </label>
      </div>
    </div>
  );
}
