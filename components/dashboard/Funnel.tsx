/** From sending to hire, then how the promotions of the period ended. */
import type { StatsFigures } from '@/lib/stats/schema';
import { BarCell, DataTable } from './DataTable';
import { count, percent } from './format';

export function Funnel({ figures }: { figures: StatsFigures }) {
  const steps = [
    { label: 'Envoyées', value: figures.sent },
    { label: "Réponse de l'employeur", value: figures.replied },
    { label: 'Entretien ou essai', value: figures.interviews },
    { label: 'Embauche', value: figures.hires },
  ];
  const outcomes = [
    { label: 'Embauche', value: figures.hires, tone: 'green' as const },
    { label: 'Profil conservé', value: figures.kept, tone: 'blue' as const },
    { label: 'Refus', value: figures.declined, tone: 'red' as const },
    { label: 'Sans réponse', value: figures.noResponse, tone: 'grey' as const },
    { label: 'Retirée', value: figures.withdrawn, tone: 'grey' as const },
    { label: 'En cours', value: figures.open, tone: 'blue' as const },
  ];
  const share = (n: number) => (figures.sent > 0 ? n / figures.sent : 0);
  return (
    <section class="pf-section" aria-labelledby="funnel-title">
      <h2 id="funnel-title" class="fr-h4">
        De l'envoi à l'embauche
      </h2>
      <DataTable caption="Entonnoir : promotions de la période arrivées à chaque étape" testId="funnel-table" head={['Étape', 'Promotions', 'Part des envois']}>
        {steps.map((s) => (
          <tr key={s.label}>
            <th scope="row">{s.label}</th>
            <BarCell share={share(s.value)} value={count(s.value)} />
            <td class="pf-num">{figures.sent > 0 ? percent(share(s.value)) : '—'}</td>
          </tr>
        ))}
      </DataTable>
      <h3 class="fr-h6 fr-mt-3w">Issue des promotions</h3>
      <DataTable caption="Issue des promotions de la période" testId="outcomes-table" head={['Issue', 'Promotions', 'Part des envois']}>
        {outcomes.map((o) => (
          <tr key={o.label}>
            <th scope="row">{o.label}</th>
            <BarCell share={share(o.value)} tone={o.tone} value={count(o.value)} />
            <td class="pf-num">{figures.sent > 0 ? percent(share(o.value)) : '—'}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
