// An agency's policy in real Chromium: Debian's Chromium reads /etc/chromium/policies/managed/*.json, and hands
// the extension its part (`3rdparty.extensions.<id>`) through storage.managed, checked against the build's
// managed-schema.json. The options show the policy's settings locked; promotions sync to the server it names.
// The policy file exists only while this file runs (e2e files run one at a time) and is removed even on failure.
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, useExtension, waitForTestIdText } from './harness';
import { startCentralServer, type CentralServer } from './central-server';
import { storedPromotions, until } from './server-rows';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_PREFIX = 'profilence-e2e-managed-policy-';
const POLICY_FILE = join(POLICY_DIR, `${POLICY_PREFIX}${process.pid}.json`);
const DEV_TOKEN = 'policy-e2e-jeanne';

/** Chromium's id of an unpacked extension: sha256 of its absolute path, 32 hex digits written with a–p. */
function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode('a'.charCodeAt(0) + parseInt(d, 16))).join('');
}

describe('settings fixed by the agency’s policy (Chromium, managed storage)', () => {
  const extensionId = unpackedExtensionId(EXTENSION_DIR);
  let central: CentralServer | undefined;
  let serverUrl: string;
  let dataDir: string;

  // Registered before the harness's own beforeAll: the policy file must exist when Chromium starts.
  beforeAll(async () => {
    central = await startCentralServer(
      'policy',
      { devTokens: { [DEV_TOKEN]: { sub: 'jeanne.martin', agency: '69031', name: 'Jeanne MARTIN' } } },
      { extensionOrigins: [`chrome-extension://${extensionId}`] },
    );
    ({ url: serverUrl, dataDir } = central);
    // Written before the browser starts: Chromium reads its policies at start-up. A file left by a run that was
    // killed before its afterAll goes first: the other e2e files load the extension under the same id.
    try {
      mkdirSync(POLICY_DIR, { recursive: true });
      accessSync(POLICY_DIR, constants.W_OK);
    } catch {
      throw new Error(`Ce test écrit une stratégie dans ${POLICY_DIR} : lancez-le en root, comme la CI.`);
    }
    for (const stale of readdirSync(POLICY_DIR).filter((f) => f.startsWith(POLICY_PREFIX))) rmSync(join(POLICY_DIR, stale), { force: true });
    writeFileSync(
      POLICY_FILE,
      JSON.stringify({
        '3rdparty': {
          extensions: {
            [extensionId]: { serverUrl, autoCloseDays: 60, workingDays: true, firstFollowUpDays: 'dix' },
          },
        },
      }),
    );
  });
  afterAll(async () => {
    rmSync(POLICY_FILE, { force: true });
    await central?.close();
  });
  // The browser and the demo tools; any browser dialog fails the test.
  const { browser, demo } = useExtension({ demo: true });

  /** The rows the central endpoint stored. */
  const storedPromotionsHere = () => storedPromotions(dataDir);

  it('loads the extension under the id the policy names', () => {
    expect(browser.extensionId).toBe(extensionId);
  });

  it('shows the policy’s settings locked, and syncs a promotion to the server the policy names', async () => {
    const options: Page = await browser.openExtensionPage('options.html');
    await options.setViewportSize({ width: 1100, height: 1600 });
    const sync = options.getByTestId('sync-settings-form');
    const server = sync.getByLabel(/Adresse du serveur central/);
    // Chromium may hand the policy over seconds after start-up: the options follow it when it comes.
    await expect.poll(() => server.inputValue(), { timeout: 15_000 }).toBe(serverUrl);
    expect(await server.isDisabled()).toBe(true);
    expect(await server.getAttribute('aria-describedby')).toBe('sync-serverUrl-policy');
    expect(await options.locator('#sync-serverUrl-policy').textContent()).toBe('Réglé par votre administrateur');

    const autoClose = options.getByLabel(/Clôture « sans réponse »/);
    expect(await autoClose.inputValue()).toBe('60');
    expect(await autoClose.isDisabled()).toBe(true);
    expect(await options.getByLabel('Compter en jours ouvrés').isChecked()).toBe(true);
    expect(await options.getByLabel('Compter en jours ouvrés').isDisabled()).toBe(true);
    // A value of the wrong type never reaches the extension: Chromium checks the policy against managed-schema.json
    // (and says so in chrome://policy). Its field stays the counsellor's. (Firefox checks nothing: the extension
    // does, tests/settings.)
    expect(await options.getByLabel(/Première relance/).isDisabled()).toBe(false);
    expect(await options.getByLabel(/Première relance/).inputValue()).toBe('7');
    await options.screenshot({ path: join(tmpdir(), 'profilence-options-policy.png'), fullPage: true });

    // Development tokens are no policy key: the counsellor gives one in the options, the server stays locked.
    await sync.getByLabel(/Jeton de développement/).fill(DEV_TOKEN);
    await sync.getByRole('button', { name: 'Enregistrer' }).click();
    await waitForTestIdText(options, 'sync-settings-feedback', 'Réglages enregistrés');
    await waitForTestIdText(options, 'sync-settings-status', 'Connecté : Jeanne MARTIN (jeanne.martin), agence 69031');

    // « Promouvoir ce profil » → « Appel passé », with the establishment's page open in a tab.
    const panel = await browser.openExtensionPage('sidepanel.html');
    const company = await browser.context.newPage();
    await company.goto(demo.url('fiche-entreprise', '/etablissement/73282932000074'));
    const file = await browser.context.newPage();
    await file.goto(demo.url('dossier-demandeur', '/dossier/1234567A'));
    await file.bringToFront();
    await waitForTestIdText(panel, 'profile-name', 'Marie');
    await panel.getByTestId('promote').click();
    await panel.getByLabel(/LOGICIELS DU RHÔNE/).waitFor();
    await panel.getByRole('button', { name: 'Appel passé' }).click();
    await waitForTestIdText(panel, 'promote-feedback', 'Appel enregistré');

    expect(await until(storedPromotionsHere, (rows) => rows.length === 1)).toEqual([{ sub: 'jeanne.martin', ftId: '1234567A', siret: '73282932000074' }]);
  });
});
