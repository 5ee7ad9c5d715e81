/**
 * Debian's Firefox ESR with the Firefox build of the extension (.output/firefox-mv2), driven by puppeteer-core
 * over WebDriver BiDi (Playwright's Firefox does not launch ESR). The add-on id is fixed in the manifest and
 * its moz-extension UUID set by preference, so the sidebar page can be opened in a tab.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ADDON_ID = 'profilence@francetravail.fr';
const EXTENSION_UUID = '3b1f7c9e-5a2d-4c8e-9f10-6d2a1b0c4e57';

export interface FirefoxWithExtension {
  browser: Browser;
  /** Opens an extension page (`sidepanel.html` is the sidebar's page) in a tab; resolves once it shows `text`. */
  openExtensionPage(path: string, text: string): Promise<Page>;
  close(): Promise<void>;
}

export const firefoxAvailable = () => existsSync(FIREFOX) && existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'));

export async function launchFirefoxWithExtension(): Promise<FirefoxWithExtension> {
  const profile = mkdtempSync(join(tmpdir(), 'profilence-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    // Lets the BiDi session open the extension's own pages in a tab.
    args: ['--remote-allow-system-access'],
    userDataDir: profile,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
      // Chromium resolves *.localhost to loopback by itself; Firefox is told.
      'network.dns.localDomains': 'dossiers.localhost,entreprises.localhost,messagerie.localhost',
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  return {
    browser,
    async openExtensionPage(path, text) {
      const page = await browser.newPage();
      // `goto` on a moz-extension page never resolves: wait for what the page shows instead.
      page.goto(`moz-extension://${EXTENSION_UUID}/${path}`).catch(() => undefined);
      await untilTrue(page, (wanted) => !!document.body?.innerText.includes(wanted), text);
      return page;
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Fails the test on any dialog: a real webmail shows none when a message is sent. */
export function failOnDialog(page: Page, seen: string[]): void {
  page.on('dialog', (dialog) => {
    seen.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
}

/**
 * Resolves once `predicate` (run in the page) returns true, asking every 100 ms for up to `timeout` ms. Puppeteer's
 * own waits fail on a loaded machine with Firefox ESR: their requestAnimationFrame polling stalls in a background
 * tab (the panel is one), and a query sent while the tab navigates fails with a protocol error (« right-hand side
 * of 'in' should be an object, got null »), which is asked again here. On timeout, says what the page showed.
 */
export async function untilTrue(page: Page, predicate: (...args: string[]) => boolean, ...args: string[]): Promise<void> {
  const timeout = 30_000;
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      if (await page.evaluate(predicate, ...args)) return;
    } catch (error) {
      if (!isProtocolError(error)) throw error;
    }
    if (Date.now() > deadline) {
      const shown = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '(illisible)');
      throw new Error(`Attente dépassée (${timeout} ms) sur ${page.url()} : ${predicate.toString()} — la page affiche : ${shown.slice(0, 1500)}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Clicks, through the DOM, the button of `scope` whose text is `label`, once it shows and is enabled. */
export async function clickButton(page: Page, label: string, scope = 'body'): Promise<void> {
  // Written out in both callbacks: a function given to `evaluate` runs in the page, without this module's scope.
  await untilTrue(
    page,
    (root, text) => [...document.querySelectorAll<HTMLButtonElement>(`${root} button`)].some((b) => b.textContent?.trim() === text && !b.disabled),
    scope,
    label,
  );
  await page.evaluate(
    (root, text) => [...document.querySelectorAll<HTMLButtonElement>(`${root} button`)].find((b) => b.textContent?.trim() === text && !b.disabled)!.click(),
    scope,
    label,
  );
}

/** True when `error`, or one of its causes, is a protocol error of the BiDi session. */
function isProtocolError(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) if (e.name === 'ProtocolError' || /protocol error/i.test(e.message)) return true;
  return false;
}
