// axe-core on every extension page, in real Chromium: no serious or critical violation,
// and every action reachable with the keyboard.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useExtension, waitForTestIdText } from './harness';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe in the page through the debugging protocol (the extension's CSP forbids injected scripts). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(`${axeSource}\n;0`);
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations)`)) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) : ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility of the extension pages (axe-core, Chromium)', () => {
  const { browser, demo } = useExtension({ demo: true });

  it('side panel on a job-seeker file, with the promotion form open', async () => {
    const establishment = await browser.context.newPage();
    await establishment.goto(demo.url('fiche-entreprise', '/etablissement/73282932000074'));
    const panel = await browser.openExtensionPage('sidepanel.html');
    const file = await browser.context.newPage();
    await file.goto(demo.url('dossier-demandeur', '/dossier/1234567A'));
    await file.bringToFront();
    await waitForTestIdText(panel, 'profile-name', 'Marie');
    // Keyboard only: Tab to « Promouvoir ce profil » and press Enter (the panel follows the file's tab,
    // so it is driven without being brought to the front).
    let focused = '';
    for (let i = 0; i < 40 && focused !== 'Promouvoir ce profil'; i++) {
      await panel.keyboard.press('Tab');
      focused = await panel.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    }
    expect(focused).toBe('Promouvoir ce profil');
    await panel.keyboard.press('Enter');
    await panel.getByTestId('promote-form').waitFor();
    expect(await seriousViolations(panel)).toEqual([]);
    await Promise.all([panel.close(), file.close(), establishment.close()]);
  });

  it('side panel on an establishment and on an unknown page', async () => {
    const panel = await browser.openExtensionPage('sidepanel.html');
    const page = await browser.context.newPage();
    await page.goto(demo.url('fiche-entreprise', '/etablissement/73282932000074'));
    await page.bringToFront();
    await waitForTestIdText(panel, 'establishment-name', 'LOGICIELS');
    expect(await seriousViolations(panel)).toEqual([]);
    await page.goto(demo.url('dossier-demandeur', '/connexion'));
    await waitForTestIdText(panel, 'unrecognized', 'Page non reconnue');
    expect(await seriousViolations(panel)).toEqual([]);
    await Promise.all([panel.close(), page.close()]);
  });

  it('side panel on the portfolio (« À promouvoir »), and its tab', async () => {
    const panel = await browser.openExtensionPage('sidepanel.html');
    const page = await browser.context.newPage();
    await page.goto(demo.url('dossier-demandeur', '/portefeuille'));
    await page.bringToFront();
    await waitForTestIdText(panel, 'worklist-summary', 'autorisent la promotion');
    expect(await seriousViolations(panel)).toEqual([]);
    await panel.getByRole('tab', { name: 'À promouvoir' }).click();
    await waitForTestIdText(panel, 'worklist-read-at', 'Portefeuille lu le');
    expect(await seriousViolations(panel)).toEqual([]);
    await Promise.all([panel.close(), page.close()]);
  });

  it('side panel on the webmail inbox and on an employer’s reply, its outcomes offered', async () => {
    const establishment = await browser.context.newPage();
    await establishment.goto(demo.url('fiche-entreprise', '/etablissement/73282932000074'));
    const panel = await browser.openExtensionPage('sidepanel.html');
    const file = await browser.context.newPage();
    await file.goto(demo.url('dossier-demandeur', '/dossier/3456789C'));
    await file.bringToFront();
    await panel.getByTestId('promote').click();
    await panel.getByLabel(/LOGICIELS DU RHÔNE/).waitFor();
    await panel.getByRole('button', { name: 'Appel passé' }).click();
    await waitForTestIdText(panel, 'promote-feedback', 'Appel enregistré');
    const reference = await panel.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('profilence');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('promotions').objectStore('promotions').getAll();
            all.onsuccess = () => resolve(all.result[0].reference);
          };
        }),
    );
    const reply = demo.inbox.receive({ from: { address: 'claire.roussel@example.com' }, subject: `Suite à votre appel – réf. ${reference}`, body: 'Nous la recevons mardi.' });
    const webmail = await browser.context.newPage();
    await webmail.goto(demo.url('messagerie', '/mail/dossier/reception'));
    await waitForTestIdText(panel, 'pending-reply', reference);
    expect(await seriousViolations(panel)).toEqual([]);
    await webmail.goto(demo.url('messagerie', `/mail/message/${reply.id}`));
    await panel.getByTestId('reply-promotion').getByRole('button', { name: 'Entretien', exact: true }).waitFor();
    expect(await seriousViolations(panel)).toEqual([]);
    await Promise.all([panel.close(), file.close(), establishment.close(), webmail.close()]);
  });

  it.each(['popup.html', 'options.html'])('%s', async (path) => {
    const page = await browser.openExtensionPage(path);
    await page.waitForLoadState('load');
    await page.locator('main, #app > *').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
