// @vitest-environment node
/**
 * The extension's sign-in and renewal against a real OpenID Connect provider (panva's oidc-provider in this
 * process, its own login and consent pages driven over HTTP), and the real endpoint verifying what it issues.
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHttpTransport, isSyncError } from '../../lib/sync';
import {
  base64url,
  createPkcePair,
  isSessionValid,
  refreshSession,
  RenewalError,
  signInWithPkce,
  type OidcSession,
} from '../../lib/sync/oidc';
import { createSessionKeeper } from '../../lib/sync/session';
import { validateSyncForm, type OidcSettings, type SyncSettings } from '../../lib/sync/settings';
import { loadSession, saveSession } from '../../lib/sync/settings-store';
import { API_RESOURCE, EXTENSION_CLIENT, signInThroughPages, startProvider, type RealProvider } from '../server/auth-provider';
import { startServers, type TestServers } from './server';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

let provider: RealProvider;
let servers: TestServers;
let settings: OidcSettings;

beforeAll(async () => {
  provider = await startProvider({ redirectUris: [REDIRECT], accessTokenTtl: 300, nameInAccessToken: true });
  settings = { issuer: provider.issuer, clientId: EXTENSION_CLIENT, scopes: 'openid profile', resource: API_RESOURCE };
  servers = await startServers('sqlite', {
    listen: true,
    oidc: { issuer: provider.issuer, audience: API_RESOURCE, agencyClaim: 'safir', rolesClaim: 'realm_access.roles' },
  });
});
afterAll(async () => {
  await servers.close();
  await provider.close();
});

/** What `launchWebAuthFlow` does, with the counsellor signing in on the provider's pages. */
const asJeanne = (url: string) => signInThroughPages(url, 'jeanne.martin', REDIRECT);
const refreshes = () => provider.tokenRequests.filter((r) => r.grant === 'refresh_token').length;

describe('sign-in with the real provider', () => {
  it('makes an S256 challenge from a fresh verifier', async () => {
    const a = await createPkcePair();
    const b = await createPkcePair();
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.verifier).not.toBe(b.verifier);
    expect(a.challenge).toBe(createHash('sha256').update(a.verifier).digest('base64url'));
    expect(base64url(new Uint8Array([251, 255]))).toBe('-_8');
  });

  it('asks for the API resource and offline access, and the endpoint names the counsellor from the token', async () => {
    let asked: URL | undefined;
    const now = Date.now();
    const session = await signInWithPkce(settings, {
      launch: (url) => {
        asked = new URL(url);
        return asJeanne(url);
      },
      redirectUri: REDIRECT,
      now: () => now,
    });
    const q = asked!.searchParams;
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('resource')).toBe(API_RESOURCE);
    expect(q.get('scope')!.split(' ').sort()).toEqual(['offline_access', 'openid', 'profile']);
    expect(q.get('prompt')).toBe('consent'); // the provider issues a refresh token only after consent
    expect(q.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(session).toMatchObject({ issuer: provider.issuer, clientId: EXTENSION_CLIENT, signedInAt: now, expiresAt: now + 300_000 });
    expect(session.refreshToken).toBeTruthy();
    expect(isSessionValid(session, now + 260_000)).toBe(true);
    expect(isSessionValid(session, now + 280_000)).toBe(false);
    const transport = createHttpTransport({ baseUrl: servers.urls[0]!, token: () => session.accessToken });
    expect(await transport.me()).toEqual({ sub: 'jeanne.martin', agencyCode: '69031', name: 'Jeanne MARTIN', roles: [] });
  });

  it("refuses an answer naming another provider (RFC 9207), a forged state, and a lookalike provider's description", async () => {
    const tamper = (change: (u: URL) => void) => async (url: string) => {
      const back = new URL(await asJeanne(url));
      change(back);
      return back.href;
    };
    await expect(
      signInWithPkce(settings, { launch: tamper((u) => u.searchParams.set('iss', 'https://idp.attaquant.example')), redirectUri: REDIRECT }),
    ).rejects.toThrow(/autre fournisseur d'identité \(iss\)/);
    // The provider announces the parameter: its absence is a mix-up too.
    await expect(signInWithPkce(settings, { launch: tamper((u) => u.searchParams.delete('iss')), redirectUri: REDIRECT })).rejects.toThrow(/\(iss\)/);
    await expect(signInWithPkce(settings, { launch: tamper((u) => u.searchParams.set('state', 'pas-le-notre')), redirectUri: REDIRECT })).rejects.toThrow(
      /\(state\)/,
    );
    const lookalike = async (url: string, init: RequestInit) => {
      const res = await fetch(url, init);
      if (!url.endsWith('/openid-configuration')) return res;
      return Response.json({ ...((await res.json()) as object), issuer: 'https://idp.attaquant.example' });
    };
    await expect(signInWithPkce(settings, { launch: asJeanne, redirectUri: REDIRECT, fetch: lookalike })).rejects.toThrow(/Fournisseur d'identité inattendu/);
  });

  it('explains in French a refusal, a cancelled window and an unreachable provider', async () => {
    const refused = async (url: string) => {
      const q = new URL(url).searchParams;
      return `${REDIRECT}?error=access_denied&state=${q.get('state')}&iss=${encodeURIComponent(provider.issuer)}`;
    };
    await expect(signInWithPkce(settings, { launch: refused, redirectUri: REDIRECT })).rejects.toThrow(/refusée.*access_denied/);
    await expect(signInWithPkce(settings, { launch: async () => undefined, redirectUri: REDIRECT })).rejects.toThrow(/annulée/);
    await expect(signInWithPkce({ ...settings, issuer: 'http://127.0.0.1:9' }, { launch: asJeanne, redirectUri: REDIRECT })).rejects.toThrow(
      /injoignable/,
    );
    await expect(signInWithPkce(settings, { launch: asJeanne, redirectUri: REDIRECT })).resolves.toMatchObject({ issuer: provider.issuer });
  });

  it('asks neither offline_access nor consent from a provider that does not offer it', async () => {
    const withoutOffline = async (url: string, init: RequestInit) => {
      const res = await fetch(url, init);
      if (!url.endsWith('/openid-configuration')) return res;
      const metadata = (await res.json()) as { scopes_supported: string[] };
      return Response.json({ ...metadata, scopes_supported: metadata.scopes_supported.filter((s) => s !== 'offline_access') });
    };
    let asked: URL | undefined;
    const session = await signInWithPkce(settings, {
      launch: (url) => {
        asked = new URL(url);
        return asJeanne(url);
      },
      redirectUri: REDIRECT,
      fetch: withoutOffline,
    });
    expect(asked!.searchParams.get('scope')).toBe('openid profile');
    expect(asked!.searchParams.has('prompt')).toBe(false);
    expect(session.refreshToken).toBeUndefined();
  });

  it('checks the resource and the scopes typed in the options, in French', () => {
    const form = { serverUrl: 'https://profilence.example', devToken: '', issuer: provider.issuer, clientId: EXTENSION_CLIENT };
    expect(validateSyncForm({ ...form, resource: 'pas une adresse', scopes: 'openid' })).toMatchObject({
      ok: false,
      errors: { resource: expect.stringMatching(/^Ressource \(audience\) : une adresse absolue/) },
    });
    expect(validateSyncForm({ ...form, resource: '', scopes: 'profile "admin"' })).toMatchObject({ ok: false, errors: { scopes: expect.stringMatching(/guillemets/) } });
    expect(validateSyncForm({ ...form, resource: ` ${API_RESOURCE} `, scopes: 'profile  email' })).toMatchObject({
      ok: true,
      settings: { oidc: { resource: API_RESOURCE, scopes: 'openid profile email' } },
    });
  });

  it('rotates the refresh token at each renewal; a used one is refused', async () => {
    const first = await signInWithPkce(settings, { launch: asJeanne, redirectUri: REDIRECT });
    const second = await refreshSession(settings, first, {});
    expect(second.refreshToken).toBeTruthy();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.signedInAt).toBe(first.signedInAt);
    const replay = await refreshSession(settings, first, {}).catch((err: unknown) => err);
    expect(replay).toBeInstanceOf(RenewalError);
    expect((replay as RenewalError).retry).toBe(false);
  });
});

describe('the session kept alive in the background', () => {
  let clock: number;
  const sync: SyncSettings = { serverUrl: 'http://unused.localhost' };
  const keeper = (scheduled: (number | undefined)[] = [], fetchFn?: typeof fetch) =>
    createSessionKeeper({
      settings: async () => ({ ...sync, oidc: settings }),
      now: () => clock,
      schedule: async (when) => void scheduled.push(when),
      ...(fetchFn ? { fetch: fetchFn } : {}),
    });
  const signedIn = async (): Promise<OidcSession> => {
    clock = Date.now();
    return signInWithPkce(settings, { launch: asJeanne, redirectUri: REDIRECT, now: () => clock });
  };

  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('renews an expired access token once for concurrent calls, keeps the rotated refresh token, and plans the next renewal', async () => {
    const scheduled: (number | undefined)[] = [];
    const k = keeper(scheduled);
    const session = await signedIn();
    await k.signedIn(session);
    expect(scheduled).toEqual([session.expiresAt! - 60_000]);
    expect(await k.token()).toBe(session.accessToken);

    clock = session.expiresAt! + 1000;
    const before = refreshes();
    const tokens = await Promise.all([k.token(), k.token(), k.token()]);
    expect(refreshes() - before).toBe(1);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(session.accessToken);
    const stored = await loadSession();
    expect(stored!.accessToken).toBe(tokens[0]);
    expect(stored!.refreshToken).not.toBe(session.refreshToken);
    expect(scheduled.at(-1)).toBe(stored!.expiresAt! - 60_000);
    const transport = createHttpTransport({ baseUrl: servers.urls[0]!, token: k.token });
    expect(await transport.me()).toMatchObject({ sub: 'jeanne.martin' });
  });

  it('renews when the alarm rings shortly before expiry, not earlier', async () => {
    const k = keeper();
    const session = await signedIn();
    await k.signedIn(session);
    const before = refreshes();
    await k.renewIfDue();
    expect(refreshes()).toBe(before);
    clock = session.expiresAt! - 59_000;
    await k.renewIfDue();
    expect(refreshes()).toBe(before + 1);
    expect((await loadSession())!.accessToken).not.toBe(session.accessToken);
  });

  it('gets a new token when the server refuses the current one, and tries the call again', async () => {
    const k = keeper();
    const session = await signedIn();
    await k.signedIn({ ...session, accessToken: 'revoque-par-le-fournisseur' });
    const transport = createHttpTransport({ baseUrl: servers.urls[0]!, token: k.token, renewToken: k.renewAfterRefusal });
    expect(await transport.me()).toMatchObject({ sub: 'jeanne.martin' });
  });

  it('says « Reconnexion nécessaire » when the provider refuses the renewal, and waits when it cannot be reached', async () => {
    const session = await signedIn();
    const offline = keeper([], (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch);
    await offline.signedIn(session);
    clock = session.expiresAt! + 1000;
    const unreachable = await offline.token().catch((err: unknown) => err);
    expect(isSyncError(unreachable) && unreachable.kind).toBe('network');
    expect(await loadSession()).toMatchObject({ refreshToken: session.refreshToken }); // kept for the next try

    const k = keeper();
    await saveSession({ ...session, refreshToken: 'inconnu-du-fournisseur' });
    expect(await k.token()).toBeUndefined();
    expect(await loadSession()).toBeUndefined();
    const transport = createHttpTransport({ baseUrl: servers.urls[0]!, token: k.token });
    const refused = await transport.me().catch((err: unknown) => err);
    expect(isSyncError(refused) && refused.kind).toBe('auth_required');
  });

  it("after a restart (no session) signs in again without a window through the provider's own session, but not after « Se déconnecter »", async () => {
    const cookies = new Map<string, string>();
    const windows: boolean[] = [];
    // The browser: its cookies outlive the extension's session storage; a silent window shows no page.
    const launch = async (url: string, interactive: boolean) => {
      windows.push(interactive);
      return signInThroughPages(url, 'jeanne.martin', REDIRECT, cookies);
    };
    clock = Date.now();
    const k = createSessionKeeper({ settings: async () => ({ ...sync, oidc: settings }), now: () => clock, silent: () => ({ launch, redirectUri: REDIRECT }) });
    // Before any sign-in the provider does not know this browser: the silent try fails (login_required).
    expect(await k.token()).toBeUndefined();
    await k.signedIn(await signInWithPkce(settings, { launch, redirectUri: REDIRECT, now: () => clock }));
    const submitted = provider.formSubmissions.length;
    await fakeBrowser.storage.session.clear(); // the browser restarted
    const token = await k.token();
    expect(token).toBeTruthy();
    expect(windows).toEqual([false, true, false]);
    expect(provider.formSubmissions.length).toBe(submitted); // no login, no consent
    expect(await createHttpTransport({ baseUrl: servers.urls[0]!, token: () => token }).me()).toMatchObject({ sub: 'jeanne.martin' });

    await k.signedOut();
    clock += 10 * 60_000;
    expect(await k.token()).toBeUndefined();
    expect(windows).toEqual([false, true, false]);
  });

  it('ignores a session from another provider or client', async () => {
    const session = await signedIn();
    await saveSession({ ...session, clientId: 'autre-client' });
    expect(await keeper().token()).toBeUndefined();
  });
});
