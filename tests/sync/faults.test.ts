// @vitest-environment node
/**
 * The errors a client must survive (docs/sync-protocol.md), each injected between a real engine and a real
 * server on loopback; the server's state is then read by a fresh install. One server per database for the file,
 * each test in an agency of its own (its counsellors' tokens, its scope), so no test sees another's writes.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { setMeta } from '../../lib/store';
import { readStatus, SYNC_META, type SyncStep } from '../../lib/sync';
import { deleteEntity } from '../../server/sync/tombstones';
import { comparable, deleteClientDatabases, SyncClient, type ClientOptions } from './clients';
import { faultyFetch, useFakeDeadlines, type Call, type Fault } from './faults';
import { describeEachDatabase, startServers, type DevTokenEntry, type TestServers } from './server';

/** Agency `i`: its code, its sync scope, and the tokens of Jeanne (twice: signed in anew) and Paul there. */
function agency(i: number) {
  const code = String(30100 + i);
  return { code, scope: `agency:${code}`, jeanne: `faults-${i}-jeanne`, jeanne2: `faults-${i}-jeanne-2`, paul: `faults-${i}-paul` };
}
type Agency = ReturnType<typeof agency>;
const AGENCIES = 40;
const AGENCY_TOKENS: Record<string, DevTokenEntry> = {};
for (let i = 0; i < AGENCIES; i++) {
  const a = agency(i);
  AGENCY_TOKENS[a.jeanne] = { sub: `jeanne.martin.${i}`, agency: a.code, name: 'Jeanne MARTIN' };
  AGENCY_TOKENS[a.jeanne2] = { sub: `jeanne.martin.${i}`, agency: a.code, name: 'Jeanne MARTIN' };
  AGENCY_TOKENS[a.paul] = { sub: `paul.bernard.${i}`, agency: a.code, name: 'Paul BERNARD' };
}

const isPush = (c: Call) => c.path === '/v1/sync/push';
const isPull = (c: Call) => c.path === '/v1/sync/pull';

describeEachDatabase('sync faults against a real server on loopback (%s)', (kind) => {
  let servers: TestServers;
  let used = 0;
  let here: Agency;
  const loopback = (url: string, init: RequestInit) => fetch(url.replace('http://sync.test', servers.urls[0]!), init);
  /** An install in this test's agency. */
  const install = (options: Omit<ClientOptions, 'agencyCode'>) => new SyncClient({ ...options, agencyCode: here.code });

  beforeAll(async () => {
    servers = await startServers(kind, { listen: true, devTokens: AGENCY_TOKENS });
  });
  afterAll(async () => {
    await servers?.close();
  });
  beforeEach(() => {
    here = agency(used++);
    useFakeDeadlines();
  });
  afterEach(async () => {
    vi.useRealTimers();
    await deleteClientDatabases();
  });

  /** A client whose requests go through `decide`; `faults` lists the faults to inject on pushes in order. */
  function clientWith(decide: (call: Call) => Fault, extra: Partial<ClientOptions> = {}) {
    const wire = faultyFetch(loopback, decide);
    const client = install({ token: here.jeanne, fetch: wire, timeoutMs: 300, ...extra });
    return { client, wire };
  }

  function onPushes(...faults: Fault[]) {
    let i = 0;
    return (call: Call): Fault => (isPush(call) ? (faults[i++] ?? 'pass') : 'pass');
  }

  /** The server's promotions, as a fresh install of Paul downloads them. */
  async function serverState() {
    const fresh = install({ token: here.paul, fetch: loopback });
    const report = await fresh.sync();
    expect(report.error).toBeUndefined();
    return (await fresh.promotions()).map(comparable);
  }

  async function writeSome(client: SyncClient, n = 3) {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const p = await client.createPromotion({ pitch: `Argumentaire ${i}` });
      await client.addEvent(p.id, 'sent');
      ids.push(p.id);
    }
    return ids;
  }

  async function expectConverged(client: SyncClient, ids: string[]) {
    expect(await client.pending()).toBe(0);
    const truth = await serverState();
    expect(truth.map((p) => p.id).sort()).toEqual([...ids].sort());
    for (const p of truth) {
      expect(p.events).toHaveLength(1);
      expect(p.status).toBe('sent');
    }
    expect((await client.promotions()).map(comparable)).toEqual(truth);
  }

  const pushedBatches = (wire: ReturnType<typeof faultyFetch>) =>
    wire.log.filter((e) => isPush(e.call)).map((e) => e.call.body!.mutations!.map((m) => m.seq));

  it('resends the same batch after a 5xx before the commit, once the backoff has passed', async () => {
    const { client, wire } = clientWith(onPushes('503-before'));
    const ids = await writeSome(client);
    const failed = await client.sync();
    expect(failed.status).toMatchObject({ state: 'error', pending: 6, failures: 1 });
    expect(failed.status.lastError?.message).toMatch(/serveur/i);
    // random() = 0.5 → half of the first ceiling (2 s).
    expect(Date.parse(failed.status.nextAttemptAt!) - client.clock.now()).toBe(1000);

    const early = await client.sync({});
    expect(early.attempted).toBe(false);
    client.clock.advance(1000);
    const ok = await client.sync({});
    expect(ok.error).toBeUndefined();
    expect(ok.push).toMatchObject({ applied: 6, duplicates: 0 });
    expect(pushedBatches(wire)).toEqual([[1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6]]);
    await expectConverged(client, ids);
  });

  it('gets "duplicate" for a batch the server committed when its answer was lost (5xx after the commit)', async () => {
    const { client, wire } = clientWith(onPushes('503-after'));
    const ids = await writeSome(client);
    expect((await client.sync()).status.state).toBe('error');
    const again = await client.sync();
    expect(again.push).toMatchObject({ applied: 0, duplicates: 6 });
    expect(pushedBatches(wire)).toEqual([[1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6]]);
    await expectConverged(client, ids);
  });

  it('survives time-outs before and after the commit, and a connection lost after it', async () => {
    const { client } = clientWith(onPushes('timeout-before', 'timeout-after', 'network-after'));
    const ids = await writeSome(client);
    const first = await client.sync();
    expect(first.status.state).toBe('offline');
    expect(first.status.lastError?.kind).toBe('timeout');
    expect((await client.sync()).status.lastError?.kind).toBe('timeout');
    expect((await client.sync()).status).toMatchObject({ state: 'offline', failures: 3 });
    const ok = await client.sync();
    expect(ok.push).toMatchObject({ applied: 0, duplicates: 6 });
    expect(ok.status.state).toBe('idle');
    expect(ok.status.failures).toBeUndefined();
    await expectConverged(client, ids);
  });

  it('applies once a batch delivered twice at the same time', async () => {
    const { client, wire } = clientWith(onPushes('twice', 'twice'));
    const ids = await writeSome(client, 2);
    const report = await client.sync();
    expect(report.error).toBeUndefined();
    expect(wire.delivered).toBeGreaterThan(wire.log.length);
    await expectConverged(client, ids);
  });

  it('resends from expectedSeq after a 409 when the later half of a batch arrived first', async () => {
    const { client, wire } = clientWith(onPushes('skip-ahead'));
    const ids = await writeSome(client, 2);
    const report = await client.sync();
    expect(report.error).toBeUndefined();
    expect(wire.log.filter((e) => isPush(e.call)).map((e) => e.status)).toEqual([409, 200]);
    await expectConverged(client, ids);
  });

  it('renumbers its outbox from expectedSeq when the server lost what it had acknowledged (restored backup)', async () => {
    const { client } = clientWith(() => 'pass');
    const before = await writeSome(client, 1);
    await client.sync();
    const restored = await startServers(kind, { listen: true, devTokens: AGENCY_TOKENS });
    try {
      client.fetch = (url, init) => fetch(url.replace('http://sync.test', restored.urls[0]!), init);
      const after = await writeSome(client, 2);
      const report = await client.sync();
      expect(report.error).toBeUndefined();
      expect(report.push).toMatchObject({ applied: 4 });
      expect(await client.pending()).toBe(0);
      // The restored server never heard of the first promotion: the full download drops it locally.
      const fresh = install({ token: here.paul, fetch: client.fetch });
      await fresh.sync();
      expect((await fresh.promotions()).map((p) => p.id).sort()).toEqual([...after].sort());
      // Its cursor is ahead of the restored server (410): the scope is downloaded again.
      expect((await client.promotions()).map((p) => p.id).sort()).toEqual([...after].sort());
      expect(after).not.toContain(before[0]);
    } finally {
      await restored.close();
    }
  });

  it('splits a batch refused as too large (413) and sends every half', async () => {
    const { client, wire } = clientWith((call) => (isPush(call) && call.body!.mutations!.length > 2 ? { status: 413 } : 'pass'));
    const ids = await writeSome(client, 3);
    const report = await client.sync();
    expect(report.error).toBeUndefined();
    expect(pushedBatches(wire)).toEqual([[1, 2, 3, 4, 5, 6], [1, 2, 3], [1, 2], [3, 4, 5, 6], [3, 4], [5, 6]]);
    await expectConverged(client, ids);
  });

  it('keeps the outbox on a 401 in the middle of a sync, waits for a new sign-in, then sends it', async () => {
    let revoked = true;
    const { client, wire } = clientWith((call) => (isPush(call) && revoked ? { status: 401 } : 'pass'));
    const ids = await writeSome(client);
    const report = await client.sync();
    expect(report.status.state).toBe('auth_required');
    expect(report.status.lastError?.message).toMatch(/reconnectez-vous/);
    expect(await client.pending()).toBe(6);
    const requests = wire.log.length;
    client.clock.advance(60 * 60_000);
    expect((await client.sync({})).attempted).toBe(false);
    expect(wire.log.length).toBe(requests);

    revoked = false;
    client.token = here.jeanne2;
    await client.engine.credentialsChanged();
    const ok = await client.sync({});
    expect(ok.error).toBeUndefined();
    await expectConverged(client, ids);
  });

  it('acknowledges what was pushed when the 401 comes during the pull', async () => {
    const { client } = clientWith((call) => (isPull(call) ? { status: 401 } : 'pass'));
    await writeSome(client, 1);
    const report = await client.sync();
    expect(report.status).toMatchObject({ state: 'auth_required', pending: 0 });
  });

  it("honours the server's Retry-After on a 429", async () => {
    const { client, wire } = clientWith(onPushes({ status: 429, retryAfter: '7' }));
    const ids = await writeSome(client, 1);
    const limited = await client.sync();
    expect(limited.status.state).toBe('error');
    expect(Date.parse(limited.status.nextAttemptAt!) - client.clock.now()).toBe(7000);
    client.clock.advance(6999);
    const pushes = wire.log.filter((e) => isPush(e.call)).length;
    expect((await client.sync({})).attempted).toBe(false);
    expect(wire.log.filter((e) => isPush(e.call)).length).toBe(pushes);
    client.clock.advance(1);
    expect((await client.sync({})).error).toBeUndefined();
    await expectConverged(client, ids);
  });

  it('says « Hors ligne » when the server cannot be reached, and keeps every write', async () => {
    const client = install({ token: here.jeanne, fetch: (url, init) => fetch(url.replace('http://sync.test', 'http://127.0.0.1:9'), init) });
    await writeSome(client, 2);
    const report = await client.sync();
    expect(report.status).toMatchObject({ state: 'offline', pending: 4 });
    expect((await readStatus(client.db)).state).toBe('offline');
  });

  it('downloads the scope again after a 410 and drops what was deleted on the server meanwhile', async () => {
    const jeanne = install({ token: here.jeanne, fetch: loopback });
    const kept = await writeSome(jeanne, 1);
    const [gone] = await writeSome(jeanne, 1);
    await jeanne.sync();
    expect(await jeanne.promotions()).toHaveLength(2);

    // Jeanne's install stays away; meanwhile a promotion is deleted and its tombstone purged (past 180 days).
    const app = servers.apps[0]!;
    await deleteEntity(app.db, app.dialect, here.scope, 'promotion', gone!);
    await app.maintenance.purgeTombstones(new Date(Date.now() + 200 * 86_400_000));
    const local = await jeanne.addEvent(kept[0]!, 'note');

    const report = await jeanne.sync();
    expect(report.error).toBeUndefined();
    expect(report.pull).toMatchObject({ fullDownload: true, swept: 1 });
    const after = await jeanne.promotions();
    expect(after.map((p) => p.id)).toEqual(kept);
    expect(after[0]!.events.map((e) => e.id)).toContain(local.events.at(-1)!.id);
  });

  const STEPS: SyncStep[] = [
    'sync:start',
    'sync:identity',
    'push:before-send',
    'push:after-reply',
    'push:after-ack',
    'pull:before-fetch',
    'pull:after-page',
    'pull:after-apply',
    'pull:before-sweep',
  ];

  const RUNS = [
    ...STEPS.filter((s) => s !== 'pull:before-sweep').map((step) => ({ step, mode: 'incremental' as const })),
    ...STEPS.map((step) => ({ step, mode: 'full download after 410' as const })),
  ];

  it.each(RUNS)('loses nothing and applies nothing twice when the client crashes at $step ($mode)', async ({ step: target, mode }) => {
    // A colleague's promotions make the pull span several pages.
    const paul = install({ token: here.paul, fetch: loopback, counsellor: 'Paul BERNARD' });
    const theirs = await writeSome(paul, 3);
    await paul.sync();

    let crashedAt: SyncStep | undefined;
    const client = install({
      token: here.jeanne,
      fetch: loopback,
      pageSize: 2,
      onStep: (step, self) => {
        if (step === target && !crashedAt) {
          crashedAt = step;
          self.db.close(); // the worker dies: only committed transactions remain
          throw new Error(`crash at ${step}`);
        }
      },
    });
    if (mode !== 'incremental') await setMeta(client.db, SYNC_META.cursor, { scope: here.scope, cursor: Buffer.from('v1:999999').toString('base64url') });
    const ours = await writeSome(client, 3);
    // Refused by the server (another agency): dropped locally once the server's answer is known.
    await client.createPromotion({ agencyCode: '69032' });
    const crashed = await client.sync();
    expect(crashedAt).toBe(target);
    expect(String(crashed.error)).toContain('crash');

    client.open();
    const report = await client.sync();
    expect(report.error).toBeUndefined();
    await expectConverged(client, [...ours, ...theirs]);
  });
});
