import { useState } from 'preact/hooks';
import { useTabContext } from '../hooks/use-tab-context';
import { PageContext } from '../context/PageContext';
import { BoardView } from '../board/BoardView';
import { PanelTabs, type PanelTab } from '../board/PanelTabs';
import { PoolView } from '../pool/PoolView';
import { WorklistTab } from '../worklist/WorklistTab';
import { SyncStatus } from '../sync/SyncStatus';
import { DashboardLink } from '../dashboard/DashboardLink';

export function PanelApp() {
  const state = useTabContext();
  const [tab, setTab] = useState<PanelTab>('page');
  return (
    <main class="pf-panel">
      <h1 class="fr-sr-only">Profilence</h1>
      <PanelTabs current={tab} onChange={setTab}>
        {tab === 'page' && (
          <div aria-live="polite">
            {state.kind === 'loading' && <p class="pf-muted">Lecture de l'onglet…</p>}
            {state.kind === 'error' && (
              <div class="fr-alert fr-alert--error fr-alert--sm" role="alert">
                <p>{state.message}</p>
              </div>
            )}
            {state.kind === 'ready' && <PageContext context={state.context} />}
          </div>
        )}
        {tab === 'board' && <BoardView onOpened={() => setTab('page')} />}
        {tab === 'pool' && <PoolView onOpened={() => setTab('page')} />}
        {tab === 'worklist' && <WorklistTab onOpened={() => setTab('page')} />}
      </PanelTabs>
      <SyncStatus />
      <footer>
        <DashboardLink />
      </footer>
    </main>
  );
}
