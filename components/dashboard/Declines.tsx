/** Why employers declined, most frequent first. */
import { DECLINE_REASON_LABELS } from '@/lib/domain/labels';
import { DECLINE_REASON_CODES } from '@/lib/domain/promotion';
import type { StatsFigures } from '@/lib/stats/schema';
import { BarCell, DataTable } from './DataTable';
import { count, percent } from './format';

export function Declines({ figures }: { figures: StatsFigures }) {
  const rows = DECLINE_REASON_CODES
    .map((reason) => ({ reason, value: figures.declinesByReason[reason] }))
    .filter((r) => r.value > 0)
    .sort((a, b) => b.value - a.value);
  return (
    <section class="pf-section" aria-labelledby="declines-title">
      <h2 id="declines-title" class="fr-h4">
        Motifs de refus
      </h2>
      {rows.length === 0 ? (
        <p class="pf-muted">Aucun refus sur la période.</p>
      ) : (
        <DataTable caption={`Refus par motif (${count(figures.declined)} au total)`} testId="declines-table" head={['Motif', 'Refus', 'Part des refus']}>
          {rows.map((r) => (
            <tr key={r.reason}>
              <th scope="row">{DECLINE_REASON_LABELS[r.reason]}</th>
              <BarCell share={r.value / rows[0]!.value} tone="red" value={count(r.value)} />
              <td class="pf-num">{percent(r.value / figures.declined)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
