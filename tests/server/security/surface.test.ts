// @vitest-environment node
/** Security headers on every answer, body limits, strict schemas where a stray key matters, and unknown keys never stored. */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MAX_BATCH_BYTES, type PushResponse } from '../../../lib/domain/sync';
import { auth, create, makePromotion, postPush, pullAll, pushBody, TestClient } from '../fixtures';
import { describeEachDatabase, startHarness, TOKENS, type Harness } from '../harness';

function expectSecurityHeaders(res: LightMyRequestResponse, label: string): void {
  expect(res.headers['x-content-type-options'], label).toBe('nosniff');
  expect(res.headers['referrer-policy'], label).toBe('no-referrer');
  expect(res.headers['cache-control'], label).toBe('no-store');
  expect(String(res.headers['content-security-policy']), label).toContain("default-src 'none'");
  expect(String(res.headers['content-security-policy']), label).toContain("frame-ancestors 'none'");
  expect(res.headers['x-frame-options'], label).toBe('DENY');
  expect(res.headers['x-powered-by'], label).toBeUndefined();
  expect(String(res.headers['content-type']), label).toContain('application/json');
}

describeEachDatabase('HTTP surface hardening on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(kind);
  });
  afterEach(async () => {
    await h.close();
  });

  it('sets the security headers on every route, success or refusal, including router errors', async () => {
    const j = auth(TOKENS.jeanne);
    const answers: Record<string, LightMyRequestResponse> = {
      health: await h.app.inject({ method: 'GET', url: '/v1/health' }),
      me: await h.app.inject({ method: 'GET', url: '/v1/me', headers: j }),
      pull: await h.app.inject({ method: 'GET', url: '/v1/sync/pull?scope=agency:69031', headers: j }),
      push: await postPush(h.app, TOKENS.jeanne, pushBody(randomUUID(), 1, [])),
      export: await h.app.inject({ method: 'GET', url: '/v1/privacy/job-seekers/1234567A?scope=agency:69031', headers: j }),
      stats: await h.app.inject({ method: 'GET', url: '/v1/stats?scope=agency:69031', headers: j }),
      unauthorized: await h.app.inject({ method: 'GET', url: '/v1/me' }),
      forbidden: await h.app.inject({ method: 'GET', url: '/v1/sync/pull?scope=agency:69032', headers: j }),
      notFound: await h.app.inject({ method: 'GET', url: '/v1/nope', headers: j }),
      badUrl: await h.app.inject({ method: 'GET', url: '/v1/privacy/job-seekers/%E0%A4%A?scope=agency:69031', headers: j }),
      tooLongParam: await h.app.inject({ method: 'GET', url: `/v1/privacy/job-seekers/${'1'.repeat(150)}?scope=agency:69031`, headers: j }),
      mediaType: await h.app.inject({ method: 'POST', url: '/v1/sync/push', headers: { ...j, 'content-type': 'text/plain' }, payload: 'x' }),
    };
    for (const [label, res] of Object.entries(answers)) {
      if (label === 'stats' && res.statusCode === 404) continue; // statistics route not mounted in this build
      expectSecurityHeaders(res, label);
    }
    expect(answers.badUrl!.statusCode).toBe(400);
    expect(answers.tooLongParam!.json()).toEqual({ error: { code: 'uri_too_long', message: expect.stringContaining('Adresse trop longue') } });
  });

  it('limits bodies to 256 KB on every route that takes one, and takes a batch just under it', async () => {
    const client = new TestClient(h.app, TOKENS.jeanne);
    const fits = client.batch([create(makePromotion({ pitch: 'a'.repeat(3900) }))]);
    expect((await postPush(h.app, TOKENS.jeanne, fits)).statusCode).toBe(200);
    const big = JSON.stringify(pushBody(randomUUID(), 1, [create(makePromotion({ pitch: 'a'.repeat(MAX_BATCH_BYTES) }))]));
    const spec = (await h.app.inject({ method: 'GET', url: '/docs/json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    const withBody = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods).filter((m) => ['post', 'put', 'patch'].includes(m)).map((m) => [m.toUpperCase(), path] as const),
    );
    expect(withBody.length).toBeGreaterThan(0);
    for (const [method, path] of withBody) {
      const res = await h.app.inject({ method, url: path, headers: { ...auth(TOKENS.jeanne), 'content-type': 'application/json' }, payload: big });
      expect(res.statusCode, `${method} ${path}`).toBe(413);
      expect(res.json().error.code).toBe('payload_too_large');
    }
  });

  it('refuses unknown keys in the push envelope, its mutations and the query strings', async () => {
    const body = pushBody(randomUUID(), 1, [create(makePromotion())]);
    const cases = {
      envelope: await postPush(h.app, TOKENS.jeanne, { ...body, force: true }),
      mutation: await postPush(h.app, TOKENS.jeanne, { ...body, mutations: [{ ...body.mutations[0], sub: 'paul.bernard' }] }),
      pull: await h.app.inject({ method: 'GET', url: '/v1/sync/pull?scope=agency:69031&curseur=abc', headers: auth(TOKENS.jeanne) }),
      export: await h.app.inject({ method: 'GET', url: '/v1/privacy/job-seekers/1234567A?scope=agency:69031&scope2=x', headers: auth(TOKENS.jeanne) }),
    };
    for (const [label, res] of Object.entries(cases)) {
      expect(res.statusCode, label).toBe(400);
      expect(res.json().error.code, label).toBe('invalid_request');
      expect(res.json().error.message, label).toMatch(/^Requête invalide/);
    }
    // Nothing of the refused envelope was applied.
    expect((await pullAll(h.app, TOKENS.jeanne)).changes).toEqual([]);
  });

  it('never stores a key the domain does not know (no NIR, no health data slipped into a record)', async () => {
    const promotion = makePromotion();
    const args = {
      ...promotion,
      nir: '1850775123456',
      jobSeeker: { ...promotion.jobSeeker, nir: '1850775123456', health: 'RQTH' },
      establishment: { ...promotion.establishment, handicap: 'oui' },
    };
    const reply = await new TestClient(h.app, TOKENS.jeanne).push([{ name: 'promotion.create', args }]);
    expect(reply.results[0]!.status).toBe<PushResponse['results'][number]['status']>('applied');
    const stored = await h.app.db.selectFrom('promotions').select('data').where('id', '=', promotion.id).executeTakeFirstOrThrow();
    expect(stored.data).not.toMatch(/nir|1850775123456|RQTH|health|handicap/);
    const { changes } = await pullAll(h.app, TOKENS.paul);
    expect(JSON.stringify(changes)).not.toContain('1850775123456');
  });
});
