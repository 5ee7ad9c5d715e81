/**
 * The one wrapper over browser APIs. Business code imports from here, never `browser.*`,
 * so Chrome/Firefox differences (side panel vs sidebar) and test fakes stay in one place.
 */
import { browser } from 'wxt/browser';

export { browser };

export const extensionId = () => browser.runtime.id;
export const extensionUrl = (path = '/') => browser.runtime.getURL(path as '/');

/** Session storage: survives a stopped service worker, cleared when the browser closes (no personal data at rest). */
export const sessionStore = {
  async get<T>(key: string): Promise<T | undefined> {
    const found = await browser.storage.session.get(key);
    return found[key] as T | undefined;
  },
  async getAll(): Promise<Record<string, unknown>> {
    return browser.storage.session.get(null);
  },
  async set(key: string, value: unknown): Promise<void> {
    await browser.storage.session.set({ [key]: value });
  },
  async remove(key: string): Promise<void> {
    await browser.storage.session.remove(key);
  },
  onChanged(listener: (keys: string[]) => void): () => void {
    const handler = (changes: Record<string, unknown>) => listener(Object.keys(changes));
    browser.storage.session.onChanged.addListener(handler);
    return () => browser.storage.session.onChanged.removeListener(handler);
  },
};

export const tabs = {
  async activeTabId(): Promise<number | undefined> {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  },
  /** The tab hosting the calling extension page, when it is opened in a tab rather than the side panel. */
  async ownTabId(): Promise<number | undefined> {
    const tab = await browser.tabs.getCurrent();
    return tab?.id;
  },
  /** Shows `url` in tab `tabId` when it still exists, else in a new tab; returns the tab used. */
  async openOrNavigate(tabId: number | undefined, url: string): Promise<number> {
    if (tabId !== undefined) {
      try {
        const tab = await browser.tabs.update(tabId, { url, active: true });
        if (tab?.id !== undefined) return tab.id;
      } catch {
        /* closed meanwhile: open a new one */
      }
    }
    const created = await browser.tabs.create({ url, active: true });
    return created.id!;
  },
  onActivated(listener: (tabId: number) => void): () => void {
    const handler = (info: { tabId: number }) => listener(info.tabId);
    browser.tabs.onActivated.addListener(handler);
    return () => browser.tabs.onActivated.removeListener(handler);
  },
  onRemoved(listener: (tabId: number) => void): void {
    browser.tabs.onRemoved.addListener((tabId) => listener(tabId));
  },
  /** A new document starts loading in the tab (the URL is not needed, so no "tabs" permission). */
  onNavigationStarted(listener: (tabId: number) => void): void {
    browser.tabs.onUpdated.addListener((tabId, info) => {
      if (info.status === 'loading') listener(tabId);
    });
  },
};

/** Chrome opens the side panel from the toolbar button; Firefox shows the same page as a sidebar. */
export async function openPanelOnActionClick(): Promise<void> {
  const chromeLike = browser as unknown as {
    sidePanel?: { setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void> };
    sidebarAction?: { toggle(): Promise<void> };
  };
  if (chromeLike.sidePanel) {
    await chromeLike.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
  } else if (chromeLike.sidebarAction) {
    browser.action.onClicked.addListener(() => void chromeLike.sidebarAction!.toggle());
  }
}

/** Match patterns of a content script, read from the built manifest: the build-time origins are the truth. */
export function contentScriptMatches(scriptFile: string): string[] {
  const manifest = browser.runtime.getManifest();
  return (manifest.content_scripts ?? [])
    .filter((s) => s.js?.some((js) => js.includes(scriptFile)))
    .flatMap((s) => s.matches ?? []);
}
