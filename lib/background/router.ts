/** Message handlers of the background: sender checked first, payload parsed, then the work. */
import { assertExtensionPageSender, assertLegacyTabSender } from '@/lib/messaging/senders';
import { onMessage } from '@/lib/messaging/protocol';
import { contentScriptMatches, extensionId, extensionUrl, tabs } from '@/lib/platform';
import { getContext, saveReading } from './tab-contexts';

const LEGACY_SCRIPTS = ['dossier-demandeur', 'fiche-entreprise', 'messagerie'].map((t) => `content-scripts/${t}.js`);

function legacyPatterns(): string[] {
  return LEGACY_SCRIPTS.flatMap(contentScriptMatches);
}

export function registerMessageHandlers(): void {
  onMessage('page.read', async ({ data, sender }) => {
    const { tabId } = assertLegacyTabSender(sender, extensionId(), legacyPatterns());
    await saveReading(tabId, data);
  });

  onMessage('context.get', async ({ data, sender }) => {
    assertExtensionPageSender(sender, extensionId(), extensionUrl('/'));
    const tabId = data?.tabId ?? (await tabs.activeTabId());
    return tabId === undefined ? null : getContext(tabId);
  });
}
