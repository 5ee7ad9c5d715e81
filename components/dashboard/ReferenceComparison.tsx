/** The figures beside those of the 2025 public experiments (docs/domain.md). */
import { compareWithReference, type ComparisonRow } from '@/lib/stats/reference';
import type { StatsFigures, StatsPerimeter } from '@/lib/stats/schema';
import { DataTable } from './DataTable';
import { days, percent, profilesPerHire } from './format';

function show(row: ComparisonRow, value: number | null): string {
  if (row.unit === 'percent') return percent(value);
  if (row.unit === 'days') return days(value);
  return profilesPerHire(value);
}

const WHO: Record<StatsPerimeter, string> = { own: 'Vous', agency: "L'agence", national: 'National' };

export function ReferenceComparison({ figures, perimeter }: { figures: StatsFigures; perimeter: StatsPerimeter }) {
  return (
    <section class="pf-section" aria-labelledby="reference-title">
      <h2 id="reference-title" class="fr-h4">
        Par rapport aux expérimentations
      </h2>
      <DataTable
        caption="Vos chiffres de la période et ceux des expérimentations publiques de 2025"
        testId="reference-table"
        head={['Indicateur', WHO[perimeter], 'Expérimentations 2025']}
        bordered
      >
        {compareWithReference(figures).map((row) => (
          <tr key={row.id}>
            <th scope="row">{row.label}</th>
            <td class="pf-num pf-wrap">{show(row, row.team)}</td>
            <td class="pf-num pf-wrap">
              {show(row, row.reference)}
              <span class="pf-cell-note">{row.referenceNote}</span>
            </td>
          </tr>
        ))}
      </DataTable>
      <p class="pf-muted">
        Le délai des expérimentations est une moyenne : il est comparé ici à votre délai moyen (le délai médian, moins sensible aux
        réponses très tardives, figure en tête de page).
      </p>
    </section>
  );
}
