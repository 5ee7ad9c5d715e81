/** The headline figures of the period. */
import type { StatsFigures } from '@/lib/stats/schema';
import { count, days, percent } from './format';

function Tile(props: { label: string; value: string; detail?: string; testId: string }) {
  return (
    <div class="pf-tile" data-testid={props.testId}>
      <p class="pf-tile__value">{props.value}</p>
      <p class="pf-tile__label">{props.label}</p>
      {props.detail && <p class="pf-tile__detail">{props.detail}</p>}
    </div>
  );
}

export function KeyFigures({ figures }: { figures: StatsFigures }) {
  return (
    <section class="pf-tiles" aria-label="Chiffres clés de la période">
      <Tile testId="kf-sent" label="promotions envoyées" value={count(figures.sent)} detail={figures.profiles !== null ? `${count(figures.profiles)} profils promus` : undefined} />
      <Tile testId="kf-reply-rate" label="taux de réponse des employeurs" value={percent(figures.replyRate)} detail={`${count(figures.replied)} réponses`} />
      <Tile testId="kf-median" label="délai médian de première réponse" value={days(figures.medianDaysToReply)} detail={figures.meanDaysToReply !== null ? `moyenne : ${days(figures.meanDaysToReply)}` : undefined} />
      <Tile testId="kf-interviews" label="entretiens ou essais" value={count(figures.interviews)} />
      <Tile testId="kf-hires" label="embauches" value={count(figures.hires)} detail={`${percent(figures.hireRate)} des promotions`} />
      {figures.flagged > 0 && (
        <Tile testId="kf-flagged" label="promotions à vérifier" value={count(figures.flagged)} detail="un événement à contrôler dans leur historique" />
      )}
    </section>
  );
}
