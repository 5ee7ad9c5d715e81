// The readers' health report in real Chromium: a manager's install reads the job-seeker file, then the same file
// after the tool's redesign (the e-mail's label renamed) and a page no reader knows; the counts go to a real
// endpoint (test hook instead of the daily alarm), which stores counts only; the dashboard's « Santé des
// lecteurs » shows the e-mail missed in half the readings, flagged above 5 %, and the new layout.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parisDay } from '@/lib/stats/days';
import { useExtension, waitForTestIdText } from './harness';
import { startCentralServer, type CentralServer } from './central-server';
import { storedReaderHealth, until } from './server-rows';

const MANAGER_TOKEN = 'health-e2e-claire';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Sends a message to the background the way @webext-core/messaging does, from an extension page. */
async function sendToBackground(page: Page, type: string): Promise<any> {
  const reply = await page.evaluate((type) => (globalThis as any).chrome.runtime.sendMessage({ id: 1, type, timestamp: Date.now() }), type);
  if (!reply || reply.err) {
    throw new Error(`Le message « ${type} » a été refusé (${reply?.err?.message ?? 'pas de réponse'}) : construisez l'extension avec « WXT_PROFILENCE_TEST_HOOKS=1 npx wxt build ».`);
  }
  return reply.res;
}

describe("readers' health report (Chromium, built extension, demo tools, real endpoint)", () => {
  let central: CentralServer | undefined;
  let serverUrl: string;
  let dataDir: string;

  beforeAll(async () => {
    central = await startCentralServer(
      'health',
      { devTokens: { [MANAGER_TOKEN]: { sub: 'claire.durand', agency: '69031', name: 'Claire DURAND', roles: ['manager'] } } },
    );
    ({ url: serverUrl, dataDir } = central);
  });
  afterAll(async () => {
    await central?.close();
  });
  // Any browser dialog fails the test (harness).
  const { browser, demo } = useExtension({ demo: true });

  it('counts the redesigned page, stores counts only, and shows the jump and the new layout in the dashboard', async () => {
    const options = await browser.openExtensionPage('options.html');
    await options.locator('#sync-serverUrl').fill(serverUrl);
    await options.locator('#sync-devToken').fill(MANAGER_TOKEN);
    await options.getByRole('button', { name: 'Enregistrer' }).last().click();
    await waitForTestIdText(options, 'sync-settings-status', 'Connecté : Claire DURAND (claire.durand), agence 69031', 30_000);

    // The file as the tool shows it today, the same file after the redesign, and a page no reader knows.
    for (const path of ['/dossier/1234567A', '/refonte/dossier/1234567A', '/portefeuille/archives']) {
      const tab = await browser.context.newPage();
      await tab.goto(demo.url('dossier-demandeur', path));
    }
    const redesigned = browser.context.pages().find((p) => p.url().includes('/refonte/'))!;
    expect(await redesigned.getByText('Contact numérique').count()).toBe(1);

    // « Send now » instead of the daily alarm, until the three readings have reached the server.
    const rows = await until(
      async () => {
        expect(await sendToBackground(options, 'debug.sendReadersHealth')).toMatchObject({ ok: true });
        return storedReaderHealth(dataDir);
      },
      (r) => r.filter((row) => row.kind === 'readings').reduce((n, row) => n + Number(row.count), 0) >= 3,
    );
    const today = parisDay(new Date());
    const profileRows = rows.filter((r) => r.page === 'profile');
    expect(profileRows.find((r) => r.kind === 'readings')).toMatchObject({ tool: 'dossier-demandeur', count: 2, day: today, sub: 'claire.durand', agency_code: '69031' });
    expect(profileRows.find((r) => r.kind === 'miss' && r.key === 'email')).toMatchObject({ count: 1 });
    expect(profileRows.filter((r) => r.kind === 'variant').map((r) => r.count)).toEqual([1, 1]);
    expect(rows.find((r) => r.page === 'unrecognised' && r.kind === 'readings')).toMatchObject({ tool: 'dossier-demandeur', count: 1 });
    // Counts only: no address, identifier or name of the job seeker anywhere in what the server keeps.
    const everything = JSON.stringify(rows);
    for (const personal of ['1234567A', 'DUPONT', 'Marie', 'localhost', 'refonte']) expect(everything).not.toContain(personal);

    const dashboard = await browser.openExtensionPage('dashboard.html');
    await dashboard.setViewportSize({ width: 1280, height: 1000 });
    const section = dashboard.getByRole('region', { name: 'Santé des lecteurs' });
    await section.getByRole('heading', { name: 'Santé des lecteurs' }).waitFor();
    const flags = await waitForTestIdText(dashboard, 'readers-health-flags', 'Courriel');
    expect(flags).toContain('Dossier demandeur — Dossier : « Courriel » non trouvé dans 50 % des lectures');
    expect(flags).toContain('(page non lue les 7 jours précédents)');

    const email = section.getByTestId('health-fields').getByRole('row').filter({ has: dashboard.getByRole('rowheader', { name: 'Courriel', exact: true }) });
    expect(await email.getByRole('cell').allTextContents()).toEqual(['Dossier demandeur — Dossier', '2', '1', '50 %', expect.stringContaining('au-dessus de 5 %')]);
    const pages = await section.getByTestId('health-pages').locator('tbody tr').allTextContents();
    expect(pages).toContain('Dossier demandeurPage non reconnue1');
    const layouts = section.getByTestId('health-variants').locator('tbody tr');
    expect(await layouts.count()).toBe(2);
    expect((await layouts.allTextContents()).every((row) => row.endsWith('oui'))).toBe(true);
    await expect.poll(() => section.getByText('Libellés appris par les conseillers').count()).toBe(1);
    await section.screenshot({ path: join(tmpdir(), 'profilence-readers-health.png') });

    // No serious accessibility violation in the section.
    await dashboard.evaluate(`${axeSource}\n;0`);
    const violations = (await dashboard.evaluate(
      `axe.run(document.querySelector('[data-testid="readers-health"]'), { resultTypes: ['violations'] }).then(r => r.violations)`,
    )) as { id: string; impact: string; nodes: { target: string[] }[] }[];
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }, 120_000);
});
