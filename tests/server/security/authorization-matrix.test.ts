// @vitest-environment node
/**
 * Every route × caller × agency, and every mutation × role × author, with the expected answer written down.
 * A route or a mutation missing from its table fails the test: a new one must decide who may use it. Callers
 * carry real signed JWTs from a loopback JWKS.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { MUTATION_NAMES, type PushResponse } from '../../../lib/domain/sync';
import {
  addEvent,
  create,
  looksFrench,
  makeEvent,
  makeNeed,
  makePoolEntry,
  makeReaderAlias,
  makePromotion,
  pushBody,
  TestClient,
  update,
  type MutationInput,
} from '../fixtures';
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
  'GET /v1/ready':                         [ 200,      200,      200,      200,      200,      200,      200,  200,    200,  200,     200,  200 ],
  'GET /v1/me':                            [ 200,      200,      200,      200,      200,      200,      401,  401,    401,  401,     401,  401 ],
  'GET /v1/sync/pull':                     [ 200,      403,      200,      403,      200,      403,      401,  401,    401,  401,     401,  401 ],
  'POST /v1/sync/push':                    [ 'applied','forbidden','applied','forbidden','applied','forbidden', 401, 401, 401, 401,    401,  401 ],
  'GET /v1/privacy/job-seekers/{ftId}':    [ 200,      403,      200,      403,      200,      403,      401,  401,    401,  401,     401,  401 ],
  'GET /v1/stats':                         [ 200,      403,      200,      403,      200,      200,      401,  401,    401,  401,     401,  401 ],
  // The report carries no agency: the token's is stamped, so « other » sends to the caller's own agency too.
  'POST /v1/readers/health':               [ 200,      200,      200,      200,      200,      200,      401,  401,    401,  401,     401,  401 ],
  'GET /v1/readers/health':                [ 403,      403,      200,      403,      200,      200,      401,  401,    401,  401,     401,  401 ],
};

function request(h: Harness, route: string, agency: string, token: string | undefined): Promise<LightMyRequestResponse> {
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  const scope = `agency:${agency}`;
  switch (route) {
    case 'GET /v1/health':
      return h.app.inject({ method: 'GET', url: '/v1/health', headers });
    case 'GET /v1/ready':
      return h.app.inject({ method: 'GET', url: '/v1/ready', headers });
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
    case 'POST /v1/readers/health':
      return h.app.inject({
        method: 'POST',
        url: '/v1/readers/health',
        headers,
        payload: { clientId: randomUUID(), schemaVersion: 1, day: '2025-06-01', pages: [{ tool: 'messagerie', page: 'sent', readings: 1, misses: [], variants: [] }] },
      });
    case 'GET /v1/readers/health':
      return h.app.inject({ method: 'GET', url: `/v1/readers/health?scope=${scope}`, headers });
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

const ROLES = ['counsellor', 'manager', 'national'] as const;
type Role = (typeof ROLES)[number];
type Outcome = 'applied' | 'forbidden' | 'not forbidden';
const A = 'applied';
const F = 'forbidden';
/** Authorship lets it through; what a replay then merges is the reducer's business (events by union). */
const P = 'not forbidden';

/** The records a mutation of the matrix targets, written by their author before the caller acts. */
interface Targets {
  promotion: ReturnType<typeof makePromotion>;
  need: ReturnType<typeof makeNeed>;
  entry: ReturnType<typeof makePoolEntry>;
  alias: ReturnType<typeof makeReaderAlias>;
}

/** `name: what`, the mutation, written against the author's records (version 1 to 3, in that order). */
const MUTATIONS: Record<string, (t: Targets) => MutationInput> = {
  'promotion.create: a new promotion': () => create(makePromotion()),
  'promotion.create: a replay adding a follow-up event': (t) => create({ ...t.promotion, events: [makeEvent(t.promotion.id, { type: 'employer_replied' })] }),
  'promotion.create: a replay adding « withdrawn »': (t) => create({ ...t.promotion, events: [makeEvent(t.promotion.id, { type: 'withdrawn' })] }),
  'promotion.update: descriptive fields': (t) => update('promotion.update', t.promotion.id, 1, { pitch: 'Autre argumentaire.', channel: 'phone' }),
  'promotion.addEvent: employer reply': (t) => addEvent(makeEvent(t.promotion.id, { type: 'employer_replied' })),
  'promotion.addEvent: interview': (t) => addEvent(makeEvent(t.promotion.id, { type: 'interview' })),
  'promotion.addEvent: note': (t) => addEvent(makeEvent(t.promotion.id, { type: 'note', note: 'Rappeler lundi.' })),
  'promotion.addEvent: withdrawn': (t) => addEvent(makeEvent(t.promotion.id, { type: 'withdrawn' })),
  'need.create: a new need': () => ({ name: 'need.create', args: makeNeed() }),
  'need.update: edit': (t) => update('need.update', t.need.id, 2, { positions: 5 }),
  'need.update: close': (t) => update('need.update', t.need.id, 2, { status: 'closed' }),
  'pool.add: a new entry': () => ({ name: 'pool.add', args: makePoolEntry() }),
  'pool.update: edit': (t) => update('pool.update', t.entry.id, 3, { pitch: 'Cariste confirmé.' }),
  'pool.update: withdraw': (t) => update('pool.update', t.entry.id, 3, { status: 'withdrawn' }),
  'jobseeker.consentWithdrawn': () => ({ name: 'jobseeker.consentWithdrawn', args: { ftId: '1234567A', at: new Date().toISOString() } }),
  'alias.create: a new label': () => ({ name: 'alias.create', args: makeReaderAlias() }),
  'alias.revoke: withdraw': (t) => ({ name: 'alias.revoke', args: { id: t.alias.id, at: new Date().toISOString(), by: 'anyone' } }),
  'alias.matched: read on a page': (t) => ({ name: 'alias.matched', args: { id: t.alias.id, at: new Date().toISOString() } }),
};

// prettier-ignore
const MUTATION_MATRIX: Record<keyof typeof MUTATIONS, Outcome[]> = {
  //                                                       counsellor       manager          national
  //                                                       own   colleague's own   colleague's own   colleague's
  'promotion.create: a new promotion':                   [ A,    A,          A,    A,          A,    A ],
  'promotion.create: a replay adding a follow-up event': [ P,    P,          P,    P,          P,    P ],
  'promotion.create: a replay adding « withdrawn »':     [ P,    F,          P,    P,          P,    F ],
  'promotion.update: descriptive fields':                [ A,    F,          A,    A,          A,    F ],
  'promotion.addEvent: employer reply':                  [ A,    A,          A,    A,          A,    A ],
  'promotion.addEvent: interview':                       [ A,    A,          A,    A,          A,    A ],
  'promotion.addEvent: note':                            [ A,    A,          A,    A,          A,    A ],
  'promotion.addEvent: withdrawn':                       [ A,    F,          A,    A,          A,    F ],
  'need.create: a new need':                             [ A,    A,          A,    A,          A,    A ],
  'need.update: edit':                                   [ A,    F,          A,    A,          A,    F ],
  'need.update: close':                                  [ A,    F,          A,    A,          A,    F ],
  'pool.add: a new entry':                               [ A,    A,          A,    A,          A,    A ],
  'pool.update: edit':                                   [ A,    F,          A,    A,          A,    F ],
  'pool.update: withdraw':                               [ A,    F,          A,    A,          A,    F ],
  'jobseeker.consentWithdrawn':                          [ A,    A,          A,    A,          A,    A ],
  'alias.create: a new label':                           [ A,    A,          A,    A,          A,    A ],
  'alias.revoke: withdraw':                              [ A,    F,          A,    A,          A,    F ],
  'alias.matched: read on a page':                       [ A,    A,          A,    A,          A,    A ],
};

/** Every write takes a version of the scope: unchanged, nothing was written. */
const scopeVersion = async (h: Harness) =>
  Number((await h.app.db.selectFrom('scope_versions').select('version').where('scope', '=', `agency:${OWN}`).executeTakeFirst())?.version ?? 0);

const SUBS: Record<Role, string> = { counsellor: 'jeanne.martin', manager: 'claire.durand', national: 'nadia.national' };
const ROLE_CLAIMS: Record<Role, string[]> = { counsellor: [], manager: ['manager'], national: ['national'] };

it('has a row of the mutation matrix for every mutation the protocol knows', () => {
  const covered = new Set(Object.keys(MUTATION_MATRIX).map((row) => row.split(':')[0]));
  expect(MUTATION_NAMES.filter((name) => !covered.has(name))).toEqual([]);
});

describeEachDatabase('mutation × role × author matrix on %s', (kind) => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('applies or refuses each mutation as the table says, refusals in French, the record untouched', async () => {
    h = await startHarness(kind, { auth: { oidc: idp.oidc }, logLevel: 'info' });
    const colleague = await idp.sign({ sub: 'paul.bernard', agency: OWN });
    const mismatches: string[] = [];
    for (const [row, expected] of Object.entries(MUTATION_MATRIX)) {
      for (const [r, role] of ROLES.entries()) {
        const caller = await idp.sign({ sub: SUBS[role], agency: OWN, roles: ROLE_CLAIMS[role] });
        for (const [a, whose] of (['own', "colleague's"] as const).entries()) {
          const author = new TestClient(h.app, whose === 'own' ? caller : colleague);
          const targets: Targets = { promotion: makePromotion(), need: makeNeed(), entry: makePoolEntry(), alias: makeReaderAlias() };
          await author.push([
            create(targets.promotion),
            { name: 'need.create', args: targets.need },
            { name: 'pool.add', args: targets.entry },
            { name: 'alias.create', args: targets.alias },
          ]);
          const before = await scopeVersion(h);

          const result = (await new TestClient(h.app, caller).push([MUTATIONS[row]!(targets)])).results[0]!;
          const cell = `${row} × ${role} × ${whose} record`;
          const want = expected[r * 2 + a];
          const got = result.status === 'applied' ? A : result.code;
          if (want === P ? got === F : got !== want) mismatches.push(`${cell}: attendu ${want}, obtenu ${got} (${result.message ?? ''})`);
          if (result.status === 'rejected' && want !== P) {
            if (!looksFrench(result.message ?? '')) mismatches.push(`${cell}: message non français`);
            if ((await scopeVersion(h)) !== before) mismatches.push(`${cell}: refusé mais écrit`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Every consent withdrawal is in the audit log under its caller's sub.
    const audited = await h.app.db.selectFrom('audit_log').select('sub').where('action', '=', 'purge').execute();
    expect(audited.map((a) => a.sub).sort()).toEqual(Object.values(SUBS).flatMap((sub) => [sub, sub]).sort());
    // Authorship refusals are logged with who tried.
    const refusals = h.logs.filter((l) => l.includes('"level":40') && l.includes("ni l'auteur ni un responsable"));
    expect(refusals.some((l) => l.includes('"sub":"jeanne.martin"'))).toBe(true);
  }, 120_000);
});

/** `METHOD /path` of every route the service documents (all but the documentation itself). */
async function documentedRoutes(h: Harness): Promise<string[]> {
  const spec = (await h.app.inject({ method: 'GET', url: '/docs/json' })).json<{ paths: Record<string, object> }>();
  return Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
}

const url = (route: string) => route.split(' ')[1]!.replace('{ftId}', '[masqué]');
