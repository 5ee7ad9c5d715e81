import { registerMessageHandlers } from '@/lib/background/router';
import { forgetTab } from '@/lib/background/tab-contexts';
import { openPanelOnActionClick, tabs } from '@/lib/platform';
import { openDb } from '@/lib/store';

export default defineBackground(() => {
  const db = openDb();
  // Listeners are registered synchronously at start-up: a service worker woken by an event must find them.
  registerMessageHandlers(db);
  tabs.onRemoved((tabId) => void forgetTab(tabId));
  // A new document replaces the old reading; its content script sends a fresh one if the page is known.
  tabs.onNavigationStarted((tabId) => void forgetTab(tabId));
  void openPanelOnActionClick();
});
