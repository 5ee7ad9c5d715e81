// @vitest-environment node
// The dashboard asks the background for the server's figures (`stats.get`): the background alone calls the central
// endpoint, through the sync transport, with the sync settings' address and token; every failure comes back in French.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerSync, type BackgroundSync } from '@/lib/background/sync';
import type { FetchLike } from '@/lib/sync';
import { saveSyncSettings } from '@/lib/sync/settings-store';
import { statsReportSchema } from '@/lib/stats/schema';
import { deleteClientDatabases, SyncClient } from '../sync/clients';
import { injectFetch, startServers, TOKENS, type TestServers } from '../sync/server';

/** Delivers a message as @webext-core/messaging sends it and returns the handler's `{ res }` or `{ err }`. */
function deliver(type: string, data: unknown, sender: { id?: string; url?: string }): Promise<{ res?: any; err?: { message: string } }> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger({ id: 1, type, data, timestamp: Date.now() }, sender, resolve as (r: unknown) => void);
  });
}

const QUERY = { scope: 'agency:69031', from: '2026-01-01', to: '2026-12-31', groupBy: 'counsellor' } as const;
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('stats.get in the background', () => {
  let servers: TestServers;
  let sync: BackgroundSync | undefined;
  let install: SyncClient;
  const calls: { url: string; authorization?: string }[] = [];
  const dashboard = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/dashboard.html') });

  /** The server, with every call to it written down. */
  const recorded = (): FetchLike => {
    const inner = injectFetch(servers.apps[0]!);
    return (url, init) => {
      calls.push({ url, authorization: (init.headers as Record<string, string> | undefined)?.authorization });
      return inner(url, init);
    };
  };
  const start = (fetch: FetchLike) => (sync = registerSync(install.db, { fetch, debounceMs: 60_000 }));
  const statsCalls = () => calls.filter((c) => new URL(c.url).pathname === '/v1/stats');

  beforeAll(async () => {
    servers = await startServers('sqlite');
    // Jeanne's install sends one promotion and syncs it: the agency's figures on the server count it.
    const jeanne = new SyncClient({ token: TOKENS.jeanne, fetch: injectFetch(servers.apps[0]!) });
    const promotion = await jeanne.createPromotion();
    await jeanne.addEvent(promotion.id, 'sent');
    await jeanne.sync();
    expect(await jeanne.pending()).toBe(0);
  });
  afterAll(async () => {
    await deleteClientDatabases();
    await servers.close();
  });
  beforeEach(async () => {
    fakeBrowser.reset();
    calls.splice(0);
    install = new SyncClient({ token: TOKENS.claire, fetch: injectFetch(servers.apps[0]!) });
    await saveSyncSettings({ serverUrl: 'http://localhost:8787/', devToken: TOKENS.claire });
  });
  afterEach(() => {
    sync?.dispose();
    sync = undefined;
  });

  it("answers a manager's agency figures as the server computed them, asked with the account's token", async () => {
    start(recorded());
    const { res } = await deliver('stats.get', QUERY, dashboard());
    expect(res.ok).toBe(true);
    const direct = await servers.apps[0]!.inject({
      method: 'GET',
      url: `/v1/stats?${new URLSearchParams(QUERY)}`,
      headers: { authorization: `Bearer ${TOKENS.claire}` },
    });
    expect(res.report).toEqual({ ...statsReportSchema.parse(direct.json()), generatedAt: res.report.generatedAt });
    expect(res.report.perimeter).toBe('agency');
    expect(res.report.groups.map((g: { label: string; figures: { sent: number } }) => [g.label, g.figures.sent])).toEqual([['Jeanne MARTIN', 1]]);
    expect(statsCalls()).toEqual([
      {
        url: 'http://localhost:8787/v1/stats?scope=agency%3A69031&from=2026-01-01&to=2026-12-31&groupBy=counsellor',
        authorization: `Bearer ${TOKENS.claire}`,
      },
    ]);
  });

  it('refuses the request of a web page, and asks nothing of the server', async () => {
    start(recorded());
    const { err } = await deliver('stats.get', QUERY, { id: fakeBrowser.runtime.id, url: 'https://example.com/' });
    expect(err?.message).toContain('Message refusé');
    expect(statsCalls()).toEqual([]);
  });

  it("passes on the server's refusal when the figures are not the counsellor's to see", async () => {
    await saveSyncSettings({ serverUrl: 'http://localhost:8787', devToken: TOKENS.jeanne });
    start(recorded());
    const { res } = await deliver('stats.get', { ...QUERY, scope: 'national' }, dashboard());
    expect(res).toEqual({ ok: false, kind: 'forbidden', message: "Accès refusé : les chiffres nationaux sont réservés à l'équipe nationale." });
  });

  it('says no account is signed in without calling the server', async () => {
    await saveSyncSettings({ serverUrl: 'http://localhost:8787' });
    start(recorded());
    const { res } = await deliver('stats.get', QUERY, dashboard());
    expect(res).toEqual({ ok: false, kind: 'signed_out', message: 'Aucun compte connecté au serveur (options de Profilence)' });
    expect(statsCalls()).toEqual([]);
  });

  it.each([
    ['the network fails', () => Promise.reject(new TypeError('Failed to fetch')), 'offline', 'Serveur injoignable'],
    ['a proxy answers 503', () => Promise.resolve(new Response('<html>proxy</html>', { status: 503 })), 'offline', 'Serveur injoignable'],
    ['the server is overloaded', () => Promise.resolve(json(429, { error: { code: 'rate_limited', message: 'Trop de demandes.' } })), 'offline', 'Serveur injoignable'],
    ['the session expired', () => Promise.resolve(json(401, { error: { code: 'unauthorized', message: 'Session expirée.' } })), 'signed_out', 'Aucun compte connecté au serveur (options de Profilence)'],
    ['the answer is off the contract', () => Promise.resolve(json(200, { total: 'beaucoup' })), 'server', 'Réponse du serveur illisible'],
  ])('says why when %s', async (_case, answer, kind, message) => {
    start((url, init) => (new URL(url).pathname === '/v1/stats' ? answer() : injectFetch(servers.apps[0]!)(url, init)));
    expect((await deliver('stats.get', QUERY, dashboard())).res).toEqual({ ok: false, kind, message });
  });

  it('refuses a malformed request in French, without calling the server', async () => {
    start(recorded());
    const { res } = await deliver('stats.get', { ...QUERY, scope: 'agency:*' }, dashboard());
    expect(res).toMatchObject({ ok: false, kind: 'server', message: expect.stringContaining('Périmètre invalide') });
    expect(statsCalls()).toEqual([]);
  });
});
