// @vitest-environment node
/**
 * Fuzzing of every route with fast-check: random query strings, headers, tokens, bodies and path parameters, and
 * random mutations inside valid pushes. Whatever comes in, the answer is never a 5xx, and a refusal is always
 * `{ error: { code, message } }` in French. The seed is printed; replay with PROFILENCE_FUZZ_SEED=<seed>.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MUTATION_NAMES, REJECTION_CODES, type PushResponse } from '../../../lib/domain/sync';
import { looksFrench, makeEvent, makeNeed, makePoolEntry, makePromotion, makeReaderAlias } from '../fixtures';
import { describeEachDatabase, startHarness, TOKENS, type Harness } from '../harness';

const SEED = Number(process.env.PROFILENCE_FUZZ_SEED ?? Date.now() % 2_147_483_647);
const RUNS = Math.max(100, Number(process.env.PROFILENCE_FUZZ_RUNS ?? 100));
console.log(`fuzz du serveur : graine ${SEED} (rejouer avec PROFILENCE_FUZZ_SEED=${SEED}), ${RUNS} essais par route`);

const printable = (maxLength = 40) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength });
/** Any text, with the characters that break naive code: NUL, lone surrogates, quotes, percent signs. */
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('\u0000', '\ud800', '%00', "'; drop table promotions; --", '{"$gt":""}', '../../etc/passwd', 'é'.repeat(300), '1e309', '-0', 'null'),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    nasty,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(nasty, fc.constantFrom('id', 'scope', 'ftId', 'agencyCode', '__proto__', 'constructor')), tie('value'), { maxKeys: 4 }),
  ),
})).value;

const token = fc.oneof(
  fc.constant(`Bearer ${TOKENS.jeanne}`),
  fc.constant(`Bearer ${TOKENS.villeurbanne}`),
  fc.constant(undefined),
  printable(60),
  printable(60).map((t) => `Bearer ${t}`),
  fc.constant(`Bearer ${'a'.repeat(9000)}`),
);
const extraHeaders = fc.dictionary(
  fc.oneof(fc.constantFrom('content-type', 'accept', 'origin', 'x-forwarded-for', 'cookie', 'if-none-match', 'accept-encoding'), printable(12).map((s) => `x-${s.replace(/[^a-z0-9-]/gi, '')}`)),
  printable(80),
  { maxKeys: 3 },
);
const scope = fc.oneof(fc.constantFrom('agency:69031', 'agency:69032', 'national', 'agency:', 'agency:6903'), nasty);
const query = fc.oneof(
  fc.dictionary(fc.oneof(fc.constantFrom('scope', 'cursor', 'limit', 'from', 'to', 'groupBy'), nasty), fc.oneof(nasty, scope), { maxKeys: 4 }).map(
    (params) => new URLSearchParams(params as Record<string, string>).toString(),
  ),
  fc.record({ scope, cursor: nasty, limit: fc.oneof(fc.integer(), nasty) }).map((q) => new URLSearchParams(q as never).toString()),
  printable(40), // raw, maybe not even a valid query string
);
const pushBody = fc.oneof(
  json,
  fc.record({ clientId: fc.oneof(fc.uuid(), nasty), schemaVersion: fc.oneof(fc.constant(1), json), mutations: fc.oneof(json, fc.array(json, { maxLength: 3 })) }),
);
const payload = fc.oneof(pushBody.map((b) => JSON.stringify(b)), fc.string({ unit: 'binary', maxLength: 200 }), fc.constant(''));

/** Percent-encoded; a lone surrogate becomes bytes that are not UTF-8 at all (a malformed address). */
function encodePart(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

/** A request to one route: the route's own shape most of the time, with random parts. */
function requestArb(route: string): fc.Arbitrary<InjectOptions> {
  const [method, path] = route.split(' ') as [string, string];
  const pathArb = path.includes('{ftId}')
    ? fc.oneof(fc.constantFrom('1234567A', '12345678901'), nasty.filter((s) => s.length > 0)).map((id) => path.replace('{ftId}', encodePart(id)))
    : fc.constant(path);
  return fc
    .record({
      method: fc.oneof({ weight: 5, arbitrary: fc.constant(method) }, { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS') }),
      path: pathArb,
      query,
      token,
      headers: extraHeaders,
      payload: fc.option(payload, { nil: undefined }),
    })
    .map(({ method: m, path: p, query: q, token: t, headers, payload: body }) => ({
      method: m as InjectOptions['method'],
      url: q ? `${p}?${q}` : p,
      headers: { ...headers, ...(t ? { authorization: t } : {}), ...(body !== undefined && !('content-type' in headers) ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined && m !== 'GET' ? { payload: body } : {}),
    }));
}

/** French, and none of zod's or Fastify's English defaults. */
const isFrench = (message: string) =>
  !/\b(Invalid|expected|received|Required|Unexpected|must|Unrecognized|Too (big|small)|Bad Request|Not Found|Internal)\b/.test(message) &&
  (looksFrench(message) || /\b(invalides?|attendue?s?|refusée?s?|obligatoires?|inconnue?s?|trop)\b/i.test(message));

function checkAnswer(res: { statusCode: number; body: string }, label: string): void {
  expect(res.statusCode, `${label} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
  if (res.statusCode < 400) return;
  const body = JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.code, label).toBe('string');
  expect(typeof body.error?.message, label).toBe('string');
  expect(isFrench(body.error!.message as string), `${label}: ${body.error!.message}`).toBe(true);
}

/** Valid mutation args, then one field somewhere replaced by anything. */
const validArgs: Record<string, () => unknown> = {
  'promotion.create': () => makePromotion(),
  'promotion.update': () => ({ id: randomUUID(), baseVersion: 0, changes: { pitch: 'Nouvel argumentaire' } }),
  'promotion.addEvent': () => makeEvent(randomUUID()),
  'need.create': () => makeNeed(),
  'need.update': () => ({ id: randomUUID(), baseVersion: 0, changes: { status: 'filled' } }),
  'pool.add': () => makePoolEntry(),
  'pool.update': () => ({ id: randomUUID(), baseVersion: 0, changes: { status: 'placed' } }),
  'jobseeker.consentWithdrawn': () => ({ ftId: '1234567A', at: '2025-06-01T10:00:00Z' }),
  'alias.create': () => makeReaderAlias(),
  'alias.revoke': () => ({ id: randomUUID(), at: '2025-06-01T10:00:00Z', by: 'jeanne.martin' }),
  'alias.matched': () => ({ id: randomUUID(), at: '2025-06-01T10:00:00Z' }),
};

function perturb(value: unknown, path: string[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const [head, ...rest] = path as [string, ...string[]];
  const keys = Object.keys(value);
  const key = keys.length ? keys[Math.abs(hash(head)) % keys.length]! : head;
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as never) : { ...(value as object) };
  copy[key] = perturb(copy[key], rest, replacement);
  return copy;
}
const hash = (s: string) => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7);

const mutationArb = fc.oneof(
  fc.record({ name: fc.oneof(fc.constantFrom(...MUTATION_NAMES), nasty.map((s) => s.slice(0, 64))), args: json }),
  fc
    .record({ name: fc.constantFrom(...MUTATION_NAMES), path: fc.array(fc.string({ maxLength: 3 }), { minLength: 1, maxLength: 3 }), value: json })
    .map(({ name, path, value }) => ({ name, args: perturb(validArgs[name]!(), path, value) })),
);

describeEachDatabase('fuzzing every route on %s', (kind) => {
  let h: Harness;
  let routes: string[];
  beforeAll(async () => {
    h = await startHarness(kind, { logLevel: process.env.FUZZ_DEBUG ? 'error' : 'fatal' });
    const spec = (await h.app.inject({ method: 'GET', url: '/docs/json' })).json<{ paths: Record<string, object> }>();
    routes = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
  });
  afterAll(async () => {
    if (process.env.FUZZ_DEBUG) console.log(h.logs.filter((l) => l.includes('"level":50')).slice(0, 2).join('\n').slice(0, 3000));
    await h.close();
  });

  it(`answers random requests to each route with a 4xx in French, never a 5xx (${RUNS} runs per route)`, async () => {
    expect(routes.length).toBeGreaterThanOrEqual(5);
    for (const route of [...routes, 'GET /v1/unknown/{ftId}']) {
      await fc.assert(
        fc.asyncProperty(requestArb(route), async (request) => {
          const res = await h.app.inject(request);
          checkAnswer(res, `${route} ${request.method} ${request.url}`);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    }
  });

  it(`applies or rejects with a known code any mutation inside a valid push (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutationArb, { minLength: 1, maxLength: 5 }), async (mutations) => {
        const body = {
          clientId: randomUUID(),
          schemaVersion: 1,
          mutations: mutations.map((m, i) => ({ seq: i + 1, id: randomUUID(), clientTs: new Date().toISOString(), ...m })),
        };
        const res = await h.app.inject({ method: 'POST', url: '/v1/sync/push', headers: { authorization: `Bearer ${TOKENS.jeanne}` }, payload: body });
        checkAnswer(res, JSON.stringify(body).slice(0, 400));
        if (res.statusCode !== 200) return;
        for (const result of res.json<PushResponse>().results) {
          expect(['applied', 'rejected']).toContain(result.status);
          if (result.status === 'rejected') {
            expect(REJECTION_CODES).toContain(result.code);
            expect(isFrench(result.message ?? ''), result.message).toBe(true);
          }
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Whatever was applied is readable by the agency and by the export of its job seeker.
    const pull = await h.app.inject({ method: 'GET', url: '/v1/sync/pull?scope=agency:69031', headers: { authorization: `Bearer ${TOKENS.jeanne}` } });
    expect(pull.statusCode, pull.body.slice(0, 200)).toBe(200);
    const exported = await h.app.inject({ method: 'GET', url: '/v1/privacy/job-seekers/1234567A?scope=agency:69031', headers: { authorization: `Bearer ${TOKENS.jeanne}` } });
    expect(exported.statusCode, exported.body.slice(0, 200)).toBe(200);
  });
});
