// The dashboard page in real Chromium: local figures from IndexedDB, the agency view falling back to this install
// when the server does not answer, the CSV download; no serious accessibility violation.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { toStoredPromotion } from '@/lib/store/promotions';
import { promotionFacts } from '@/lib/stats/facts';
import { periodOf } from '@/components/dashboard/periods';
import { count, percent } from '@/components/dashboard/format';
import { statsFromFacts } from '@/lib/stats/report';
import { samplePromotions } from '@/lib/stats/sample';
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

  const { browser } = useExtension({ setup: seedDashboard });
  async function seedDashboard() {
    page = await browser.openExtensionPage('dashboard.html');
    await page.setViewportSize({ width: 1280, height: 900 });
    // The first visit creates the database; then the sample promotions go in and the page reads them again.
    await waitForTestIdText(page, 'dashboard-source', 'calculés sur ce poste');
    await putRows(page, 'promotions', [...mine, ...colleague]);
    await putRows(page, 'meta', [{ key: 'syncIdentity', value: { sub: 'jeanne.martin', agencyCode: '69031', name: 'Jeanne MARTIN', roles: ['manager'] } }]);
    // No server answers there: the agency view must fall back to this install.
    await page.evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
        'settings.sync': { serverUrl: 'http://127.0.0.1:9', devToken: 'demo-jeanne' },
      }),
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
