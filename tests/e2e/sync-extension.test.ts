/**
 * The real extension in Chromium against a real endpoint on loopback: the counsellor enters the server's
 * address and a demo token in the options, records a call in the side panel, and the service worker sends it
 * (CORS, bearer token, alarms and the write trigger as built); a colleague's promotion comes back down.
 * Needs the built extension (.output/chrome-mv3, `npm test` builds it) and Chromium.
 */
import 'fake-indexeddb/auto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteClientDatabases, SyncClient } from '../sync/clients';
import { startServers, TOKENS, type TestServers } from '../sync/server';
import { useExtension, waitForTestIdText } from './harness';

/** Promotions in the extension's own IndexedDB, read from one of its pages. */
const extensionPromotions = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ id: string; status: string }[]>((resolve, reject) => {
        const open = indexedDB.open('profilence');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('promotions').objectStore('promotions').getAll();
          all.onsuccess = () => resolve(all.result.map((p: { id: string; status: string }) => ({ id: p.id, status: p.status })));
          all.onerror = () => reject(all.error);
        };
      }),
  );

describe('the built extension syncs with the endpoint (Chromium)', () => {
  let servers: TestServers;
  const { browser, demo } = useExtension({ demo: true });

  beforeAll(async () => {
    servers = await startServers('sqlite', { listen: true });
  });
  afterAll(async () => {
    await servers?.close();
    await deleteClientDatabases();
  });

  async function configure(page: Page, token: string) {
    await page.locator('#sync-serverUrl').fill(servers.urls[0]!);
    await page.locator('#sync-devToken').fill(token);
    await page.getByRole('button', { name: 'Enregistrer' }).last().click();
  }

  it('sends a call recorded in the side panel, brings a colleague\'s promotion back, and asks to sign in again on a refused token', async () => {
    const options = await browser.openExtensionPage('options.html');
    await options.locator('#sync-serverUrl').waitFor();
    await configure(options, TOKENS.jeanne);
    await waitForTestIdText(options, 'sync-settings-status', 'Connecté : Jeanne MARTIN (jeanne.martin), agence 69031', 30_000);

    // A call recorded in the side panel, as a counsellor does it.
    const establishment = await browser.context.newPage();
    await establishment.goto(demo.url('fiche-entreprise', '/etablissement/73282932000074'));
    const panel = await browser.openExtensionPage('sidepanel.html');
    const file = await browser.context.newPage();
    await file.goto(demo.url('dossier-demandeur', '/dossier/1234567A'));
    await file.bringToFront();
    await waitForTestIdText(panel, 'profile-name', 'Marie');
    await panel.getByTestId('promote').click();
    await panel.getByLabel(/LOGICIELS DU RHÔNE/).waitFor();
    await panel.getByRole('button', { name: 'Appel passé' }).click();
    await waitForTestIdText(panel, 'promote-feedback', 'Appel enregistré');

    // About two seconds later the service worker has pushed it: a colleague's fresh install sees it.
    const paul = new SyncClient({ token: TOKENS.paul, fetch: (url, init) => fetch(url.replace('http://sync.test', servers.urls[0]!), init), counsellor: 'Paul BERNARD' });
    let seen: Awaited<ReturnType<SyncClient['promotions']>> = [];
    for (let i = 0; i < 60 && seen.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 250));
      await paul.sync();
      seen = await paul.promotions();
    }
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ status: 'sent', establishment: { siret: '73282932000074' }, serverVersion: expect.any(Number) });
    await waitForTestIdText(panel, 'sync-line', 'Synchronisé', 15_000);

    // Paul's own promotion comes down on « Synchroniser maintenant ».
    const his = await paul.createPromotion({ pitch: 'Argumentaire de Paul' });
    await paul.sync();
    await panel.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    await expect.poll(async () => (await extensionPromotions(panel)).map((p) => p.id).sort(), { timeout: 15_000 }).toEqual(
      [seen[0]!.id, his.id].sort(),
    );

    // A token the server refuses: the panel says so and leads to the options.
    await configure(options, 'not-a-valid-token');
    await waitForTestIdText(panel, 'sync-line', 'Reconnexion nécessaire', 15_000);
    expect(await panel.locator('[data-testid="sync-line"] a').textContent()).toContain('Se reconnecter');
  }, 120_000);
});
