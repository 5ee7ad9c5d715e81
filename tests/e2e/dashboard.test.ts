// The dashboard page in real Chromium: local figures from IndexedDB, the agency view from the central server asked
// by the background (never by the page), falling back to this install when the server does not answer, the CSV
// download; no serious accessibility violation.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toStoredPromotion } from '@/lib/store/promotions';
import { promotionFacts } from '@/lib/stats/facts';
import { periodOf } from '@/components/dashboard/periods';
import { count, percent } from '@/components/dashboard/format';
import { statsFromFacts } from '@/lib/stats/report';
import type { StatsGrouping } from '@/lib/stats/schema';
import { samplePromotions } from '@/demo/sample-promotions';
import { useExtension, waitForTestIdText } from './harness';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Writes rows into the extension's IndexedDB from one of its pages (the database Dexie opened there). */
async function putRows(page: Page, store: string, rows: unknown[]): Promise<void> {
  await page.evaluate(
    ({ store, rows }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('profilence');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(store, 'readwrite');
          for (const row of rows) tx.objectStore(store).put(row);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { store, rows },
  );
}

describe('dashboard page (Chromium)', () => {
  let page: Page;
  const now = new Date();
  const mine = samplePromotions({ now }).map(toStoredPromotion);
  const colleague = samplePromotions({ now, count: 12, counsellorId: 'Paul BERNARD' }).map(toStoredPromotion);
  // Synced by a colleague's install but not yet by this one: only the server counts them.
  const serverOnly = samplePromotions({ now, count: 6, counsellorId: 'Lucie PETIT' }).map(toStoredPromotion);
  const agencyFacts = [...mine, ...colleague, ...serverOnly].map((p) => promotionFacts(p));

  /** A stand-in for the central endpoint: `GET /v1/stats` over the agency's promotions when it answers; every call written down. */
  let central: Server;
  let centralUrl: string;
  let answering = false;
  const centralCalls: { path: string; authorization?: string }[] = [];
  /** Every request the dashboard page itself made. */
  const pageRequests: string[] = [];

  beforeAll(async () => {
    central = createServer((req, res) => {
      const cors = {
        'access-control-allow-origin': req.headers.origin ?? '*',
        'access-control-allow-headers': 'authorization, content-type',
        'access-control-allow-methods': 'GET, POST',
      };
      if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
      const url = new URL(req.url!, 'http://central.test');
      centralCalls.push({ path: url.pathname + url.search, authorization: req.headers.authorization });
      if (!answering || url.pathname !== '/v1/stats') return void res.writeHead(503, cors).end();
      const q = url.searchParams;
      const report = statsFromFacts(agencyFacts, { from: q.get('from')!, to: q.get('to')!, agencyCode: '69031' }, {
        scope: q.get('scope')!,
        perimeter: 'agency',
        groupBy: q.get('groupBy') as StatsGrouping,
        generatedAt: new Date().toISOString(),
      });
      res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify(report));
    });
    await new Promise<void>((resolve) => central.listen(0, '127.0.0.1', resolve));
    centralUrl = `http://127.0.0.1:${(central.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => central?.close(resolve));
  });

  // The harness fails any test during which the page opened a dialog.
  const { browser } = useExtension({ setup: seedDashboard });
  async function seedDashboard() {
    page = await browser.openExtensionPage('dashboard.html');
    page.on('request', (request) => void pageRequests.push(request.url()));
    await page.setViewportSize({ width: 1280, height: 900 });
    // The first visit creates the database; then the sample promotions go in and the page reads them again.
    await waitForTestIdText(page, 'dashboard-source', 'calculés sur ce poste');
    await putRows(page, 'promotions', [...mine, ...colleague]);
    await putRows(page, 'meta', [{ key: 'syncIdentity', value: { sub: 'jeanne.martin', agencyCode: '69031', name: 'Jeanne MARTIN', roles: ['manager'] } }]);
    // The server does not answer at first: the agency view must fall back to this install.
    await page.evaluate(
      (serverUrl) =>
        (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
          'settings.sync': { serverUrl, devToken: 'demo-jeanne' },
        }),
      centralUrl,
    );
    await page.reload();
  }

  it("shows the counsellor's own figures, computed from the local store, with their tables", async () => {
    const expected = statsFromFacts(mine.map((p) => promotionFacts(p)), periodOf('12m', now), {
      scope: 'agency:69031',
      perimeter: 'own',
      groupBy: 'month',
      generatedAt: now.toISOString(),
    });
    expect(expected.total.sent).toBeGreaterThan(30);
    await waitForTestIdText(page, 'dashboard-who', 'Jeanne MARTIN — agence 69031');
    expect(await page.getByTestId('kf-sent').locator('.pf-tile__value').textContent()).toBe(count(expected.total.sent));
    expect(await page.getByTestId('kf-reply-rate').locator('.pf-tile__value').textContent()).toBe(percent(expected.total.replyRate));
    expect(await page.getByTestId('kf-hires').locator('.pf-tile__value').textContent()).toBe(count(expected.total.hires));

    // The chart is drawn, and its figures are in a table: one line per month of the twelve.
    await page.locator('.pf-chart canvas').waitFor();
    expect(await page.getByTestId('trend-table').locator('tbody tr').count()).toBe(12);
    const funnel = await page.getByTestId('funnel-table').locator('tbody tr').allTextContents();
    expect(funnel).toHaveLength(4);
    expect(funnel[3]).toContain('Embauche');
    expect(await page.getByTestId('declines-table').locator('tbody tr').count()).toBeGreaterThan(0);
    const reference = await page.getByTestId('reference-table').textContent();
    expect(reference).toContain('40 %');
    expect(reference).toContain('12 jours');
    // Paul's promotions are in the store too: the own view has no per-counsellor table, and counted Jeanne's only.
    expect(await page.getByTestId('counsellor-table').count()).toBe(0);
  });

  it("falls back to the agency's synced promotions, calmly, when the server does not answer", async () => {
    await page.locator('#perimeter').selectOption('agency');
    const notice = await waitForTestIdText(page, 'dashboard-notice', 'Serveur injoignable');
    expect(notice).toContain("chiffres de l'agence calculés sur ce poste");
    await waitForTestIdText(page, 'dashboard-source', 'Mon agence');
    const rows = await page.getByTestId('counsellor-table').locator('tbody th').allTextContents();
    expect(rows).toEqual(['Jeanne MARTIN', 'Paul BERNARD']);
  });

  it("takes the agency's figures from the central server, asked by the background with the account's token, never by the page", async () => {
    answering = true;
    centralCalls.splice(0);
    // Asking for the agency's figures again.
    await page.locator('#perimeter').selectOption('own');
    await waitForTestIdText(page, 'dashboard-source', 'Mes promotions');
    await page.locator('#perimeter').selectOption('agency');
    await waitForTestIdText(page, 'dashboard-source', 'chiffres du serveur central');
    expect(await page.getByTestId('dashboard-notice').count()).toBe(0);

    const expected = statsFromFacts(agencyFacts, { ...periodOf('12m', now), agencyCode: '69031' }, {
      scope: 'agency:69031',
      perimeter: 'agency',
      groupBy: 'month',
      generatedAt: now.toISOString(),
    });
    expect(await page.getByTestId('kf-sent').locator('.pf-tile__value').textContent()).toBe(count(expected.total.sent));
    const rows = await page.getByTestId('counsellor-table').locator('tbody th').allTextContents();
    expect([...rows].sort()).toEqual(['Jeanne MARTIN', 'Lucie PETIT', 'Paul BERNARD']);

    const stats = centralCalls.filter((c) => c.path.startsWith('/v1/stats?'));
    expect(stats.map((c) => new URLSearchParams(c.path.split('?')[1]).get('groupBy')).sort()).toEqual(['counsellor', 'month', 'rome']);
    expect(stats.map((c) => new URLSearchParams(c.path.split('?')[1]).get('scope'))).toEqual(['agency:69031', 'agency:69031', 'agency:69031']);
    expect(new Set(stats.map((c) => c.authorization))).toEqual(new Set(['Bearer demo-jeanne']));
    // Only the background talks to the server.
    expect(pageRequests.filter((url) => url.startsWith(centralUrl))).toEqual([]);
  });

  it('downloads the promotions as a CSV file for Excel', async () => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-own').click()]);
    expect(file.suggestedFilename()).toMatch(/^profilence-mes-promotions-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync((await file.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]!.startsWith('Référence;Date de création;Conseiller;Agence;')).toBe(true);
    expect(lines.filter(Boolean).length - 1).toBeGreaterThan(30);
  });

  it('opens in a tab from the side panel', async () => {
    const panel = await browser.openExtensionPage('sidepanel.html');
    const [opened] = await Promise.all([browser.context.waitForEvent('page'), panel.getByTestId('open-dashboard').click()]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(`chrome-extension://${browser.extensionId}/dashboard.html`);
    await waitForTestIdText(opened, 'dashboard-who', 'Jeanne MARTIN');
    await Promise.all([opened.close(), panel.close()]);
  });

  it('has no serious accessibility violation', async () => {
    await page.evaluate(`${axeSource}\n;0`);
    const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations)`)) as {
      id: string;
      impact: string;
      nodes: { target: string[] }[];
    }[];
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
