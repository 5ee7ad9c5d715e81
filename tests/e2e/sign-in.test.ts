// Sign-in through a real OpenID Connect provider (panva's oidc-provider, its own login and consent pages) in
// Chromium with the built extension: the browser's `identity.launchWebAuthFlow` window, driven like a counsellor
// would; then promotions synced to the central endpoint, the access token left to expire (40 s), and syncing
// going on through silent renewals (refresh token), with no second sign-in, even once the session storage is
// emptied as a browser restart does (sign-in without window through the provider's own session).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type DemoServer } from '../../demo/server';
import { API_RESOURCE, EXTENSION_CLIENT, startProvider, type RealProvider } from '../server/auth-provider';
import { launchWithExtension, waitForTestIdText, type ExtensionBrowser } from './harness';
import { startCentralServer, type CentralServer } from './central-server';
import { storedPromotions, until } from './server-rows';

const ACCESS_TOKEN_TTL_S = 40;

describe('sign-in with the agents’ identity provider (Chromium, built extension, real provider)', () => {
  let demo: DemoServer;
  let browser: ExtensionBrowser;
  let provider: RealProvider;
  let central: CentralServer | undefined;
  let serverUrl: string;
  let dataDir: string;
  const unexpectedDialogs: string[] = [];

  beforeAll(async () => {
    demo = await startDemo({ port: 0 });
    browser = await launchWithExtension();
    const extensionOrigin = `chrome-extension://${browser.extensionId}`;
    provider = await startProvider({
      redirectUris: [`https://${browser.extensionId}.chromiumapp.org/`],
      accessTokenTtl: ACCESS_TOKEN_TTL_S,
      nameInAccessToken: true,
      // What docs/deploy.md asks of the provider: the extension's origin allowed on its token endpoint.
      corsOrigins: [extensionOrigin],
    });
    central = await startCentralServer(
      'sign-in',
      { oidc: { issuer: provider.issuer, audience: API_RESOURCE, agencyClaim: 'safir', rolesClaim: 'realm_access.roles' } },
      { extensionOrigins: [extensionOrigin] },
    );
    ({ url: serverUrl, dataDir } = central);
    browser.context.on('page', (page) => page.on('dialog', (d) => void (unexpectedDialogs.push(d.message()), d.dismiss())));
  });
  afterAll(async () => {
    await browser?.close();
    await central?.close();
    await provider?.close();
    await demo?.close();
  });

  /** The rows the central endpoint stored. */
  const storedPromotionsHere = () => storedPromotions(dataDir);

  /** « Promouvoir ce profil » → « Appel passé », with the establishment's page open in a tab. */
  async function promoteByPhone(panel: Page, ftId: string, siret: string, firstName: string, establishment: RegExp) {
    const company = await browser.context.newPage();
    await company.goto(demo.url('fiche-entreprise', `/etablissement/${siret}`));
    const file = await browser.context.newPage();
    await file.goto(demo.url('dossier-demandeur', `/dossier/${ftId}`));
    await file.bringToFront();
    await waitForTestIdText(panel, 'profile-name', firstName);
    await panel.getByTestId('promote').click();
    const candidate = panel.getByLabel(establishment);
    await candidate.waitFor();
    expect(await candidate.isChecked()).toBe(true);
    await panel.getByRole('button', { name: 'Appel passé' }).click();
    await waitForTestIdText(panel, 'promote-feedback', 'Appel enregistré');
    await company.close();
    await file.close();
  }

  /** The extension's session storage, read in its service worker. */
  type SessionArea = { get(key: string): Promise<Record<string, unknown>>; clear(): Promise<void> };
  const session = () =>
    browser.worker.evaluate(
      async (key) => (await (globalThis as unknown as { chrome: { storage: { session: SessionArea } } }).chrome.storage.session.get(key))[key],
      'sync.session',
    ) as Promise<{ accessToken: string; refreshToken?: string } | undefined>;

  it('signs in once, syncs, and keeps syncing after the access token expired, without signing in again', { timeout: 180_000 }, async () => {
    const options = await browser.openExtensionPage('options.html');
    const sync = options.getByTestId('sync-settings-form');
    await sync.getByLabel(/Adresse du serveur central/).fill(serverUrl);
    await sync.getByLabel(/Fournisseur d'identité \(OpenID Connect\)/).fill(provider.issuer);
    await sync.getByLabel(/Identifiant client de Profilence/).fill(EXTENSION_CLIENT);
    await sync.getByLabel(/Ressource \(audience\) de l'API/).fill(API_RESOURCE);
    await sync.getByLabel(/Jeton de développement/).fill('');
    await sync.getByRole('button', { name: 'Enregistrer' }).click();
    await waitForTestIdText(options, 'sync-settings-feedback', 'Réglages enregistrés');
    // The provider does not know this browser yet: the sign-in without window tried at once fails.
    await waitForTestIdText(options, 'sync-settings-status', 'Reconnexion nécessaire');

    // « Se connecter »: the browser opens the provider's page (launchWebAuthFlow); the counsellor signs in and consents.
    const [login] = await Promise.all([browser.context.waitForEvent('page'), sync.getByRole('button', { name: 'Se connecter' }).click()]);
    expect(login.url().startsWith(provider.issuer)).toBe(true);
    await login.getByPlaceholder('Enter any login').fill('jeanne.martin');
    await login.getByPlaceholder('and password').fill('mot-de-passe');
    await login.getByRole('button', { name: 'Sign-in' }).click();
    await login.getByRole('button', { name: 'Continue' }).click(); // consent: offline access for the day
    await waitForTestIdText(options, 'sync-settings-status', 'Connecté : Jeanne MARTIN (jeanne.martin), agence 69031');
    const first = await session();
    expect(first?.refreshToken).toBeTruthy();
    const firstExpiry = JSON.parse(Buffer.from(first!.accessToken.split('.')[1]!, 'base64url').toString()).exp * 1000;

    // What an interactive sign-in costs the counsellor: the login and consent forms submitted.
    expect(provider.formSubmissions).toHaveLength(2);

    const panel = await browser.openExtensionPage('sidepanel.html');
    await promoteByPhone(panel, '1234567A', '73282932000074', 'Marie', /LOGICIELS DU RHÔNE/);
    expect(await until(storedPromotionsHere, (rows) => rows.length === 1)).toEqual([{ sub: 'jeanne.martin', ftId: '1234567A', siret: '73282932000074' }]);

    // The first access token expires; the background renews it with the refresh token on its own.
    await until(() => Date.now(), (t) => t > firstExpiry + 1000, ACCESS_TOKEN_TTL_S * 1000 + 10_000);
    await promoteByPhone(panel, '3456781J', '90182736000016', 'Camille', /NUMÉRIQUE OUEST LYONNAIS/);
    const rows = await until(storedPromotionsHere, (r) => r.length === 2);
    expect(rows).toContainEqual({ sub: 'jeanne.martin', ftId: '3456781J', siret: '90182736000016' });

    const now = await session();
    expect(now?.accessToken).not.toBe(first!.accessToken);
    expect(now?.refreshToken).not.toBe(first!.refreshToken); // rotated at each renewal
    const grants = provider.tokenRequests.map((r) => r.grant);
    expect(grants.filter((g) => g === 'authorization_code')).toHaveLength(1);
    expect(grants.filter((g) => g === 'refresh_token').length).toBeGreaterThanOrEqual(1);
    // The token requests came from the extension itself, allowed by the provider's CORS rule.
    expect(new Set(provider.tokenRequests.map((r) => r.origin))).toEqual(new Set([`chrome-extension://${browser.extensionId}`]));
    expect(provider.formSubmissions).toHaveLength(2);
    expect(await panel.getByText('Reconnexion nécessaire').count()).toBe(0);

    // The browser's session storage is emptied, as when it restarts: the refresh token is gone, but the provider
    // still knows this browser, and a sign-in without window (prompt=none) gives a new session.
    await browser.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { session: { clear(): Promise<void> } } } }).chrome.storage.session.clear());
    await promoteByPhone(panel, '7654321B', '90182736000016', 'Sandrine', /NUMÉRIQUE OUEST LYONNAIS/);
    expect(await until(storedPromotionsHere, (r) => r.length === 3)).toContainEqual({ sub: 'jeanne.martin', ftId: '7654321B', siret: '90182736000016' });
    expect(provider.tokenRequests.filter((r) => r.grant === 'authorization_code')).toHaveLength(2);
    expect(provider.formSubmissions).toHaveLength(2); // still the one sign-in of the morning
    expect(unexpectedDialogs).toEqual([]);
  });
});
