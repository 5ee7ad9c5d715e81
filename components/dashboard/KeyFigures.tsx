/** The headline figures of the period. */
import type { StatsFigures } from '@/lib/stats/schema';
import { pluralWord } from '../format';
import { count, days, percent } from './format';

/** The word for a figure that may be missing (« — promotions envoyées »). */
const word = (n: number | null | undefined, one: string, many: string) => pluralWord(n ?? 2, one, many);

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
      <Tile
        testId="kf-sent"
        label={word(figures.sent, 'promotion envoyée', 'promotions envoyées')}
        value={count(figures.sent)}
        detail={figures.profiles !== null ? `${count(figures.profiles)} ${word(figures.profiles, 'profil promu', 'profils promus')}` : undefined}
      />
      <Tile
        testId="kf-reply-rate"
        label="taux de réponse des employeurs"
        value={percent(figures.replyRate)}
        detail={`${count(figures.replied)} ${word(figures.replied, 'réponse', 'réponses')}`}
      />
      <Tile testId="kf-median" label="délai médian de première réponse" value={days(figures.medianDaysToReply)} detail={figures.meanDaysToReply !== null ? `moyenne : ${days(figures.meanDaysToReply)}` : undefined} />
      <Tile testId="kf-interviews" label={word(figures.interviews, 'entretien ou essai', 'entretiens ou essais')} value={count(figures.interviews)} />
      <Tile testId="kf-hires" label={word(figures.hires, 'embauche', 'embauches')} value={count(figures.hires)} detail={`${percent(figures.hireRate)} des promotions`} />
      {figures.flagged > 0 && (
        <Tile
          testId="kf-flagged"
          label={word(figures.flagged, 'promotion à vérifier', 'promotions à vérifier')}
          value={count(figures.flagged)}
          detail={figures.flagged > 1 ? 'un événement à contrôler dans leur historique' : 'un événement à contrôler dans son historique'}
        />
      )}
    </section>
  );
}
