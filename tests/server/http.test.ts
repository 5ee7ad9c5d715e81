// @vitest-environment node
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { MUTATION_NAMES } from '../../lib/domain/sync';
import { create, getPull, looksFrench, makePromotion, postPush, pushBody, SCOPE, TestClient } from './fixtures';
import { describeEachDatabase, startHarness, TOKENS, type Harness } from './harness';

describeEachDatabase('HTTP surface on %s', (kind) => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('reports liveness and database reachability on /v1/health without authentication', async () => {
    h = await startHarness(kind);
    const ok = await h.app.inject({ method: 'GET', url: '/v1/health' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ status: 'ok', database: 'ok', dialect: kind });
    await h.app.db.destroy(); // the database goes away under the running service
    const down = await h.app.inject({ method: 'GET', url: '/v1/health' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ status: 'degraded', database: 'unreachable' });
  });

  it('serves an OpenAPI document of the routes at /docs/json and the viewer at /docs', async () => {
    h = await startHarness(kind);
    const res = await h.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths).sort()).toEqual(expect.arrayContaining(['/v1/health', '/v1/sync/pull', '/v1/sync/push']));
    const push = spec.paths['/v1/sync/push'].post;
    expect(push.requestBody.content['application/json'].schema.properties).toHaveProperty('mutations');
    expect(Object.keys(push.responses)).toEqual(expect.arrayContaining(['200', '409', '413']));
    const pullParams = spec.paths['/v1/sync/pull'].get.parameters.map((p: { name: string }) => p.name);
    expect(pullParams).toEqual(expect.arrayContaining(['scope', 'cursor', 'limit']));
    expect(spec.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(spec.components.schemas.Mutation.oneOf).toHaveLength(MUTATION_NAMES.length);

    const ui = await h.app.inject({ method: 'GET', url: '/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
    expect(String(ui.headers['content-security-policy'])).not.toContain("default-src 'none'");
  });

  it('sets security headers on every API reply, refusals included', async () => {
    h = await startHarness(kind);
    const replies = [
      await h.app.inject({ method: 'GET', url: '/v1/health' }),
      await getPull(h.app, TOKENS.jeanne, { scope: SCOPE }),
      await h.app.inject({ method: 'GET', url: '/v1/sync/pull' }),
      await getPull(h.app, TOKENS.jeanne, { scope: 'agency:69032' }),
    ];
    for (const res of replies) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    }
  });

  it('answers CORS preflights for extension origins only', async () => {
    h = await startHarness(kind);
    const preflight = (origin: string) =>
      h.app.inject({
        method: 'OPTIONS',
        url: '/v1/sync/push',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
    for (const origin of ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://0d7e5a4c-5b1a-4f7e-9f3c-2b8e1c9d7a61']) {
      const res = await preflight(origin);
      expect(res.statusCode).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(origin);
      expect(String(res.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');
    }
    const evil = await preflight('https://example.org');
    expect(evil.statusCode).toBe(403);
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    expect(evil.json().error.code).toBe('origin_forbidden');

    const actual = await h.app.inject({
      method: 'GET',
      url: `/v1/sync/pull?scope=${SCOPE}`,
      headers: { authorization: `Bearer ${TOKENS.jeanne}`, origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' },
    });
    expect(actual.headers['access-control-allow-origin']).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    const web = await h.app.inject({
      method: 'GET',
      url: `/v1/sync/pull?scope=${SCOPE}`,
      headers: { authorization: `Bearer ${TOKENS.jeanne}`, origin: 'https://example.org' },
    });
    expect(web.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('restricts CORS to the configured extension ids when given', async () => {
    h = await startHarness(kind, { extensionOrigins: ['chrome-extension://abcdefghijklmnopabcdefghijklmnop'] });
    const res = await h.app.inject({
      method: 'OPTIONS',
      url: '/v1/sync/pull',
      headers: { origin: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba', 'access-control-request-method': 'GET' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('limits each counsellor\'s rate and answers 429 with Retry-After', async () => {
    h = await startHarness(kind, { rateLimit: { max: 3, timeWindowMs: 60_000 } });
    const codes: number[] = [];
    let last;
    for (let i = 0; i < 4; i++) {
      last = await getPull(h.app, TOKENS.jeanne, { scope: SCOPE });
      codes.push(last.statusCode);
    }
    expect(codes).toEqual([200, 200, 200, 429]);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    expect(last!.json().error.code).toBe('rate_limited');
    expect(last!.json().error.message).toMatch(/^Trop de requêtes : réessayez dans \d+ s\.$/);
    // Keyed on the counsellor, not on the shared address of the agency.
    expect((await getPull(h.app, TOKENS.paul, { scope: SCOPE })).statusCode).toBe(200);
  });

  it('refuses a body over 256 KB with 413 over a real socket too', async () => {
    h = await startHarness(kind);
    await h.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = h.app.server.address() as AddressInfo;
    const body = JSON.stringify(pushBody(randomUUID(), 1, [create({ ...makePromotion(), pitch: 'é'.repeat(140_000) })]));
    const res = await fetch(`http://127.0.0.1:${port}/v1/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.jeanne}`, 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: 'payload_too_large', message: expect.stringContaining('256 Ko') } });
    const health = await fetch(`http://127.0.0.1:${port}/v1/health`);
    expect(health.status).toBe(200);
  });

  it('gives every refusal the { error: { code, message } } shape with a French message', async () => {
    h = await startHarness(kind, { rateLimit: { max: 40, timeWindowMs: 60_000 } });
    const client = new TestClient(h.app, TOKENS.jeanne);
    await client.push([create(makePromotion())]);
    const json = { authorization: `Bearer ${TOKENS.jeanne}`, 'content-type': 'application/json' };
    const refusals = {
      unauthorized: await h.app.inject({ method: 'GET', url: `/v1/sync/pull?scope=${SCOPE}` }),
      forbidden: await getPull(h.app, TOKENS.villeurbanne, { scope: SCOPE }),
      badScope: await getPull(h.app, TOKENS.jeanne, { scope: 'agence-69031' }),
      badLimit: await getPull(h.app, TOKENS.jeanne, { scope: SCOPE, limit: 5000 }),
      badCursor: await getPull(h.app, TOKENS.jeanne, { scope: SCOPE, cursor: '!!' }),
      notFound: await h.app.inject({ method: 'GET', url: '/v1/nothing', headers: json }),
      wrongMethod: await h.app.inject({ method: 'DELETE', url: '/v1/sync/push', headers: json }),
      badJson: await h.app.inject({ method: 'POST', url: '/v1/sync/push', headers: json, payload: '{' }),
      emptyBody: await h.app.inject({ method: 'POST', url: '/v1/sync/push', headers: json }),
      mediaType: await h.app.inject({ method: 'POST', url: '/v1/sync/push', headers: { ...json, 'content-type': 'text/plain' }, payload: 'x' }),
      noMutations: await postPush(h.app, TOKENS.jeanne, { clientId: client.clientId, schemaVersion: 1 }),
      badSeq: await postPush(h.app, TOKENS.jeanne, pushBody(client.clientId, 0, [create(makePromotion())])),
      gap: await postPush(h.app, TOKENS.jeanne, pushBody(client.clientId, 5, [create(makePromotion())])),
      otherCounsellor: await postPush(h.app, TOKENS.paul, pushBody(client.clientId, 2, [])),
    };
    for (const [label, res] of Object.entries(refusals)) {
      expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
      const body = res.json();
      expect(body, label).toEqual(expect.objectContaining({ error: { code: expect.any(String), message: expect.any(String) } }));
      expect(looksFrench(body.error.message), `${label}: ${body.error.message}`).toBe(true);
    }
    expect(refusals.notFound.statusCode).toBe(404);
    expect(refusals.mediaType.statusCode).toBe(415);
    expect(refusals.gap.statusCode).toBe(409);
    expect(refusals.badLimit.json().error.message).toContain('limit');
  });
});
