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
  /** Opens an extension page (`sidepanel.html` is the sidebar's page) in a tab; resolves once `selector` shows. */
  openExtensionPage(path: string, selector: string): Promise<Page>;
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
    async openExtensionPage(path, selector) {
      const page = await browser.newPage();
      // `goto` on a moz-extension page never resolves: wait for what the page shows instead.
      page.goto(`moz-extension://${EXTENSION_UUID}/${path}`).catch(() => undefined);
      await page.waitForSelector(selector, { timeout: 30_000 });
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
