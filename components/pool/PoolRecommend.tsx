/**
 * On a job-seeker file with consent: « Recommander pour une promotion » puts the profile in the agency pool
 * with a short, editable presentation; its author then sees it and marks it « En emploi » or « Retirer ».
 */
import { useState } from 'preact/hooks';
import { authorLabel, isAuthor } from '@/lib/domain/agent';
import { isConsentUnreadable, type JobSeekerProfile } from '@/lib/domain/legacy';
import { defaultPoolPitch, listPool, type StoredPoolEntry } from '@/lib/store';
import { boardCommand } from '../board/commands';
import { useSignedInAgent } from '../board/use-counsellor';
import '../board/board.css';
import { useLiveQuery } from '../hooks/use-live-query';
import { uiDb } from '../promotion/db';
import { PoolItem } from './PoolItem';

interface Props {
  profile: JobSeekerProfile;
  tabId: number;
}

export function PoolRecommend({ profile, tabId }: Props) {
  // The author of an entry may update it: the signed-in agent, never the file's banner.
  const agent = useSignedInAgent();
  const entries = useLiveQuery<StoredPoolEntry[]>(() => listPool(uiDb(), { ftId: profile.ftId }), [profile.ftId], []);
  const [editing, setEditing] = useState(false);
  const [pitch, setPitch] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  if (!profile.promotionConsent.granted && !isConsentUnreadable(profile.promotionConsent)) return null;
  if (!profile.promotionConsent.granted) {
    // Visible but disabled, with the reason: an unreadable consent is not a refusal, the counsellor checks the file.
    return (
      <section class="pf-section">
        <button class="fr-btn fr-btn--secondary" type="button" disabled aria-describedby="pool-disabled-reason">
          Recommander pour une promotion
        </button>
        <p id="pool-disabled-reason" class="fr-hint-text fr-mt-1w" data-testid="pool-disabled-reason">
          Indisponible tant que le consentement de la personne n'est pas lisible sur son dossier.
        </p>
      </section>
    );
  }
  const active = entries.find((e) => e.status === 'active');
  const text = pitch ?? defaultPoolPitch(profile);

  async function run(work: () => ReturnType<typeof boardCommand>) {
    setBusy(true);
    setError(undefined);
    const outcome = await work();
    setBusy(false);
    if (!outcome.ok) return setError(outcome.message);
    setEditing(false);
    setPitch(undefined);
  }

  const errorBox = error && (
    <div class="fr-alert fr-alert--error fr-alert--sm fr-mt-1w" role="alert" data-testid="pool-error">
      <p>{error}</p>
    </div>
  );

  if (active) {
    const mine = isAuthor(agent, active.addedBy, active.addedByName);
    return (
      <section class="pf-section" data-testid="pool-entry" aria-labelledby="pool-entry-title">
        <h2 class="fr-h5" id="pool-entry-title">
          Dans le vivier de l'agence
        </h2>
        <ul class="pf-cards">
          <PoolItem entry={active}>
            {mine ? (
              <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mt-1w" role="group" aria-label="Profil du vivier">
                <li>
                  <button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" disabled={busy} onClick={() => void run(() => boardCommand('pool.update', { id: active.id, status: 'placed' }))}>
                    En emploi
                  </button>
                </li>
                <li>
                  <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary" disabled={busy} onClick={() => void run(() => boardCommand('pool.update', { id: active.id, status: 'withdrawn' }))}>
                    Retirer
                  </button>
                </li>
              </ul>
            ) : (
              <p class="fr-hint-text fr-mt-1w">Seul·e {authorLabel(active.addedBy, active.addedByName)} peut le retirer ou indiquer qu'il est en emploi.</p>
            )}
          </PoolItem>
        </ul>
        {errorBox}
      </section>
    );
  }

  if (!editing) {
    return (
      <section class="pf-section">
        <button class="fr-btn fr-btn--secondary" type="button" data-testid="pool-recommend" onClick={() => setEditing(true)}>
          Recommander pour une promotion
        </button>
        <p class="fr-hint-text fr-mt-1w">Ajoute ce profil au vivier : les conseillers entreprises de l'agence pourront le proposer.</p>
      </section>
    );
  }

  return (
    <section class="pf-section" data-testid="pool-form" aria-labelledby="pool-form-title">
      <h2 class="fr-h5" id="pool-form-title">
        Recommander pour une promotion
      </h2>
      <form onSubmit={(e) => (e.preventDefault(), void run(() => boardCommand('pool.recommend', { jobSeekerTabId: tabId, pitch: text })))}>
        <div class="fr-input-group">
          <label class="fr-label" for="pool-pitch">
            Présentation pour les collègues
            <span class="fr-hint-text">Courte, sans nom de famille ni coordonnées ; modifiable.</span>
          </label>
          <textarea class="fr-input" id="pool-pitch" rows={5} maxLength={4000} required value={text} onInput={(e) => setPitch((e.target as HTMLTextAreaElement).value)} />
        </div>
        {errorBox}
        <ul class="fr-btns-group fr-btns-group--inline-sm">
          <li>
            <button class="fr-btn" type="submit" disabled={busy}>
              Ajouter au vivier
            </button>
          </li>
          <li>
            <button class="fr-btn fr-btn--tertiary" type="button" onClick={() => setEditing(false)}>
              Annuler
            </button>
          </li>
        </ul>
      </form>
    </section>
  );
}
