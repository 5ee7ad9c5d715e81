/** The period's figures by ROME domain or by counsellor. */
import type { StatsReport } from '@/lib/stats/schema';
import { DataTable } from './DataTable';
import { count, days, percent } from './format';

export function Breakdown(props: { report: StatsReport; title: string; caption: string; first: string; testId: string }) {
  const groups = props.report.groups.filter((g) => g.figures.sent > 0);
  return (
    <section class="pf-section" aria-labelledby={`${props.testId}-title`}>
      <h2 id={`${props.testId}-title`} class="fr-h4">
        {props.title}
      </h2>
      {groups.length === 0 ? (
        <p class="pf-muted">Aucune promotion envoyée sur la période.</p>
      ) : (
        <DataTable
          caption={props.caption}
          testId={props.testId}
          head={[props.first, 'Envoyées', 'Taux de réponse', 'Délai médian', 'Entretiens', 'Embauches', 'Refus', 'Sans réponse']}
        >
          {groups.map((g) => (
            <tr key={g.key}>
              <th scope="row">{g.label}</th>
              <td class="pf-num">{count(g.figures.sent)}</td>
              <td class="pf-num">{percent(g.figures.replyRate)}</td>
              <td class="pf-num">{days(g.figures.medianDaysToReply)}</td>
              <td class="pf-num">{count(g.figures.interviews)}</td>
              <td class="pf-num">{count(g.figures.hires)}</td>
              <td class="pf-num">{count(g.figures.declined)}</td>
              <td class="pf-num">{count(g.figures.noResponse)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
