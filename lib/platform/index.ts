/**
 * The one wrapper over browser APIs. Business code imports from here, never `browser.*`,
 * so Chrome/Firefox differences (side panel vs sidebar) and test fakes stay in one place.
 */
import { browser } from 'wxt/browser';

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
  /** The tab in front in window `windowId`, by default in the caller's window. */
  async activeTabId(windowId?: number): Promise<number | undefined> {
    const [tab] = await browser.tabs.query(windowId === undefined ? { active: true, currentWindow: true } : { active: true, windowId });
    return tab?.id;
  },
  /** Brings an existing tab to the front; false when it is gone. */
  async focus(tabId: number): Promise<boolean> {
    try {
      await browser.tabs.update(tabId, { active: true });
      return true;
    } catch {
      return false;
    }
  },
  /** Opens `url` in a new tab, in the front or behind the current one; returns its id. */
  async open(url: string, active: boolean): Promise<number> {
    const tab = await browser.tabs.create({ url, active });
    return tab.id!;
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
  /** A tab came to the front, in any window (`windowId` says which). */
  onActivated(listener: (tabId: number, windowId: number) => void): () => void {
    const handler = (info: { tabId: number; windowId: number }) => listener(info.tabId, info.windowId);
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

type PanelApis = {
  sidePanel?: {
    setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void>;
    open(o: { windowId: number }): Promise<void>;
  };
  sidebarAction?: { open(): Promise<void> };
};
const panelApis = () => browser as unknown as PanelApis;

/**
 * The toolbar button opens the popup (declared by entrypoints/popup). Chrome remembers a panel
 * behaviour set by an earlier version, so it is switched off explicitly; Firefox needs nothing.
 */
export async function actionOpensPopup(): Promise<void> {
  await panelApis().sidePanel?.setPanelBehavior({ openPanelOnActionClick: false });
}

/**
 * Opens the side panel (Chrome) or the sidebar (Firefox). Call it straight from a click handler:
 * both browsers require a user gesture, so nothing may be awaited before it.
 */
export function openSidePanel(windowId: number | undefined): Promise<void> {
  const apis = panelApis();
  if (apis.sidePanel && windowId !== undefined) return apis.sidePanel.open({ windowId });
  if (apis.sidebarAction) return apis.sidebarAction.open();
  return Promise.reject(new Error('side panel unavailable'));
}

export const windows = {
  async currentId(): Promise<number | undefined> {
    return (await browser.windows.getCurrent())?.id;
  },
};

/** Extension storage that persists across browser restarts: settings and the reminder schedule, no personal data. */
export const localStore = {
  async get<T>(key: string): Promise<T | undefined> {
    const found = await browser.storage.local.get(key);
    return found[key] as T | undefined;
  },
  async getAll(): Promise<Record<string, unknown>> {
    return browser.storage.local.get(null);
  },
  async set(key: string, value: unknown): Promise<void> {
    await browser.storage.local.set({ [key]: value });
  },
  async remove(key: string): Promise<void> {
    await browser.storage.local.remove(key);
  },
  onChanged(listener: (keys: string[]) => void): () => void {
    const handler = (changes: Record<string, unknown>) => listener(Object.keys(changes));
    browser.storage.local.onChanged.addListener(handler);
    return () => browser.storage.local.onChanged.removeListener(handler);
  },
};

/** How long a read of the policy may wait for the browser before the last policy read stands in for it. */
export const MANAGED_READ_LIMIT_MS = 2000;
/** The last policy the browser handed over, in storage.local: what stands in while the browser is slow. */
export const MANAGED_CACHE_KEY = 'policy.lastRead';
/** Written when the browser's answer came after callers went on with another policy: they read it again. */
export const MANAGED_LATE_ANSWER_KEY = 'policy.lateAnswerAt';

interface ManagedRead {
  answer: Promise<Record<string, unknown>>;
  /** When the pages stop waiting for it (a browser that never answers is asked once). */
  giveUpAt: number;
  /** What the callers were given instead, as JSON, once they gave up. */
  servedInstead?: string;
}
let managedRead: ManagedRead | undefined;
let lastManaged: Record<string, unknown> | undefined;
let slowReported = false;

function readManaged(limitMs: number): ManagedRead {
  if (managedRead) return managedRead;
  const read: ManagedRead = { answer: Promise.resolve({}), giveUpAt: Date.now() + limitMs };
  read.answer = Promise.resolve()
    .then(() => browser.storage.managed.get(null))
    .then((found) => found ?? {}, () => ({}))
    .then(async (found) => {
      const json = JSON.stringify(found);
      if (json !== JSON.stringify(lastManaged ?? (await localStore.get(MANAGED_CACHE_KEY)))) {
        await localStore.set(MANAGED_CACHE_KEY, found).catch(() => undefined);
      }
      lastManaged = found;
      // Only a late answer that differs from what the callers went on with is news (onChanged).
      if (read.servedInstead !== undefined && read.servedInstead !== json) {
        await localStore.set(MANAGED_LATE_ANSWER_KEY, Date.now()).catch(() => undefined);
      }
      return found;
    })
    .finally(() => (managedRead = undefined));
  managedRead = read;
  return read;
}

/**
 * The administrator's policy (`storage.managed`, read-only): Chrome/Edge enterprise policy for the extension,
 * Firefox `policies.json` → `3rdparty.Extensions`. Absent (no policy, no schema, Firefox without a managed
 * manifest) or unreadable, it is `{}`: the extension then runs on the counsellor's options.
 * Chromium may take seconds to hand it over while its policy service starts, or never answer: every caller
 * (settings, the tools' addresses) would then wait forever. `MANAGED_READ_LIMIT_MS` after the browser was asked,
 * the last policy read stands in (`{}` on an install that never read one) for every caller until the browser
 * answers, and the late answer is announced by `onChanged`.
 */
export const managedStore = {
  async getAll(limitMs = MANAGED_READ_LIMIT_MS): Promise<Record<string, unknown>> {
    const read = readManaged(limitMs);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, Math.max(0, read.giveUpAt - Date.now()), undefined)));
    const found = await Promise.race([read.answer, late]).finally(() => clearTimeout(timer));
    if (found) return found;
    if (!slowReported) {
      slowReported = true;
      console.warn('Profilence : le navigateur tarde à donner la stratégie de l’administrateur ; la dernière lue s’applique en attendant.');
    }
    const cached = lastManaged ?? (await localStore.get<Record<string, unknown>>(MANAGED_CACHE_KEY).catch(() => undefined));
    const instead = cached && typeof cached === 'object' ? cached : {};
    read.servedInstead ??= JSON.stringify(instead);
    return instead;
  },
  /** The administrator changed the policy (browsers re-read it while running), or the browser's late answer came. */
  onChanged(listener: () => void): () => void {
    const handler = (changes: Record<string, unknown>, area: string) => {
      if (area === 'managed' || (area === 'local' && MANAGED_LATE_ANSWER_KEY in changes)) listener();
    };
    browser.storage.onChanged.addListener(handler);
    return () => browser.storage.onChanged.removeListener(handler);
  },
};

export const alarms = {
  /** Creates or replaces the alarm `name`. */
  async create(name: string, info: { when?: number; periodInMinutes?: number; delayInMinutes?: number }): Promise<void> {
    await browser.alarms.create(name, info);
  },
  async get(name: string): Promise<{ name: string; scheduledTime: number; periodInMinutes?: number } | undefined> {
    return (await browser.alarms.get(name)) ?? undefined;
  },
  async clear(name: string): Promise<void> {
    await browser.alarms.clear(name);
  },
  onAlarm(listener: (name: string) => void): void {
    browser.alarms.onAlarm.addListener((alarm) => listener(alarm.name));
  },
};

export const runtimeEvents = {
  /** The browser started with this profile. */
  onStartup(listener: () => void): void {
    browser.runtime.onStartup.addListener(listener);
  },
  /** The extension was installed or updated. */
  onInstalled(listener: () => void): void {
    browser.runtime.onInstalled.addListener(() => listener());
  },
};

/** The toolbar button: `action` (Manifest V3), `browserAction` in the Firefox build (Manifest V2). */
const toolbarAction = (): typeof browser.action =>
  browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

export const badge = {
  async set(text: string, color = '#000091'): Promise<void> {
    await toolbarAction().setBadgeText({ text });
    if (text) await toolbarAction().setBadgeBackgroundColor({ color });
  },
  async get(): Promise<string> {
    return toolbarAction().getBadgeText({});
  },
};

export const notifications = {
  async show(id: string, options: { title: string; message: string; iconUrl: string }): Promise<void> {
    await browser.notifications.create(id, { type: 'basic', ...options });
  },
  async clear(id: string): Promise<void> {
    await browser.notifications.clear(id);
  },
  onClicked(listener: (id: string) => void): void {
    browser.notifications.onClicked.addListener(listener);
  },
};

/** Shows the toolbar popup; where the browser cannot (no focused window, older versions) opens it in a tab. */
export async function openPopup(): Promise<void> {
  try {
    await toolbarAction().openPopup();
  } catch {
    await browser.tabs.create({ url: extensionUrl('/popup.html'), active: true });
  }
}

export const openOptionsPage = () => browser.runtime.openOptionsPage();

/** Sign-in at an identity provider in a browser window (permission `identity`); resolves with the redirect URL. */
export const identity = {
  redirectUrl: () => browser.identity.getRedirectURL(),
  /** `interactive: false` shows nothing: it succeeds only if the provider redirects at once (its own session). */
  launchWebAuthFlow: (url: string, interactive = true) => browser.identity.launchWebAuthFlow({ url, interactive }),
};

/** The network as the browser sees it (service worker or page). */
export const network = {
  isOnline: () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false),
  onOnline(listener: () => void): void {
    globalThis.addEventListener?.('online', listener);
  },
};

/** Match patterns of a content script, read from the built manifest: the build-time origins are the truth. */
export function contentScriptMatches(scriptFile: string): string[] {
  const manifest = browser.runtime.getManifest();
  return (manifest.content_scripts ?? [])
    .filter((s) => s.js?.some((js) => js.includes(scriptFile)))
    .flatMap((s) => s.matches ?? []);
}
