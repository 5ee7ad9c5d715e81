/**
 * The toolbar popup: follow-ups due first, then the upcoming ones, each actionable in one click;
 * a button to open the side panel, a link to the settings.
 */
import { useEffect, useState } from 'preact/hooks';
import type { FollowUpItem } from '@/lib/reminders/follow-up-list';
import { openOptionsPage, openSidePanel, windows } from '@/lib/platform';
import type { ProfilenceDb } from '@/lib/store';
import { plural } from '../format';
import { uiDb } from '../promotion/db';
import { FollowUpRow } from './FollowUpItem';
import { useFollowUps, type FollowUpState } from './use-follow-ups';

/** Beyond these, the list grows on request: a popup shows four or five follow-ups at a time anyway. */
export const DUE_PAGE = 10;
export const UPCOMING_PAGE = 5;

function Section({ title, items, due, page, testId }: { title: string; items: FollowUpItem[]; due: boolean; page: number; testId: string }) {
  const [shown, setShown] = useState(page);
  if (items.length === 0) return null;
  return (
    <section class="pf-section" data-testid={testId}>
      <h2 class="fr-h6 fr-mb-1w">
        {title} ({items.length})
      </h2>
      <ul class="pf-followups">
        {items.slice(0, shown).map((item) => (
          <FollowUpRow key={item.promotion.id} item={item} due={due} />
        ))}
      </ul>
      {items.length > shown && (
        <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline" onClick={() => setShown(shown + page)}>
          Afficher {plural(Math.min(page, items.length - shown), 'autre', 'autres')} ({plural(items.length - shown, 'restante', 'restantes')})
        </button>
      )}
    </section>
  );
}

export function PopupApp({ db = uiDb() }: { db?: ProfilenceDb }) {
  return <PopupView state={useFollowUps(db)} />;
}

/** The popup for a given state (undefined while loading): what the benchmark renders on its own. */
export function PopupView({ state }: { state: FollowUpState | undefined }) {
  const [windowId, setWindowId] = useState<number>();
  const [panelError, setPanelError] = useState<string>();

  // Known before the click: the side panel must open from the user gesture, with nothing awaited first.
  useEffect(() => void windows.currentId().then(setWindowId, () => undefined), []);

  const openPanel = () =>
    openSidePanel(windowId).then(
      () => window.close(),
      () => setPanelError("Le panneau latéral n'a pas pu s'ouvrir : ouvrez-le depuis le menu du navigateur."),
    );

  return (
    <main class="pf-popup" aria-live="polite">
      <header class="pf-popup__header">
        <h1 class="fr-h5 fr-mb-0">Suivi des promotions</h1>
        <button type="button" class="fr-btn fr-btn--sm" onClick={() => void openPanel()} data-testid="open-panel">
          Ouvrir le panneau latéral
        </button>
      </header>
      {panelError && (
        <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
          <p>{panelError}</p>
        </div>
      )}
      {!state ? (
        <p class="pf-muted">Chargement des relances…</p>
      ) : (
        <>
          {state.list.due.length === 0 && (
            <div class="fr-callout fr-mb-2w" data-testid="nothing-due">
              <h2 class="fr-callout__title fr-h6">Aucune relance à faire aujourd'hui</h2>
              <p class="fr-callout__text fr-text--sm">
                {state.waiting === 0
                  ? `Aucune promotion n'attend de réponse. Ouvrez un dossier demandeur puis le panneau latéral pour promouvoir un profil : Profilence vous proposera de relancer l'employeur ${state.settings.firstFollowUpDays} jours après l'envoi.`
                  : `${plural(state.waiting, 'promotion attend', 'promotions attendent')} une réponse. Profilence vous préviendra quand il sera temps de relancer.`}
              </p>
            </div>
          )}
          <Section title="À relancer" items={state.list.due} due page={DUE_PAGE} testId="due-list" />
          <Section title="Prochainement" items={state.list.upcoming} due={false} page={UPCOMING_PAGE} testId="upcoming-list" />
        </>
      )}
      <p class="fr-mb-0">
        <button type="button" class="fr-link fr-link--sm pf-linkish" onClick={() => void openOptionsPage()}>
          Réglages des relances
        </button>
      </p>
    </main>
  );
}
