// @vitest-environment node
/**
 * The endpoint against a real OpenID Connect provider (panva's oidc-provider in this process): tokens obtained
 * through its sign-in pages, verified by the server; refresh, signing-key rotation, expiry, and opaque tokens
 * through introspection with the name from userinfo.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { refreshSession, signInWithPkce, type OidcSession } from '../../lib/sync/oidc';
import type { OidcConfig } from '../../server/config';
import { API_CLIENT, API_RESOURCE, EXTENSION_CLIENT, signInThroughPages, startProvider, type RealProvider } from './auth-provider';
import { getPull, SCOPE } from './fixtures';
import { startHarness, type Harness } from './harness';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

const claims = { agencyClaim: 'safir', rolesClaim: 'realm_access.roles', roleMap: { GRP_MANAGERS: ['manager' as const] } };

/** `resource: null`: the request names no resource (RFC 8707), as the extension did before. */
async function signIn(provider: RealProvider, login: string, resource: string | null = API_RESOURCE): Promise<OidcSession> {
  return signInWithPkce(
    { issuer: provider.issuer, clientId: EXTENSION_CLIENT, scopes: 'openid profile', resource: resource ?? undefined },
    { launch: (url) => signInThroughPages(url, login, REDIRECT), redirectUri: REDIRECT },
  );
}

const me = (h: Harness, token: string) => h.app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${token}` } });

describe('JWT access tokens from the real provider', () => {
  let provider: RealProvider;
  let h: Harness;
  beforeAll(async () => {
    provider = await startProvider({ redirectUris: [REDIRECT], accessTokenTtl: 120, nameInAccessToken: true });
  });
  afterAll(async () => {
    await provider.close();
  });
  afterEach(async () => {
    vi.useRealTimers();
    await h.close();
  });

  const oidc = (): OidcConfig => ({ issuer: provider.issuer, audience: API_RESOURCE, ...claims });

  it('accepts the access token issued for the API, with the agency, mapped roles and name from its claims', async () => {
    h = await startHarness('sqlite', { auth: { oidc: oidc() } });
    const sophie = await signIn(provider, 'sophie.leroy');
    expect(sophie.accessToken.split('.')).toHaveLength(3);
    const res = await me(h, sophie.accessToken);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sub: 'sophie.leroy', agencyCode: '69031', name: 'Sophie LEROY', roles: ['manager'] });
    expect((await getPull(h.app, sophie.accessToken, { scope: SCOPE })).statusCode).toBe(200);
  });

  it("refuses the provider's ID token and a token issued without the API's resource", async () => {
    h = await startHarness('sqlite', { auth: { oidc: oidc() } });
    // Same provider, same signing key: only the type (RFC 9068) and the audience tell them apart.
    const withoutResource = await signIn(provider, 'jeanne.martin', null);
    expect((await me(h, withoutResource.accessToken)).statusCode).toBe(401);
    const idTokenCase = await startHarness('sqlite', { auth: { oidc: { ...oidc(), audience: EXTENSION_CLIENT } } });
    try {
      const idToken = await fetchIdToken(provider);
      expect(JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString()).aud).toBe(EXTENSION_CLIENT);
      expect((await me(idTokenCase, idToken)).statusCode).toBe(401);
    } finally {
      await idTokenCase.close();
    }
  });

  it('keeps accepting tokens after the provider rotates its signing key (JWKS downloaded again)', async () => {
    h = await startHarness('sqlite', { auth: { oidc: oidc() } });
    const before = await signIn(provider, 'jeanne.martin');
    expect((await me(h, before.accessToken)).statusCode).toBe(200);
    await provider.rotateSigningKey();
    const after = await refreshSession({ issuer: provider.issuer, clientId: EXTENSION_CLIENT, scopes: 'openid', resource: API_RESOURCE }, before, {});
    const kid = (t: string) => JSON.parse(Buffer.from(t.split('.')[0]!, 'base64url').toString()).kid;
    expect(kid(after.accessToken)).not.toBe(kid(before.accessToken));
    // The key set is fetched again at most every 30 s: past that, the unknown key is looked up.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 31_000);
    expect((await me(h, after.accessToken)).statusCode).toBe(200);
    expect((await me(h, before.accessToken)).statusCode).toBe(200);
  });

  it('refuses an expired access token, and the refreshed one is accepted', async () => {
    h = await startHarness('sqlite', { auth: { oidc: oidc() } });
    const session = await signIn(provider, 'jeanne.martin');
    expect(session.refreshToken).toBeDefined();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 120_000 + 31_000); // lifetime, then the 30 s of clock tolerance
    expect((await me(h, session.accessToken)).statusCode).toBe(401);
    const renewed = await refreshSession({ issuer: provider.issuer, clientId: EXTENSION_CLIENT, scopes: 'openid', resource: API_RESOURCE }, session, {});
    expect(renewed.refreshToken).not.toBe(session.refreshToken);
    expect((await me(h, renewed.accessToken)).json()).toMatchObject({ sub: 'jeanne.martin', name: 'Jeanne MARTIN' });
  });
});

/** An ID token from the same provider, through the same pages (what a careless client could send). */
async function fetchIdToken(provider: RealProvider): Promise<string> {
  const { createPkcePair } = await import('../../lib/sync/oidc');
  const { verifier, challenge } = await createPkcePair();
  const authorize = new URL(`${provider.issuer}/auth`);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: EXTENSION_CLIENT,
    redirect_uri: REDIRECT,
    scope: 'openid profile',
    state: 's',
    nonce: 'n',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  const back = new URL(await signInThroughPages(authorize.href, 'jeanne.martin', REDIRECT));
  const res = await fetch(`${provider.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: REDIRECT, client_id: EXTENSION_CLIENT, code_verifier: verifier }),
  });
  return ((await res.json()) as { id_token: string }).id_token;
}

describe('opaque access tokens through introspection', () => {
  let provider: RealProvider;
  let h: Harness;
  beforeAll(async () => {
    provider = await startProvider({ redirectUris: [REDIRECT], accessTokenTtl: 120 });
  });
  afterAll(async () => {
    await provider.close();
  });
  afterEach(async () => {
    await h.close();
  });

  it('accepts an opaque token issued to the extension (no resource indicator), the name from userinfo', async () => {
    // A provider that issues opaque tokens without audience: the audience configured is the extension's client id.
    h = await startHarness('sqlite', {
      auth: { oidc: { issuer: provider.issuer, audience: EXTENSION_CLIENT, ...claims, introspection: { clientId: API_CLIENT.id, clientSecret: API_CLIENT.secret } } },
    });
    const session = await signIn(provider, 'jeanne.martin', null);
    expect(session.accessToken.split('.')).toHaveLength(1);
    const before = provider.introspections();
    const res = await me(h, session.accessToken);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sub: 'jeanne.martin', agencyCode: '69031', name: 'Jeanne MARTIN', roles: [] });
    expect((await getPull(h.app, session.accessToken, { scope: SCOPE })).statusCode).toBe(200);
    expect(provider.introspections() - before).toBe(1); // the answer is kept briefly
    // Revoked at the provider: refused once the brief cache (a minute at most) has passed.
    await fetch(`${provider.issuer}/token/revocation`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: session.accessToken, client_id: EXTENSION_CLIENT }),
    });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 61_000);
    try {
      expect((await me(h, session.accessToken)).statusCode).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses opaque tokens with a wrong client secret or without introspection configured', async () => {
    h = await startHarness('sqlite', {
      auth: { oidc: { issuer: provider.issuer, audience: EXTENSION_CLIENT, ...claims, introspection: { clientId: API_CLIENT.id, clientSecret: 'mauvais' } } },
      logLevel: 'info',
    });
    const session = await signIn(provider, 'jeanne.martin', null);
    expect((await me(h, session.accessToken)).statusCode).toBe(401);
    expect(h.logs.join('\n')).toMatch(/jeton OIDC refusé/);
    expect(h.logs.join('\n')).not.toContain(session.accessToken);
    await h.close();
    h = await startHarness('sqlite', { auth: { oidc: { issuer: provider.issuer, audience: EXTENSION_CLIENT, ...claims } } });
    expect((await me(h, session.accessToken)).statusCode).toBe(401);
  });
});
