import { useTabContext } from '../hooks/use-tab-context';
import { PageContext } from '../context/PageContext';

export function PanelApp() {
  const state = useTabContext();
  return (
    <main class="pf-panel" aria-live="polite">
      <h1 class="fr-sr-only">Profilence</h1>
      {state.kind === 'loading' && <p class="pf-muted">Lecture de l'onglet…</p>}
      {state.kind === 'error' && (
        <div class="fr-alert fr-alert--error fr-alert--sm" role="alert">
          <p>{state.message}</p>
        </div>
      )}
      {state.kind === 'ready' && <PageContext context={state.context} />}
    </main>
  );
}
