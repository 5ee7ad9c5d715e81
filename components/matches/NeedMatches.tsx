/**
 * On a job-seeker file with consent: the open needs of the agency board that fit (same job, then same ROME
 * domain, within the mobility radius). « Promouvoir » opens the establishment in the background and opens
 * this file's promotion form with it ticked.
 */
import { useState } from 'preact/hooks';
import type { JobSeekerProfile } from '@/lib/domain/legacy';
import { matchNeedsForProfile } from '@/lib/domain/matching';
import { listNeeds, type StoredNeed } from '@/lib/store';
import { boardCommand } from '../board/commands';
import { MATCH_TIER_LABELS } from '@/lib/domain/labels';
import { distanceText } from './distance';
import { needSummary } from '../board/NeedItem';
import '../board/board.css';
import { useLiveQuery } from '../hooks/use-live-query';
import { uiDb } from '../promotion/db';
import { useLocate } from './use-locate';

export function NeedMatches({ profile, now }: { profile: JobSeekerProfile; now?: Date }) {
  const locate = useLocate();
  const needs = useLiveQuery<StoredNeed[]>(() => listNeeds(uiDb(), { status: 'open', now }), [], []);
  const [feedback, setFeedback] = useState<{ kind: 'success' | 'error'; text: string }>();
  const [busy, setBusy] = useState(false);

  if (!profile.promotionConsent.granted || !locate) return null;
  const matches = matchNeedsForProfile(profile, needs, locate, now ?? new Date());

  async function promote(need: StoredNeed) {
    setBusy(true);
    setFeedback(undefined);
    const outcome = await boardCommand('promotion.openFor', { open: 'establishment', siret: need.siret, ftId: profile.ftId });
    setBusy(false);
    if (!outcome.ok) return setFeedback({ kind: 'error', text: outcome.message });
    setFeedback({
      kind: 'success',
      text: `La fiche de ${need.establishmentName} s'ouvre dans un autre onglet ; l'établissement est coché dans « Promouvoir ce profil ».`,
    });
    document.querySelector('[data-testid="promote-form"]')?.scrollIntoView?.({ block: 'start' });
  }

  return (
    <section class="pf-section" data-testid="need-matches" aria-labelledby="need-matches-title">
      <h2 class="fr-h5" id="need-matches-title">
        Besoins de l'agence pour ce profil
      </h2>
      {matches.length === 0 ? (
        <p class="pf-muted">Aucun besoin ouvert du tableau ne correspond à ses métiers dans son rayon de mobilité.</p>
      ) : (
        <ul class="pf-cards" aria-label="Besoins correspondants">
          {matches.map(({ need, tier, distanceKm }) => {
            const summary = needSummary(need);
            return (
              <li key={need.id} data-testid="need-match">
                <p class="pf-card-title">
                  {need.label}
                  {need.rome ? ` (${need.rome})` : ''}
                </p>
                <p class="pf-card-text">
                  {need.establishmentName}, {need.city} · <span data-testid="need-match-distance">{distanceText(distanceKm)}</span>
                </p>
                <p class="pf-muted fr-mb-0">
                  {MATCH_TIER_LABELS[tier]}
                  {summary ? ` · ${summary}` : ''}
                </p>
                <button
                  type="button"
                  class="fr-btn fr-btn--sm fr-mt-1w"
                  disabled={busy}
                  aria-label={`Promouvoir auprès de ${need.establishmentName} (${need.label})`}
                  onClick={() => void promote(need)}
                >
                  Promouvoir
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {feedback && (
        <div class={`fr-alert fr-alert--${feedback.kind} fr-alert--sm fr-mt-1w`} role={feedback.kind === 'error' ? 'alert' : 'status'} data-testid="need-match-feedback">
          <p>{feedback.text}</p>
        </div>
      )}
    </section>
  );
}
