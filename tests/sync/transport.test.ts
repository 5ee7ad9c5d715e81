// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../lib/domain/ids';
import { createHttpTransport, isSyncError, parseRetryAfter, type SyncError, type SyncTransport } from '../../lib/sync';
import { startServers, TOKENS, type TestServers } from './server';

async function failure(work: Promise<unknown>): Promise<SyncError> {
  try {
    await work;
  } catch (err) {
    if (isSyncError(err)) return err;
    throw err;
  }
  throw new Error('expected a SyncError');
}

/** A raw HTTP server answering every request with `handler`, for what the real endpoint never does. */
async function rawServer(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('HTTP transport against the real endpoint on loopback', () => {
  let servers: TestServers;
  let limited: TestServers;
  const transport = (token: string | undefined, baseUrl = servers.urls[0]!): SyncTransport =>
    createHttpTransport({ baseUrl, token: () => token, timeoutMs: 2000 });

  beforeAll(async () => {
    servers = await startServers('sqlite', { listen: true });
    limited = await startServers('sqlite', { listen: true, rateLimit: { max: 2, timeWindowMs: 60_000 } });
  });
  afterAll(async () => {
    await servers.close();
    await limited.close();
  });

  it('reads the signed-in counsellor, pushes and pulls with the bearer token', async () => {
    const t = transport(TOKENS.jeanne);
    expect(await t.me()).toEqual({ sub: 'jeanne.martin', agencyCode: '69031', name: 'Jeanne MARTIN', roles: [] });
    const reply = await t.push({ clientId: crypto.randomUUID(), schemaVersion: 1, mutations: [] });
    expect(reply).toEqual({ lastSeq: 0, results: [] });
    const page = await t.pull({ scope: 'agency:69031', limit: 10 });
    expect(page).toMatchObject({ changes: [], hasMore: false, cursor: expect.any(String) });
  });

  it('says « reconnectez-vous » for a refused token, and does not call without one', async () => {
    const refused = await failure(transport('not-a-valid-token').me());
    expect(refused).toMatchObject({ kind: 'auth_required', details: { status: 401 } });
    expect(refused.message).toMatch(/reconnectez-vous/);
    let called = false;
    const none = createHttpTransport({
      baseUrl: servers.urls[0]!,
      token: () => undefined,
      fetch: async () => {
        called = true;
        return new Response('{}');
      },
    });
    expect((await failure(none.me())).kind).toBe('auth_required');
    expect(called).toBe(false);
  });

  it('classifies 403, 409 (with expectedSeq), 410, 413 and 400 from the real server', async () => {
    const t = transport(TOKENS.jeanne);
    expect((await failure(t.pull({ scope: 'agency:69032' }))).kind).toBe('forbidden');

    const gap = await failure(
      t.push({
        clientId: crypto.randomUUID(),
        schemaVersion: 1,
        mutations: [{ seq: 5, id: uuidv7(), name: 'need.create', args: {}, clientTs: new Date().toISOString() }],
      }),
    );
    expect(gap).toMatchObject({ kind: 'sequence_gap', details: { status: 409, expectedSeq: 1 } });

    const expired = await failure(t.pull({ scope: 'agency:69031', cursor: Buffer.from('v1:999999').toString('base64url') }));
    expect(expired.kind).toBe('cursor_expired');
    expect(expired.message).toMatch(/téléchargées à nouveau/);

    const huge = await failure(
      t.push({
        clientId: crypto.randomUUID(),
        schemaVersion: 1,
        mutations: [{ seq: 1, id: uuidv7(), name: 'need.create', args: { label: 'x'.repeat(300_000) }, clientTs: new Date().toISOString() }],
      }),
    );
    expect(huge).toMatchObject({ kind: 'too_large', details: { status: 413 } });

    expect((await failure(t.pull({ scope: 'agency:69031', cursor: 'not a cursor!' }))).kind).toBe('refused');
  });

  it("reads the real rate limiter's Retry-After on a 429", async () => {
    const t = transport(TOKENS.paul, limited.urls[0]!);
    await t.me();
    await t.me();
    const error = await failure(t.me());
    expect(error.kind).toBe('rate_limited');
    expect(error.details.retryAfterMs).toBeGreaterThan(0);
    expect(error.details.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('tells an unreachable server, a time-out, a 5xx page and an unreadable answer apart', async () => {
    expect((await failure(transport(TOKENS.jeanne, 'http://127.0.0.1:9').me())).kind).toBe('network');

    const silent = await rawServer(() => {
      /* never answers */
    });
    const slow = createHttpTransport({ baseUrl: silent.url, token: () => TOKENS.jeanne, timeoutMs: 100 });
    const started = Date.now();
    expect((await failure(slow.me())).kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1500);
    silent.server.closeAllConnections();
    silent.server.close();

    const gateway = await rawServer((_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>'));
    const bad = await failure(transport(TOKENS.jeanne, gateway.url).me());
    expect(bad).toMatchObject({ kind: 'server', details: { status: 502 } });
    expect(bad.message).toMatch(/serveur/);
    gateway.server.close();

    const garbage = await rawServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"lastSeq":"x"}'));
    expect((await failure(transport(TOKENS.jeanne, garbage.url).push({ clientId: crypto.randomUUID(), schemaVersion: 1, mutations: [] }))).kind).toBe(
      'server',
    );
    garbage.server.close();
  });

  it('reads Retry-After in seconds or as a date', () => {
    const now = Date.parse('2026-03-12T09:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Thu, 12 Mar 2026 09:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 12 Mar 2026 08:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
