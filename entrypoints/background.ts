import { registerReaderHealth } from '@/lib/background/reader-health';
import { createReminderScheduler, registerReminders } from '@/lib/background/reminders';
import { repliesWaiting } from '@/lib/background/replies';
import { registerMessageHandlers } from '@/lib/background/router';
import { registerSync } from '@/lib/background/sync';
import { forgetTab } from '@/lib/background/tab-contexts';
import { actionOpensPopup, tabs } from '@/lib/platform';
import { dropExpiredRecords, openDb } from '@/lib/store';

export default defineBackground(() => {
  const db = openDb();
  // Retention: what is 24 months past its last event leaves this install at start-up, as it leaves the server.
  void dropExpiredRecords(db).catch(() => undefined);
  // Listeners are registered synchronously at start-up: a service worker woken by an event must find them.
  // Hourly alarm, start-up catch-up, badge (follow-ups due and replies to record) and daily notification.
  const reminders = registerReminders(db, createReminderScheduler(db, { repliesWaiting: () => repliesWaiting(db) }));
  registerMessageHandlers(db, reminders);
  // Sync with the central endpoint: every minute, ~2 s after each write, when the network returns.
  const sync = registerSync(db);
  // The readers' health counts, sent once a day through the same transport (docs/readers-health.md).
  registerReaderHealth(db, sync.transport);
  tabs.onRemoved((tabId) => void forgetTab(tabId));
  // A new document replaces the old reading; its content script sends a fresh one if the page is known.
  tabs.onNavigationStarted((tabId) => void forgetTab(tabId));
  // The toolbar button opens the popup (follow-ups); the popup's button opens the side panel.
  void actionOpensPopup();
});
