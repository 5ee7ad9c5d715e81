// @vitest-environment node
// The readers' health in the background: each reading counted once for the day in IndexedDB (surviving a restart),
// the days sent through the sync transport to a real endpoint — again after more readings, replacing, never adding —
// kept when the server does not answer, and read back by the dashboard's `readers.health.get`.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { countReadingOnce, createHealthReporter, registerReaderHealth } from '@/lib/background/reader-health';
import type { ReadResult } from '@/lib/domain/legacy';
import { parisDay } from '@/lib/stats/days';
import { openDb, type ProfilenceDb } from '@/lib/store';
import { healthDays, unsentHealthDays } from '@/lib/store/reader-health';
import { createHttpTransport, type FetchLike } from '@/lib/sync';
import { injectFetch, startServers, TOKENS, type TestServers } from '../sync/server';

const profile = (missing: string[], labelSet = 'aaaaaaaaaaaaaaaa'): ReadResult =>
  ({
    url: 'http://dossiers.localhost/dossier/1234567A',
    recognized: true,
    tool: 'dossier-demandeur',
    page: 'profile',
    agent: { name: 'Jeanne MARTIN' },
    data: { ftId: '1234567A', lastName: 'DUPONT', firstName: 'Marie' },
    missing,
    labelSet,
  }) as unknown as ReadResult;

function deliver(type: string, data: unknown, sender: { id?: string; url?: string }): Promise<{ res?: any; err?: { message: string } }> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger({ id: 1, type, data, timestamp: Date.now() }, sender, resolve as (r: unknown) => void);
  });
}

describe("the readers' health in the background", () => {
  let servers: TestServers;
  let db: ProfilenceDb;
  let fetchImpl: FetchLike;
  const bodies: string[] = [];
  const transport = (token: string) =>
    createHttpTransport({ baseUrl: 'http://sync.test', token: () => token, fetch: (url, init) => fetchImpl(url, init) });
  const stored = () =>
    servers.apps[0]!.db.selectFrom('reader_health').select(['kind', 'key', 'count', 'sub', 'agency_code']).orderBy(['kind', 'key']).execute();
  const today = parisDay(new Date());

  beforeAll(async () => {
    servers = await startServers('sqlite');
  });
  afterAll(async () => {
    await servers.close();
  });
  beforeEach(async () => {
    fakeBrowser.reset();
    bodies.splice(0);
    db = openDb(`health-${crypto.randomUUID()}`);
    const inner = injectFetch(servers.apps[0]!);
    fetchImpl = (url, init) => {
      if (typeof init.body === 'string') bodies.push(init.body);
      return inner(url, init);
    };
    await servers.apps[0]!.db.deleteFrom('reader_health').execute();
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('counts a page read again unchanged once, and a change of the page again, in a count that survives a restart', async () => {
    await countReadingOnce(db, undefined, profile(['email']));
    await countReadingOnce(db, profile(['email']), profile(['email']));
    await countReadingOnce(db, profile(['email']), profile([], 'bbbbbbbbbbbbbbbb'));
    db.close();
    db = openDb(db.name);
    const [day] = await healthDays(db);
    expect(day!.counts).toEqual({
      day: today,
      pages: [
        {
          tool: 'dossier-demandeur',
          page: 'profile',
          readings: 2,
          misses: [{ field: 'email', count: 1 }],
          variants: [
            { hash: 'aaaaaaaaaaaaaaaa', count: 1 },
            { hash: 'bbbbbbbbbbbbbbbb', count: 1 },
          ],
        },
      ],
    });
  });

  it("sends the day with the install's id and no personal data; more readings send it again, replacing it", async () => {
    const reporter = createHealthReporter(db, transport(TOKENS.jeanne));
    await countReadingOnce(db, undefined, profile(['email']));
    expect(await reporter.sendDue()).toEqual({ ok: true, days: [today] });
    expect(await unsentHealthDays(db)).toEqual([]);
    expect(await reporter.sendDue()).toEqual({ ok: true, days: [] });

    await countReadingOnce(db, undefined, profile([]));
    expect(await reporter.sendDue()).toEqual({ ok: true, days: [today] });
    expect((await stored()).map((r) => [r.kind, r.key, Number(r.count), r.sub, r.agency_code])).toEqual([
      ['miss', 'email', 1, 'jeanne.martin', '69031'],
      ['readings', '', 2, 'jeanne.martin', '69031'],
      ['variant', 'aaaaaaaaaaaaaaaa', 2, 'jeanne.martin', '69031'],
    ]);
    expect(bodies).toHaveLength(2);
    for (const body of bodies) {
      for (const personal of ['1234567A', 'DUPONT', 'Marie', 'Jeanne', 'dossiers.localhost']) expect(body).not.toContain(personal);
      expect(JSON.parse(body)).toMatchObject({ schemaVersion: 1, day: today, clientId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    }
  });

  it('keeps the days when the server does not answer, says why in French, and sends them when it answers', async () => {
    const reporter = createHealthReporter(db, transport(TOKENS.jeanne));
    await countReadingOnce(db, undefined, profile(['email']));
    const working = fetchImpl;
    fetchImpl = () => Promise.reject(new TypeError('Failed to fetch'));
    const failed = await reporter.sendDue();
    expect(failed).toMatchObject({ ok: false, days: [], message: expect.stringContaining('Serveur injoignable') });
    expect((await unsentHealthDays(db)).map((d) => d.counts.day)).toEqual([today]);
    fetchImpl = working;
    expect(await reporter.sendDue()).toEqual({ ok: true, days: [today] });
    expect(await stored()).toHaveLength(3);
  });

  it('keeps a day due when a reading is counted while it is being sent, and drops days older than a week', async () => {
    const reporter = createHealthReporter(db, transport(TOKENS.jeanne));
    await countReadingOnce(db, undefined, profile(['email']));
    const working = fetchImpl;
    fetchImpl = async (url, init) => {
      // Another tab is read while the day is on its way.
      await countReadingOnce(db, undefined, profile([]));
      return working(url, init);
    };
    expect(await reporter.sendDue()).toEqual({ ok: true, days: [today] });
    fetchImpl = working;
    expect((await unsentHealthDays(db)).map((d) => d.counts.pages[0]!.readings)).toEqual([2]);
    expect(await reporter.sendDue()).toEqual({ ok: true, days: [today] });
    expect((await stored()).find((r) => r.kind === 'readings')?.count).toBe(2);

    const lastWeek = new Date(Date.now() - 9 * 86_400_000);
    await countReadingOnce(db, undefined, profile(['email']), lastWeek);
    await reporter.sendDue();
    expect((await healthDays(db)).map((d) => d.counts.day)).toEqual([today]);
  });

  it("answers the dashboard's readers.health.get with the manager's agency, and refuses a web page", async () => {
    await countReadingOnce(db, undefined, profile(['email']));
    await createHealthReporter(db, transport(TOKENS.jeanne)).sendDue();
    const registered = registerReaderHealth(db, transport(TOKENS.claire));
    try {
      const dashboard = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/dashboard.html') };
      const query = { scope: 'agency:69031', from: today, to: today };
      const { res } = await deliver('readers.health.get', query, dashboard);
      expect(res.ok).toBe(true);
      expect(res.report.fields.map((f: { field: string; missRate: number; jump: unknown }) => [f.field, f.missRate, f.jump !== null])).toEqual([['email', 1, true]]);
      const { err } = await deliver('readers.health.get', query, { id: fakeBrowser.runtime.id, url: 'https://example.com/' });
      expect(err?.message).toContain('Message refusé');
    } finally {
      registered.dispose();
    }
    // A counsellor is not the readers' maintainer: the server's refusal, in French.
    const counsellor = registerReaderHealth(db, transport(TOKENS.jeanne));
    try {
      const { res } = await deliver('readers.health.get', { scope: 'agency:69031', from: today, to: today }, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/dashboard.html') });
      expect(res).toEqual({ ok: false, kind: 'forbidden', message: expect.stringContaining('réservée aux responsables') });
    } finally {
      counsellor.dispose();
    }
  });
});
