/**
 * The one e2e harness: real headless Chromium with the built extension loaded, the demo legacy tools on loopback,
 * and a guard that fails the test on any browser dialog it did not declare (Playwright would answer it silently).
 * Build first (`npm test` does): the extension is read from .output/chrome-mv3.
 *
 *   describe('…', () => {
 *     const { browser, demo } = useExtension({ demo: true });
 *     it('…', async () => { browser.expectDialog({ type: 'confirm', message: /Supprimer/ }); … });
 *   });
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Dialog, type Page, type Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startDemo, type DemoServer } from '../../demo/server';
import { missingTool } from '../support/tools';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExpectedDialog {
  type?: 'alert' | 'confirm' | 'prompt' | 'beforeunload';
  /** The dialog's text, exactly or by pattern. */
  message?: string | RegExp;
  /** How the user answers: accept (default) or dismiss. */
  accept?: boolean;
  /** Typed into a prompt before accepting it. */
  promptText?: string;
}

/** The part of `chrome.windows` the harness uses, from inside an extension page. */
interface ChromeWindows {
  windows: { getCurrent(): Promise<{ id: number }>; create(o: { url: string; type: 'popup'; width: number; height: number }): Promise<unknown> };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /**
   * Opens an extension page in a tab. The side panel's page (`sidepanel.html…`) opens in a window of its own,
   * beside the window of the tools whose tabs it follows (the `?window=` hook of test builds): visible there, it is
   * drawn like a real side panel, while a page in a background tab is drawn about once a second and every click
   * on it waited for two frames.
   */
  openExtensionPage(path: string): Promise<Page>;
  /** Declares a dialog the test's next actions will open, and the user's answer. Any other dialog fails the test. */
  expectDialog(expected: ExpectedDialog): void;
  /** What went wrong with dialogs since the last call: undeclared ones, and declared ones that never opened. */
  takeDialogProblems(): string[];
  close(): Promise<void>;
}

function matches(expected: ExpectedDialog, dialog: Dialog): boolean {
  if (expected.type && expected.type !== dialog.type()) return false;
  if (expected.message === undefined) return true;
  return typeof expected.message === 'string' ? dialog.message() === expected.message : expected.message.test(dialog.message());
}

const describeDialog = (d: ExpectedDialog) => `${d.type ?? 'dialogue'}${d.message === undefined ? '' : ` « ${String(d.message)} »`}`;

/** Answers declared dialogs as declared; records every other one (and answers it the way Playwright would). */
function guardDialogs(context: BrowserContext): Pick<ExtensionBrowser, 'expectDialog' | 'takeDialogProblems'> {
  let expected: ExpectedDialog[] = [];
  const problems: string[] = [];
  const watch = (page: Page) =>
    page.on('dialog', (dialog) => {
      const index = expected.findIndex((e) => matches(e, dialog));
      if (index >= 0) {
        const [declared] = expected.splice(index, 1);
        void (declared!.accept === false ? dialog.dismiss() : dialog.accept(declared!.promptText)).catch(() => {});
        return;
      }
      const text = dialog.message() ? ` « ${dialog.message()} »` : '';
      problems.push(`Dialogue inattendu (${dialog.type()})${text} sur ${page.url()}`);
      // Let a navigation go on past « Quitter le site ? » so the test reports the dialog, not a timeout.
      void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()).catch(() => {});
    });
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    expectDialog(dialog) {
      expected.push(dialog);
    },
    takeDialogProblems() {
      const all = [...problems, ...expected.map((e) => `Dialogue attendu jamais ouvert : ${describeDialog(e)}`)];
      problems.length = 0;
      expected = [];
      return all;
    },
  };
}

/**
 * Chromium with the built extension on a profile folder: headless, and without the background connections this
 * closed network refuses. A profile kept between two launches makes the second one a browser restart.
 */
export const launchChromiumProfile = (userDataDir: string): Promise<BrowserContext> =>
  chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });

export async function launchWithExtension(): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`Extension non construite : lancez « WXT_PROFILENCE_TEST_HOOKS=1 npx wxt build » (attendu dans ${EXTENSION_DIR}).`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'profilence-chromium-'));
  const context = await launchChromiumProfile(userDataDir);
  const dialogs = guardDialogs(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    ...dialogs,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      if (!/^sidepanel\.html(\?|$)/.test(path)) return page;
      // The tab asks for the panel's window (as the side panel of the tools' window), then closes.
      const opened = context.waitForEvent('page', (p) => p.url().includes('window='));
      await page.evaluate(async () => {
        const { chrome } = globalThis as unknown as { chrome: ChromeWindows };
        const tools = await chrome.windows.getCurrent();
        const url = new URL(location.href);
        url.searchParams.set('window', String(tools.id));
        await chrome.windows.create({ url: url.href, type: 'popup', width: 420, height: 1100 });
      });
      const panel = await opened;
      await page.close();
      await panel.waitForLoadState('domcontentloaded');
      return panel;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Stands for an object that exists only once `beforeAll` has run, so a suite can destructure it up front. */
function late<T extends object>(name: string, get: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_, key) {
      const target = get();
      if (!target) throw new Error(`${name} n'est pas démarré (utilisable dans les tests et les hooks, après beforeAll).`);
      const value = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export interface E2E {
  browser: ExtensionBrowser;
  /** The demo tools; only with `useExtension({ demo: true })`. */
  demo: DemoServer;
}

export interface E2EOptions {
  /** Also start the demo legacy tools (job-seeker files, establishments, webmail). */
  demo?: boolean;
  /** More setup once browser and demo run (seeding pages, settings), in the same `beforeAll`. */
  setup?: (e2e: E2E) => Promise<void>;
}

/**
 * Registers, in the calling `describe`, the start and stop of the browser (and demo), and the dialog check after
 * each test. Without Chromium the tests are skipped (counted as skipped), except in CI where it is a failure.
 */
export function useExtension(options: E2EOptions = {}): E2E {
  const missing = missingTool(`Chromium (${CHROMIUM})`, existsSync(CHROMIUM));
  let browser: ExtensionBrowser | undefined;
  let demo: DemoServer | undefined;
  const e2e: E2E = {
    browser: late('Le navigateur', () => browser),
    demo: late('La démo', () => (options.demo ? demo : undefined)),
  };
  beforeAll(async () => {
    if (missing) return;
    if (options.demo) demo = await startDemo({ port: 0 });
    browser = await launchWithExtension();
    await options.setup?.(e2e);
  });
  beforeEach((context) => {
    if (missing) context.skip(missing);
  });
  afterEach(() => {
    const problems = browser?.takeDialogProblems() ?? [];
    if (problems.length > 0) throw new Error(problems.join('\n'));
  });
  afterAll(async () => {
    const problems = browser?.takeDialogProblems() ?? [];
    await browser?.close();
    await demo?.close();
    if (problems.length > 0) throw new Error(problems.join('\n'));
  });
  return e2e;
}

/** Waits until the element with `data-testid` shows `text` (panels update asynchronously). */
export async function waitForTestIdText(page: Page, testId: string, text: string, timeout = 15_000): Promise<string> {
  const locator = page.locator(`[data-testid="${testId}"]`).filter({ hasText: text }).first();
  await locator.waitFor({ state: 'attached', timeout });
  return (await locator.textContent()) ?? '';
}
