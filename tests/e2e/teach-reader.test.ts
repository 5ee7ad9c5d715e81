/**
 * Issue 16, point 2, in Chromium with the built extension: on a redesigned establishment page the reader misses
 * the headcount; the counsellor clicks « Montrer où se trouve ce champ », then the value on the page; the panel
 * shows the field at once, the central endpoint stores the label (never the value) with its author, and a
 * colleague's install reads the field after a sync. Its author then withdraws it from the options.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, useExtension, waitForTestIdText, type ExtensionBrowser } from './harness';
import { startCentralServer, type CentralServer } from './central-server';
import { until } from './server-rows';

const SIRET = '73282932000074';
const TOKENS = { jeanne: 'teach-token-jeanne', paul: 'teach-token-paul' } as const;

/** The establishment pages as a redesign shows them: « Effectif » became « Nombre de collaborateurs ». */
async function serveRedesign(context: BrowserContext): Promise<void> {
  await context.route('**/etablissement/**', async (route) => {
    // The test's process does not resolve `*.localhost` as Chromium does: the same request, to loopback by address.
    const url = new URL(route.request().url());
    const host = url.host;
    url.hostname = '127.0.0.1';
    const response = await route.fetch({ url: url.href, headers: { ...route.request().headers(), host } });
    const original = await response.text();
    const body = original.replace('<dt class="col-sm-5">Effectif</dt>', '<dt class="col-sm-5">Nombre de collaborateurs</dt>');
    if (body === original) throw new Error("La page de démo a changé : le libellé « Effectif » n'a pas été trouvé.");
    await route.fulfill({ response, body });
  });
}

/** The aliases the endpoint stored, as rows: author, and the record. */
function storedAliases(dataDir: string): { sub: string; data: Record<string, unknown> }[] {
  const db = new Database(join(dataDir, 'profilence.sqlite'), { readonly: true });
  try {
    const rows = db.prepare('SELECT created_by_sub AS sub, data FROM reader_aliases WHERE deleted = 0').all() as { sub: string; data: string }[];
    return rows.map((r) => ({ sub: r.sub, data: JSON.parse(r.data) as Record<string, unknown> }));
  } finally {
    db.close();
  }
}

/** Aliases in an install's own IndexedDB, read from one of its pages. */
const installAliases = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ label: string; revokedAt?: string }[]>((resolve, reject) => {
        const open = indexedDB.open('profilence');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          if (!open.result.objectStoreNames.contains('aliases')) return resolve([]);
          const all = open.result.transaction('aliases').objectStore('aliases').getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        };
      }),
  );

describe('a counsellor teaches a reader where a field is (Chromium)', () => {
  const { browser, demo } = useExtension({ demo: true });
  let central: CentralServer | undefined;
  let serverUrl: string;
  let dataDir: string;
  let colleague: ExtensionBrowser | undefined;

  beforeAll(async () => {
    central = await startCentralServer('teach', {
        devTokens: {
          [TOKENS.jeanne]: { sub: 'jeanne.martin', agency: '69031', name: 'Jeanne MARTIN' },
          [TOKENS.paul]: { sub: 'paul.bernard', agency: '69031', name: 'Paul BERNARD' },
        },
      });
    ({ url: serverUrl, dataDir } = central);
  });
  afterAll(async () => {
    await colleague?.close();
    await central?.close();
  });

  async function signIn(install: ExtensionBrowser, token: string, who: string): Promise<Page> {
    const options = await install.openExtensionPage('options.html');
    await options.locator('#sync-serverUrl').fill(serverUrl);
    await options.locator('#sync-devToken').fill(token);
    await options.getByRole('button', { name: 'Enregistrer' }).last().click();
    await waitForTestIdText(options, 'sync-settings-status', `Connecté : ${who}`, 30_000);
    return options;
  }

  /** The side panel beside the redesigned establishment page, the page in front. */
  async function openRedesignedPage(install: ExtensionBrowser): Promise<{ panel: Page; page: Page }> {
    await serveRedesign(install.context);
    const panel = await install.openExtensionPage('sidepanel.html');
    const page = await install.context.newPage();
    await page.goto(demo.url('fiche-entreprise', `/etablissement/${SIRET}`));
    await page.bringToFront();
    await waitForTestIdText(panel, 'establishment-name', 'LOGICIELS DU RHÔNE');
    return { panel, page };
  }

  it('learns the label from a click, shows the field at once, shares it, and lets its author withdraw it', async () => {
    const options = await signIn(browser, TOKENS.jeanne, 'Jeanne MARTIN');
    const { panel, page } = await openRedesignedPage(browser);
    await waitForTestIdText(panel, 'missing-fields', 'Effectif');
    expect(await panel.getByText('20 à 49 salariés').count()).toBe(0);

    await panel.getByRole('button', { name: 'Montrer où se trouve ce champ : Effectif' }).click();
    await page.getByText('Profilence : cliquez sur la valeur « Effectif » dans la page (Échap pour annuler).').waitFor();
    await page.getByText('20 à 49 salariés').click();

    // The page is read again with the label: the panel shows the headcount, no longer missing.
    await panel.getByText('20 à 49 salariés').waitFor({ timeout: 15_000 });
    await expect.poll(() => panel.getByTestId('missing-fields').filter({ hasText: 'Effectif' }).count()).toBe(0);
    // The click taught, it did not navigate the legacy tool anywhere.
    expect(new URL(page.url()).pathname).toBe(`/etablissement/${SIRET}`);

    // What left the install: the label and its field, the author from the token — never the value.
    const [row] = await until(() => storedAliases(dataDir), (rows) => rows.length === 1);
    expect(row!.sub).toBe('jeanne.martin');
    expect(row!.data).toMatchObject({
      tool: 'fiche-entreprise',
      field: 'headcount',
      label: 'Nombre de collaborateurs',
      createdBy: 'jeanne.martin',
      createdByName: 'Jeanne MARTIN',
      agencyCode: '69031',
    });
    expect(JSON.stringify(row!.data)).not.toContain('salariés');

    // A colleague's install, after a sync, reads the redesigned page with it.
    colleague = await launchWithExtension();
    const theirOptions = await signIn(colleague, TOKENS.paul, 'Paul BERNARD');
    await until(() => installAliases(theirOptions), (aliases) => aliases.length === 1);
    const theirs = await openRedesignedPage(colleague);
    await theirs.panel.getByText('20 à 49 salariés').waitFor({ timeout: 15_000 });
    expect(await theirs.panel.getByTestId('missing-fields').filter({ hasText: 'Effectif' }).count()).toBe(0);
    // Listed with its author; only its author (or a manager) may withdraw it.
    await waitForTestIdText(theirOptions, 'alias-item', 'Appris par Jeanne MARTIN');
    expect(await theirOptions.getByRole('button', { name: /Retirer le libellé/ }).count()).toBe(0);
    expect(colleague.takeDialogProblems()).toEqual([]);

    // Its author withdraws it: the server keeps who and when.
    await options.reload();
    await options.getByRole('button', { name: 'Retirer le libellé « Nombre de collaborateurs »' }).click();
    await waitForTestIdText(options, 'aliases-empty', 'Aucun libellé appris');
    const [revoked] = await until(() => storedAliases(dataDir), (rows) => rows[0]?.data.revokedAt !== undefined);
    expect(revoked!.data).toMatchObject({ revokedBy: 'jeanne.martin' });
  }, 120_000);
});
