// Consent read from the value on redesigned files (issue 18): a refusal or a doubt leaves every action disabled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemo } from '../../demo/server';
import { launchWithExtension, type ExtensionBrowser } from './harness';

const ACTIONS = /Promouvoir ce profil|Recommander pour une promotion|Ajouter au vivier|Préparer l.e-mail|Appel passé|Visite faite/;

describe('consent on redesigned job-seeker files (Chromium, built extension)', () => {
  let demo: Awaited<ReturnType<typeof startDemo>>;
  let browser: ExtensionBrowser;
  const unexpectedDialogs: string[] = [];

  beforeAll(async () => {
    demo = await startDemo({ port: 0 });
    browser = await launchWithExtension();
    browser.context.on('page', (page) => page.on('dialog', (d) => void (unexpectedDialogs.push(d.message()), d.dismiss())));
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  async function openFile(ftId: string): Promise<{ panel: Page; page: Page }> {
    const panel = await browser.openExtensionPage('sidepanel.html');
    const page = await browser.context.newPage();
    await page.goto(`http://dossiers.localhost:${demo.port}/dossier/${ftId}`);
    await page.bringToFront();
    return { panel, page };
  }

  /** Every promotion or pool button the panel shows, with whether it can be pressed. */
  async function actions(panel: Page): Promise<{ name: string; enabled: boolean }[]> {
    const buttons = panel.getByRole('button', { name: ACTIONS });
    const found = [];
    for (let i = 0; i < (await buttons.count()); i++) {
      const button = buttons.nth(i);
      found.push({ name: ((await button.textContent()) ?? '').trim(), enabled: await button.isEnabled() });
    }
    return found;
  }

  it('an unticked switch beside « Promotion du profil autorisée » reads as a refusal: no action is active', async () => {
    const { panel, page } = await openFile('7201930K');
    // The legacy page itself shows the label and an unticked switch.
    expect(await page.getByRole('switch', { name: 'Promotion du profil autorisée' }).isChecked()).toBe(false);
    await panel.getByText('Bastien CARON').waitFor();
    await panel.getByText('Promotion du profil non autorisée.').waitFor();
    expect(await panel.getByRole('button', { name: 'Promouvoir ce profil' }).isDisabled()).toBe(true);
    const found = await actions(panel);
    expect(found.map((a) => a.name)).toContain('Promouvoir ce profil');
    expect(found.filter((a) => a.enabled)).toEqual([]);
    expect(unexpectedDialogs).toEqual([]);
    await Promise.all([panel.close(), page.close()]);
  });

  it('a consent the page does not establish says so in those words, and disables promotion and the pool', async () => {
    const { panel, page } = await openFile('7301942L');
    await panel.getByText('Consentement illisible sur cette page : vérifiez le dossier avant toute promotion', { exact: true }).waitFor();
    await panel.getByText(/Non trouvé sur la page : .*Consentement à la promotion/).waitFor();
    expect(await panel.getByRole('button', { name: 'Promouvoir ce profil' }).isDisabled()).toBe(true);
    expect(await panel.getByRole('button', { name: 'Recommander pour une promotion' }).isDisabled()).toBe(true);
    expect((await actions(panel)).filter((a) => a.enabled)).toEqual([]);
    await panel.screenshot({ path: '/tmp/consent-unreadable.png', fullPage: true });
    expect(unexpectedDialogs).toEqual([]);
    await Promise.all([panel.close(), page.close()]);
  });

  it('a granted consent leaves « Promouvoir ce profil » active, and the promotion keeps how consent was read', async () => {
    const establishment = await browser.context.newPage();
    await establishment.goto(`http://entreprises.localhost:${demo.port}/etablissement/73282932000074`);
    const { panel, page } = await openFile('1234567A');
    await panel.getByText('Promotion autorisée depuis le 12/03/2025').waitFor();
    await panel.getByRole('button', { name: 'Promouvoir ce profil' }).click();
    await panel.getByLabel(/LOGICIELS DU RHÔNE/).waitFor();
    await panel.getByRole('button', { name: 'Appel passé' }).click();
    await panel.getByRole('status').filter({ hasText: /enregistr/i }).first().waitFor();
    // The record the background wrote (and will sync): its consent evidence is the file's wording and date.
    const stored = await panel.evaluate(
      () =>
        new Promise<unknown[]>((resolve, reject) => {
          const open = indexedDB.open('profilence');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('promotions').objectStore('promotions').getAll();
            request.onsuccess = () => resolve(request.result.map((p: { consentEvidence?: unknown }) => p.consentEvidence));
          };
        }),
    );
    expect(stored).toEqual([{ wording: 'Autorisée depuis le 12/03/2025', date: '2025-03-12', pageKind: 'profile', readAt: expect.any(String) }]);
    expect(unexpectedDialogs).toEqual([]);
    await Promise.all([panel.close(), page.close(), establishment.close()]);
  });
});
