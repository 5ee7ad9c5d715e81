/** « Métier proposé »: one of the file's target jobs, shown when there is a choice. */
import type { TargetJob } from '@/lib/domain/legacy';

interface Props {
  jobs: readonly TargetJob[];
  value: string | undefined;
  onChange(rome: string): void;
  id?: string;
}

export function JobSelect({ jobs, value, onChange, id = 'promote-rome' }: Props) {
  if (jobs.length < 2) return null;
  return (
    <div class="fr-select-group">
      <label class="fr-label" for={id}>
        Métier proposé
      </label>
      <select class="fr-select" id={id} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        {jobs.map((j) => (
          <option key={j.rome} value={j.rome}>
            {j.label} ({j.rome})
          </option>
        ))}
      </select>
    </div>
  );
}
