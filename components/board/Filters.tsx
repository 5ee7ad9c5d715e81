/** Filters of the board and pool views: job (ROME), commune, status; the list follows as one types. */
export interface FilterValues {
  rome: string;
  commune: string;
  status: string;
}

interface Props {
  idPrefix: string;
  label: string;
  values: FilterValues;
  statuses: readonly { value: string; label: string }[];
  onChange(values: FilterValues): void;
}

export function Filters({ idPrefix, label, values, statuses, onChange }: Props) {
  const set = (key: keyof FilterValues) => (e: Event) => onChange({ ...values, [key]: (e.target as HTMLInputElement).value });
  return (
    <form role="search" aria-label={label} class="pf-filters" onSubmit={(e) => e.preventDefault()}>
      <div class="fr-input-group">
        <label class="fr-label" for={`${idPrefix}-rome`}>
          Métier (code ROME)
          <span class="fr-hint-text">M1805, ou M18 pour le domaine</span>
        </label>
        <input class="fr-input" id={`${idPrefix}-rome`} type="search" maxLength={5} autocomplete="off" value={values.rome} onInput={set('rome')} />
      </div>
      <div class="fr-input-group">
        <label class="fr-label" for={`${idPrefix}-commune`}>
          Commune
          <span class="fr-hint-text">Nom ou début du code postal</span>
        </label>
        <input class="fr-input" id={`${idPrefix}-commune`} type="search" autocomplete="off" value={values.commune} onInput={set('commune')} />
      </div>
      <div class="fr-select-group">
        <label class="fr-label" for={`${idPrefix}-status`}>
          Statut
        </label>
        <select class="fr-select" id={`${idPrefix}-status`} value={values.status} onChange={set('status')}>
          {statuses.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
