// @vitest-environment node
/**
 * Sign-in with OpenID Connect + PKCE against a small identity provider on loopback, then a sync with the
 * access token it issued, verified by the real endpoint against the provider's JWKS.
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpTransport } from '../../lib/sync';
import { base64url, createPkcePair, isSessionValid, signInWithPkce, SignInError } from '../../lib/sync/oidc';
import { startServers, type TestServers } from './server';

const CLIENT_ID = 'profilence-extension';
const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/';
const AUDIENCE = 'profilence-api';

let idp: Server;
let issuer: string;
let key: CryptoKey;
let jwk: JWK;
/** code → what the authorisation request carried. */
const codes = new Map<string, { challenge: string; method: string; redirect: string; clientId: string }>();
let refuse: string | undefined;

function readBody(req: import('node:http').IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => resolve(body));
  });
}

beforeAll(async () => {
  const pair = await generateKeyPair('ES256');
  key = pair.privateKey;
  jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  idp = createServer(async (req, res) => {
    const url = new URL(req.url!, issuer);
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname.endsWith('/.well-known/openid-configuration')) {
      return json(200, { issuer, authorization_endpoint: `${issuer}/auth`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/certs` });
    }
    if (url.pathname.endsWith('/certs')) return json(200, { keys: [jwk] });
    if (url.pathname.endsWith('/auth')) {
      // The counsellor signs in here; the provider sends the browser back to the extension's redirect URL.
      const q = url.searchParams;
      const back = new URL(q.get('redirect_uri')!);
      back.searchParams.set('state', q.get('state')!);
      if (refuse) back.searchParams.set('error', refuse);
      else {
        const code = crypto.randomUUID();
        codes.set(code, { challenge: q.get('code_challenge')!, method: q.get('code_challenge_method')!, redirect: q.get('redirect_uri')!, clientId: q.get('client_id')! });
        back.searchParams.set('code', code);
      }
      return res.writeHead(302, { location: back.href }).end();
    }
    if (url.pathname.endsWith('/token') && req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const expected = createHash('sha256').update(verifier).digest('base64url');
      if (!grant || grant.method !== 'S256' || grant.challenge !== expected || grant.redirect !== form.get('redirect_uri') || grant.clientId !== form.get('client_id')) {
        return json(400, { error: 'invalid_grant' });
      }
      const token = await new SignJWT({ agency: '69031', name: 'Jeanne MARTIN' })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setIssuer(issuer)
        .setAudience(AUDIENCE)
        .setSubject('jeanne.martin')
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(key);
      return json(200, { access_token: token, token_type: 'Bearer', expires_in: 600 });
    }
    json(404, {});
  });
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}/realms/agents`;
});

afterAll(async () => {
  await new Promise((resolve) => idp.close(resolve));
});

/** What `launchWebAuthFlow` does: open the page, follow it until the redirect URL, hand that URL back. */
const launch = async (url: string) => {
  const res = await fetch(url, { redirect: 'manual' });
  return res.headers.get('location') ?? undefined;
};

describe('sign-in with OpenID Connect and PKCE', () => {
  let servers: TestServers;
  beforeAll(async () => {
    servers = await startServers('sqlite', { listen: true, oidc: { issuer, audience: AUDIENCE, agencyClaim: 'agency', rolesClaim: 'roles' } });
  });
  afterAll(async () => {
    await servers.close();
  });

  it('makes an S256 challenge from a fresh verifier', async () => {
    const a = await createPkcePair();
    const b = await createPkcePair();
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.verifier).not.toBe(b.verifier);
    expect(a.challenge).toBe(createHash('sha256').update(a.verifier).digest('base64url'));
    expect(base64url(new Uint8Array([251, 255]))).toBe('-_8');
  });

  it('signs in, and the endpoint accepts the access token for a sync', async () => {
    const now = Date.parse('2026-03-12T09:00:00Z');
    const session = await signInWithPkce({ issuer, clientId: CLIENT_ID, scope: 'openid profile' }, { launch, redirectUri: REDIRECT, now: () => now });
    expect(session.expiresAt).toBe(now + 600_000);
    expect(isSessionValid(session, now)).toBe(true);
    expect(isSessionValid(session, now + 590_000)).toBe(false);
    const transport = createHttpTransport({ baseUrl: servers.urls[0]!, token: () => session.accessToken });
    expect(await transport.me()).toMatchObject({ sub: 'jeanne.martin', agencyCode: '69031' });
    expect(await transport.pull({ scope: 'agency:69031' })).toMatchObject({ hasMore: false });
  });

  it('explains in French a refusal, a cancelled window and a forged answer', async () => {
    const settings = { issuer, clientId: CLIENT_ID, scope: 'openid' };
    refuse = 'access_denied';
    await expect(signInWithPkce(settings, { launch, redirectUri: REDIRECT })).rejects.toThrow(/refusée.*access_denied/);
    refuse = undefined;
    await expect(signInWithPkce(settings, { launch: async () => undefined, redirectUri: REDIRECT })).rejects.toThrow(/annulée/);
    await expect(
      signInWithPkce(settings, { launch: async () => `${REDIRECT}?code=stolen&state=not-ours`, redirectUri: REDIRECT }),
    ).rejects.toThrow(SignInError);
    // A code obtained without our verifier is refused by the provider.
    await expect(
      signInWithPkce(settings, {
        launch: async (url) => {
          const state = new URL(url).searchParams.get('state');
          return `${REDIRECT}?code=${crypto.randomUUID()}&state=${state}`;
        },
        redirectUri: REDIRECT,
      }),
    ).rejects.toThrow(/Jeton refusé/);
    await expect(signInWithPkce({ ...settings, issuer: 'http://127.0.0.1:9' }, { launch, redirectUri: REDIRECT })).rejects.toThrow(/injoignable/);
  });
});
