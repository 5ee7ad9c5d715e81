// @vitest-environment node
/**
 * Every route × caller × agency, with the expected answer written down. A route missing from the table fails
 * the test: a new route must decide who may call it. Callers carry real signed JWTs from a loopback JWKS.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { PushResponse } from '../../../lib/domain/sync';
import { create, looksFrench, makePromotion, pushBody } from '../fixtures';
import { describeEachDatabase, startHarness, type Harness } from '../harness';
import { startIdp, type Idp } from './idp';

const OWN = '69031';
const OTHER = '69032';

const CALLERS = ['counsellor', 'manager', 'national', 'no token', 'expired token', 'wrong audience'] as const;
type Caller = (typeof CALLERS)[number];
/** An HTTP status, or for a push (always 200 when authenticated) the outcome of the mutation. */
type Expected = number | 'applied' | 'forbidden';

// prettier-ignore
const MATRIX: Record<string, Expected[]> = {
  //                                         counsellor          manager             national            no token      expired token  wrong audience
  //                                         own       other     own       other     own       other     own   other   own   other    own   other
  'GET /v1/health':                        [ 200,      200,      200,      200,      200,      200,      200,  200,    200,  200,     200,  200 ],
  'GET /v1/me':                            [ 200,      200,      200,      200,      200,      200,      401,  401,    401,  401,     401,  401 ],
  'GET /v1/sync/pull':                     [ 200,      403,      200,      403,      200,      403,      401,  401,    401,  401,     401,  401 ],
  'POST /v1/sync/push':                    [ 'applied','forbidden','applied','forbidden','applied','forbidden', 401, 401, 401, 401,    401,  401 ],
  'GET /v1/privacy/job-seekers/{ftId}':    [ 200,      403,      200,      403,      200,      403,      401,  401,    401,  401,     401,  401 ],
  'GET /v1/stats':                         [ 200,      403,      200,      403,      200,      200,      401,  401,    401,  401,     401,  401 ],
};

function request(h: Harness, route: string, agency: string, token: string | undefined): Promise<LightMyRequestResponse> {
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  const scope = `agency:${agency}`;
  switch (route) {
    case 'GET /v1/health':
      return h.app.inject({ method: 'GET', url: '/v1/health', headers });
    case 'GET /v1/me':
      return h.app.inject({ method: 'GET', url: '/v1/me', headers });
    case 'GET /v1/sync/pull':
      return h.app.inject({ method: 'GET', url: `/v1/sync/pull?scope=${scope}`, headers });
    case 'POST /v1/sync/push':
      return h.app.inject({
        method: 'POST',
        url: '/v1/sync/push',
        headers,
        payload: pushBody(randomUUID(), 1, [create(makePromotion({ agencyCode: agency }))]),
      });
    case 'GET /v1/privacy/job-seekers/{ftId}':
      return h.app.inject({ method: 'GET', url: `/v1/privacy/job-seekers/1234567A?scope=${scope}`, headers });
    case 'GET /v1/stats':
      return h.app.inject({ method: 'GET', url: `/v1/stats?scope=${scope}`, headers });
  }
  throw new Error(`route sans requête de test : ${route}`);
}

let idp: Idp;
beforeAll(async () => {
  idp = await startIdp();
});
afterAll(async () => {
  await idp.close();
});

async function tokenOf(caller: Caller): Promise<string | undefined> {
  switch (caller) {
    case 'counsellor':
      return idp.sign({ sub: 'jeanne.martin', agency: OWN });
    case 'manager':
      return idp.sign({ sub: 'claire.durand', agency: OWN, roles: ['manager'] });
    case 'national':
      return idp.sign({ sub: 'nadia.national', agency: OWN, roles: ['national'] });
    case 'no token':
      return undefined;
    case 'expired token':
      return idp.sign({ sub: 'jeanne.martin', agency: OWN, expiresIn: Math.floor(Date.now() / 1000) - 3600 });
    case 'wrong audience':
      return idp.sign({ sub: 'jeanne.martin', agency: OWN, aud: 'another-app' });
  }
}

describeEachDatabase('authorisation matrix on %s', (kind) => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('has a row for every route of the OpenAPI document', async () => {
    h = await startHarness(kind, { auth: { oidc: idp.oidc } });
    const routes = await documentedRoutes(h);
    expect(routes.length).toBeGreaterThanOrEqual(5);
    expect(routes.filter((r) => !(r in MATRIX)), 'routes sans ligne dans la matrice').toEqual([]);
  });

  it('answers each route × caller × agency as the table says, refusals in French and 403 logged', async () => {
    h = await startHarness(kind, { auth: { oidc: idp.oidc }, logLevel: 'info' });
    const mismatches: string[] = [];
    const routes = await documentedRoutes(h);
    for (const [route, row] of Object.entries(MATRIX).filter(([r]) => routes.includes(r))) {
      for (const [c, caller] of CALLERS.entries()) {
        const token = await tokenOf(caller);
        for (const [a, agency] of [OWN, OTHER].entries()) {
          const expected = row[c * 2 + a]!;
          const res = await request(h, route, agency, token);
          const cell = `${route} × ${caller} × ${a === 0 ? 'own' : 'other'} agency`;
          let got: Expected = res.statusCode;
          if (typeof expected === 'string' && res.statusCode === 200) {
            const result = res.json<PushResponse>().results[0]!;
            got = result.status === 'applied' ? 'applied' : (result.code as Expected);
          }
          if (got !== expected) mismatches.push(`${cell}: attendu ${expected}, obtenu ${got} (${res.body.slice(0, 200)})`);
          if (res.statusCode >= 400) {
            const body = res.json<{ error: { code: string; message: string } }>();
            if (!looksFrench(body.error?.message ?? '')) mismatches.push(`${cell}: message non français`);
          }
          if (res.statusCode === 403 && !h.logs.some((l) => l.includes('"level":40') && l.includes(url(route)) && l.includes('"forbidden"'))) {
            mismatches.push(`${cell}: 403 non journalisé`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});

/** `METHOD /path` of every route the service documents (all but the documentation itself). */
async function documentedRoutes(h: Harness): Promise<string[]> {
  const spec = (await h.app.inject({ method: 'GET', url: '/docs/json' })).json<{ paths: Record<string, object> }>();
  return Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
}

const url = (route: string) => route.split(' ')[1]!.replace('{ftId}', '[masqué]');
