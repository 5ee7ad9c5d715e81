/** Monthly trends (uPlot) and the same figures as a table. */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { shortMonthLabel } from '@/lib/stats/days';
import type { StatsReport } from '@/lib/stats/schema';
import { DataTable } from './DataTable';
import { count, days, percent } from './format';

const HEIGHT = 260;
const SERIES = [
  { key: 'sent', label: 'Envoyées', stroke: '#000091' },
  { key: 'replied', label: 'Réponses', stroke: '#6a6af4' },
  { key: 'hires', label: 'Embauches', stroke: '#18753c' },
] as const;

function Chart({ report }: { report: StatsReport }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const months = report.groups;
    const xs = months.map((_, i) => i);
    // One label every month, every second or third one when the period is long.
    const step = Math.max(1, Math.ceil(months.length / 12));
    const plot = new uPlot(
      {
        width: Math.max(280, el.clientWidth),
        height: HEIGHT,
        scales: { x: { time: false, range: [-0.3, Math.max(0.3, months.length - 0.7)] }, y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.1))] } },
        axes: [
          {
            splits: () => xs.filter((i) => i % step === 0),
            values: (_u, splits) => splits.map((i) => (months[i] ? shortMonthLabel(months[i]!.key) : '')),
            grid: { show: false },
          },
          { values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? count(v) : '')), size: 48 },
        ],
        legend: { live: false },
        series: [
          { label: 'Mois', value: (_u, i) => (i === null || !months[i] ? '—' : shortMonthLabel(months[i]!.key)) },
          ...SERIES.map((s) => ({
            label: s.label,
            stroke: s.stroke,
            width: 2,
            points: { show: true, size: 6, fill: s.stroke },
            value: (_u: uPlot, v: number | null) => (v === null ? '—' : count(v)),
          })),
        ],
      },
      [xs, ...SERIES.map((s) => months.map((g) => g.figures[s.key]))],
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(280, el.clientWidth), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [report]);
  return <div ref={box} class="pf-chart" aria-hidden="true" />;
}

export function TrendChart({ report }: { report: StatsReport }) {
  return (
    <section class="pf-section" aria-labelledby="trend-title">
      <h2 id="trend-title" class="fr-h4">
        Évolution mois par mois
      </h2>
      <Chart report={report} />
      <DataTable
        caption="Promotions envoyées, réponses et embauches par mois d'envoi"
        testId="trend-table"
        head={['Mois', 'Envoyées', 'Réponses', 'Taux de réponse', 'Délai médian', 'Entretiens', 'Embauches']}
      >
        {report.groups.map((g) => (
          <tr key={g.key}>
            <th scope="row">{g.label}</th>
            <td class="pf-num">{count(g.figures.sent)}</td>
            <td class="pf-num">{count(g.figures.replied)}</td>
            <td class="pf-num">{percent(g.figures.replyRate)}</td>
            <td class="pf-num">{days(g.figures.medianDaysToReply)}</td>
            <td class="pf-num">{count(g.figures.interviews)}</td>
            <td class="pf-num">{count(g.figures.hires)}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
