import { useEffect, useState } from 'preact/hooks';
import { onTabReadingsChanged } from '@/lib/messaging/changes';
import { sendMessage } from '@/lib/messaging/protocol';
import type { TabContext } from '@/lib/messaging/tab-context';
import { tabs } from '@/lib/platform';
import { panelWindowId } from './panel-window';

export type TabContextState =
  | { kind: 'loading' }
  | { kind: 'ready'; context: TabContext | null }
  | { kind: 'error'; message: string };

/**
 * The reading of the tab the counsellor is looking at in the panel's window, kept current as tabs change or
 * pages are re-read.
 */
export function useTabContext(): TabContextState {
  const [state, setState] = useState<TabContextState>({ kind: 'loading' });

  useEffect(() => {
    let alive = true;
    // Answers can come back out of order (a tab switch while the first reading is on its way): only the answer to
    // the latest request is shown, or an earlier tab's reading would stay on screen.
    let latest = 0;
    const ownWindow = panelWindowId();
    const refresh = async (tabId?: number) => {
      const request = ++latest;
      const current = () => alive && request === latest;
      try {
        const id = tabId ?? (await tabs.activeTabId(await ownWindow));
        const context = id === undefined ? null : await sendMessage('context.get', { tabId: id });
        if (current()) setState({ kind: 'ready', context });
      } catch {
        if (current()) setState({ kind: 'error', message: "Profilence n'a pas pu lire l'onglet actif. Rechargez la page." });
      }
    };
    void refresh();
    const stopTabs = tabs.onActivated((tabId, windowId) => {
      void ownWindow.then((own) => {
        if (own === undefined || own === windowId) void refresh(tabId);
      });
    });
    const stopStore = onTabReadingsChanged(() => void refresh());
    return () => {
      alive = false;
      stopTabs();
      stopStore();
    };
  }, []);

  return state;
}
