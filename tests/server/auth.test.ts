// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createJwtVerifier } from '../../server/auth/jwt';
import type { OidcConfig } from '../../server/config';
import { getPull, looksFrench, SCOPE } from './fixtures';
import { describeEachDatabase, startHarness, TOKENS, type Harness } from './harness';

const AUDIENCE = 'profilence-api';

/** A tiny identity provider on loopback: OIDC discovery and JWKS. */
let idp: Server;
let issuer: string;
let signingKey: CryptoKey;
let strangerKey: CryptoKey;
let jwksRequests = 0;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256');
  const stranger = await generateKeyPair('ES256');
  signingKey = pair.privateKey;
  strangerKey = stranger.privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  idp = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/realms/agents/.well-known/openid-configuration') {
      res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/certs` }));
    } else if (req.url === '/realms/agents/certs') {
      jwksRequests++;
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}/realms/agents`;
});

afterAll(async () => {
  await new Promise((resolve) => idp.close(resolve));
});

interface TokenOptions {
  key?: CryptoKey;
  iss?: string;
  aud?: string;
  expiresIn?: string | number;
  claims?: Record<string, unknown>;
  sub?: string | null;
  /** The JOSE header's `typ`: `at+jwt` for an access token (RFC 9068). */
  typ?: string;
}

function sign({ key = signingKey, iss = issuer, aud = AUDIENCE, expiresIn = '10m', claims, sub = 'jeanne.martin', typ = 'at+jwt' }: TokenOptions = {}) {
  const jwt = new SignJWT({ agency: '69031', name: 'Jeanne MARTIN', ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ })
    .setIssuer(iss)
    .setAudience(aud)
    .setIssuedAt()
    .setExpirationTime(expiresIn);
  if (sub) jwt.setSubject(sub);
  return jwt.sign(key);
}

describeEachDatabase('authentication on %s', (kind) => {
  let h: Harness;
  const oidc = (): OidcConfig => ({
    issuer,
    audience: AUDIENCE,
    jwksUrl: `${issuer}/certs`,
    agencyClaim: 'agency',
    rolesClaim: 'roles',
  });
  afterEach(async () => {
    await h.close();
  });

  it('accepts a valid signed token and scopes the counsellor to the agency claim', async () => {
    h = await startHarness(kind, { auth: { oidc: oidc() } });
    const token = await sign();
    const ok = await getPull(h.app, token, { scope: SCOPE });
    expect(ok.statusCode).toBe(200);
    const other = await getPull(h.app, token, { scope: 'agency:69032' });
    expect(other.statusCode).toBe(403);
  });

  it('refuses expired, wrongly addressed, foreign or incomplete tokens with 401 in French', async () => {
    h = await startHarness(kind, { auth: { oidc: oidc() } });
    const cases: Record<string, string> = {
      expired: await sign({ expiresIn: Math.floor(Date.now() / 1000) - 3600 }),
      'wrong audience': await sign({ aud: 'another-app' }),
      'wrong issuer': await sign({ iss: 'http://127.0.0.1:1/realms/other' }),
      'bad signature': await sign({ key: strangerKey }),
      'no agency claim': await sign({ claims: { agency: undefined } }),
      'malformed agency': await sign({ claims: { agency: 'Lyon' } }),
      'no sub': await sign({ sub: null }),
      'not a JWT': 'abc.def.ghi',
    };
    for (const [label, token] of Object.entries(cases)) {
      const res = await getPull(h.app, token, { scope: SCOPE });
      expect(res.statusCode, label).toBe(401);
      expect(res.json(), label).toEqual({
        error: { code: 'unauthorized', message: 'Session expirée ou jeton invalide : reconnectez-vous.' },
      });
    }
    const tampered = (await sign()).replace(/\.([^.]+)\./, (_m, payload: string) => {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      return `.${Buffer.from(JSON.stringify({ ...claims, agency: '69032' })).toString('base64url')}.`;
    });
    expect((await getPull(h.app, tampered, { scope: 'agency:69032' })).statusCode).toBe(401);
  });

  it('refuses requests without a bearer token, but serves health and docs', async () => {
    h = await startHarness(kind);
    const missing = await h.app.inject({ method: 'GET', url: `/v1/sync/pull?scope=${SCOPE}` });
    const basic = await h.app.inject({ method: 'GET', url: `/v1/sync/pull?scope=${SCOPE}`, headers: { authorization: 'Basic dXNlcjpwdw==' } });
    const unknownDev = await getPull(h.app, 'demo-nobody', { scope: SCOPE });
    const push = await h.app.inject({ method: 'POST', url: '/v1/sync/push', payload: { clientId: 'x' } });
    for (const res of [missing, basic, unknownDev, push]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthorized');
      expect(looksFrench(res.json().error.message)).toBe(true);
    }
    expect((await h.app.inject({ method: 'GET', url: '/v1/health' })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/docs/json' })).statusCode).toBe(200);
  });

  it('finds the JWKS through OpenID discovery, with custom agency and roles claims', async () => {
    const config: OidcConfig = { issuer, audience: AUDIENCE, agencyClaim: 'safir', rolesClaim: 'realm_roles' };
    h = await startHarness(kind, { auth: { oidc: config } });
    const before = jwksRequests;
    const token = await sign({ claims: { agency: undefined, safir: 6901, realm_roles: ['manager', 'admin'] } });
    const res = await getPull(h.app, token, { scope: 'agency:06901' });
    expect(res.statusCode).toBe(200);
    expect(jwksRequests).toBeGreaterThan(before);
    const counsellor = await createJwtVerifier(config)(await sign({ claims: { safir: '69031', realm_roles: 'manager national' } }));
    expect(counsellor).toEqual({ sub: 'jeanne.martin', agencyCode: '69031', name: 'Jeanne MARTIN', roles: ['manager', 'national'] });
  });

  it('accepts dev tokens and JWTs side by side', async () => {
    h = await startHarness(kind, { auth: { devTokens: { 'demo-jeanne': { sub: 'jeanne.martin', agency: '69031', name: 'Jeanne' } }, oidc: oidc() } });
    expect((await getPull(h.app, 'demo-jeanne', { scope: SCOPE })).statusCode).toBe(200);
    expect((await getPull(h.app, await sign(), { scope: SCOPE })).statusCode).toBe(200);
    expect((await getPull(h.app, TOKENS.paul, { scope: SCOPE })).statusCode).toBe(401);
  });

  it('refuses an ID token as an access token even with the right audience (RFC 9068 typ)', async () => {
    h = await startHarness(kind, { auth: { oidc: oidc() } });
    const idToken = await sign({ typ: 'JWT', claims: { nonce: 'n-0S6_WzA2Mj', at_hash: 'HK6E_P6Dh8Y93mRNtsDB1Q' } });
    const untyped = await sign({ typ: 'JWT' });
    expect((await getPull(h.app, idToken, { scope: SCOPE })).statusCode).toBe(401);
    expect((await getPull(h.app, untyped, { scope: SCOPE })).statusCode).toBe(401);
    expect((await getPull(h.app, await sign({ typ: 'application/at+jwt' }), { scope: SCOPE })).statusCode).toBe(200);
    await h.close();
    // A provider that does not type its access tokens: accepted on request, ID tokens still refused.
    h = await startHarness(kind, { auth: { oidc: { ...oidc(), acceptUntypedJwt: true } } });
    expect((await getPull(h.app, untyped, { scope: SCOPE })).statusCode).toBe(200);
    expect((await getPull(h.app, idToken, { scope: SCOPE })).statusCode).toBe(401);
    expect((await getPull(h.app, await sign({ typ: 'JWT', claims: { typ: 'ID' } }), { scope: SCOPE })).statusCode).toBe(401);
  });

  it('compares the issuer with and without a trailing slash', async () => {
    h = await startHarness(kind, { auth: { oidc: { ...oidc(), issuer: `${issuer}/`, jwksUrl: undefined } } });
    expect((await getPull(h.app, await sign(), { scope: SCOPE })).statusCode).toBe(200);
    expect((await getPull(h.app, await sign({ iss: `${issuer}/` }), { scope: SCOPE })).statusCode).toBe(200);
    expect((await getPull(h.app, await sign({ iss: `${issuer}/other` }), { scope: SCOPE })).statusCode).toBe(401);
  });

  it('logs whether the issuer or the audience was wrong, without the token', async () => {
    h = await startHarness(kind, { auth: { oidc: oidc() }, logLevel: 'info' });
    const wrongAudience = await sign({ aud: 'another-app' });
    const wrongIssuer = await sign({ iss: 'https://sso.autre.example/realms/agents' });
    await getPull(h.app, wrongAudience, { scope: SCOPE });
    await getPull(h.app, wrongIssuer, { scope: SCOPE });
    const refusals = h.logs.filter((l) => l.includes('jeton OIDC refusé'));
    expect(refusals).toHaveLength(2);
    expect(refusals[0]).toMatch(/audience inattendue/);
    expect(refusals[0]).toContain('another-app');
    expect(refusals[1]).toMatch(/émetteur inattendu/);
    expect(refusals[1]).toContain('https://sso.autre.example/realms/agents');
    const all = h.logs.join('\n');
    for (const token of [wrongAudience, wrongIssuer]) {
      expect(all).not.toContain(token);
      expect(all).not.toContain(token.split('.')[2]);
    }
  });

  it('reads nested claims (realm_access.roles), maps the provider roles and names', async () => {
    const config: OidcConfig = {
      ...oidc(),
      agencyClaim: 'org.safir',
      rolesClaim: 'realm_access.roles',
      nameClaim: 'display.name',
      roleMap: { GRP_MANAGERS: ['manager'], GRP_NAT: ['national'] },
    };
    h = await startHarness(kind, { auth: { oidc: config } });
    const token = await sign({
      claims: {
        agency: undefined,
        name: undefined,
        org: { safir: '69031' },
        display: { name: 'Sophie LEROY' },
        realm_access: { roles: ['GRP_MANAGERS', 'offline_access', 'manager', 'national'] },
      },
      sub: 'sophie.leroy',
    });
    const me = await h.app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    // Literal « manager » or « national » at the provider give nothing once a map is set.
    expect(me.json()).toEqual({ sub: 'sophie.leroy', agencyCode: '69031', name: 'Sophie LEROY', roles: ['manager'] });
    const national = await sign({ claims: { agency: undefined, org: { safir: '69031' }, realm_access: { roles: ['GRP_NAT', 'GRP_MANAGERS'] } } });
    const nationalMe = await h.app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${national}` } });
    expect(nationalMe.json().roles).toEqual(['manager', 'national']);
  });

  it('never writes the bearer token in the logs', async () => {
    h = await startHarness(kind, { logLevel: 'trace' });
    await getPull(h.app, TOKENS.villeurbanne, { scope: SCOPE });
    // Should anyone log the headers one day, the token is masked.
    h.app.log.info({ headers: { authorization: `Bearer ${TOKENS.jeanne}` } }, 'essai');
    expect(h.logs.length).toBeGreaterThan(2);
    expect(h.logs.join('\n')).not.toContain(TOKENS.villeurbanne);
    expect(h.logs.join('\n')).not.toContain(TOKENS.jeanne);
    expect(h.logs.some((l) => l.includes('[masqué]'))).toBe(true);
    expect(h.logs.some((l) => l.includes('"level":40') && l.includes('"forbidden"') && l.includes('karim.benali'))).toBe(true);
  });
});
