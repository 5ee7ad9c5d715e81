// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { deriveStatus } from '../../lib/domain/status';
import { listRejections } from '../../lib/store';
import { createHttpTransport, readIdentity, readStatus } from '../../lib/sync';
import { pullChanges } from '../../lib/sync/pull';
import { comparable, deleteClientDatabases, quiesce, SyncClient } from './clients';
import { describeEachDatabase, startServers, TOKENS, type TestServers } from './server';

describeEachDatabase('sync engine against a real server on loopback (%s)', (kind) => {
  let servers: TestServers;
  const loopback: typeof fetch = (url, init) => fetch(url, init);
  const client = (token: string, extra: Partial<ConstructorParameters<typeof SyncClient>[0]> = {}) =>
    new SyncClient({ token, fetch: (url, init) => loopback(url.replace('http://sync.test', servers.urls[0]!), init), ...extra });

  beforeEach(async () => {
    servers = await startServers(kind, { listen: true });
  });
  afterEach(async () => {
    await servers.close();
    await deleteClientDatabases();
  });

  it("sends a counsellor's promotion and its events to a colleague, with the server's versions", async () => {
    const jeanne = client(TOKENS.jeanne);
    const paul = client(TOKENS.paul, { counsellor: 'Paul BERNARD' });
    const promotion = await jeanne.createPromotion();
    await jeanne.addEvent(promotion.id, 'sent');
    expect(await jeanne.pending()).toBe(2);

    const first = await jeanne.sync();
    expect(first.error).toBeUndefined();
    expect(first.push).toMatchObject({ applied: 2, rejected: 0 });
    expect(await jeanne.pending()).toBe(0);
    expect(await readStatus(jeanne.db)).toMatchObject({ state: 'idle', pending: 0, lastSyncedAt: expect.any(String) });
    expect(await readIdentity(jeanne.db)).toMatchObject({ sub: 'jeanne.martin', agencyCode: '69031' });

    await paul.sync();
    const [seen] = await paul.promotions();
    expect(seen).toMatchObject({ id: promotion.id, status: 'sent', serverVersion: expect.any(Number) });
    expect(seen!.events[0]).toMatchObject({ type: 'sent', version: expect.any(Number) });

    await paul.addEvent(promotion.id, 'employer_replied');
    await paul.sync();
    await jeanne.sync();
    const [back] = await jeanne.promotions();
    expect(back!.status).toBe('replied');
    expect(back!.events.map((e) => e.type).sort()).toEqual(['employer_replied', 'sent']);
    expect(comparable(back!)).toEqual(comparable((await paul.promotions())[0]!));
  });

  it('keeps a local unsynced write visible when an older server copy is pulled', async () => {
    const jeanne = client(TOKENS.jeanne);
    const paul = client(TOKENS.paul, { counsellor: 'Paul BERNARD' });
    const promotion = await jeanne.createPromotion();
    await jeanne.sync();
    await paul.sync();
    // Paul writes locally (not pushed yet) while Jeanne's change reaches the server.
    await paul.updatePitch(promotion.id, 'Argumentaire de Paul');
    await paul.addEvent(promotion.id, 'sent');
    await jeanne.addEvent(promotion.id, 'note');
    await jeanne.sync();
    // A pull alone: the server copy (with Jeanne's note) lands under Paul's pending writes.
    await pullChanges({
      db: paul.db,
      scope: 'agency:69031',
      transport: createHttpTransport({ baseUrl: 'http://sync.test', token: () => paul.token, fetch: paul.fetch }),
    });
    const [local] = await paul.promotions();
    expect(new Set(local!.events.map((e) => e.type))).toEqual(new Set(['note', 'sent']));
    expect(local!.events.find((e) => e.type === 'note')!.version).toEqual(expect.any(Number));
    expect(local!.events.find((e) => e.type === 'sent')!.version).toBeUndefined();
    expect(local!.pitch).toBe('Argumentaire de Paul');
    expect(local!.status).toBe('sent');
    expect(await paul.pending()).toBe(2);
  });

  it('stores a refused mutation for the counsellor and drops what the server refused from the local data', async () => {
    const jeanne = client(TOKENS.jeanne);
    const kept = await jeanne.createPromotion();
    const refused = await jeanne.createPromotion({ agencyCode: '69032' });
    const report = await jeanne.sync();
    expect(report.push).toMatchObject({ applied: 1, rejected: 1 });
    const rejections = await listRejections(jeanne.db);
    expect(rejections).toHaveLength(1);
    expect(rejections[0]).toMatchObject({ name: 'promotion.create', code: 'forbidden', message: expect.stringMatching(/agence/) });
    expect((await jeanne.promotions()).map((p) => p.id)).toEqual([kept.id]);
    expect(refused.id).not.toBe(kept.id);
  });

  it("tells the author why the server refused an edit of a draft a colleague sent meanwhile, and shows the server's copy", async () => {
    const jeanne = client(TOKENS.jeanne);
    const paul = client(TOKENS.paul, { counsellor: 'Paul BERNARD' });
    const promotion = await jeanne.createPromotion({ pitch: 'Argumentaire envoyé' });
    await jeanne.sync();
    await paul.sync();
    await paul.addEvent(promotion.id, 'sent');
    await paul.sync();
    // Jeanne has not pulled yet: her copy is still a draft, so her screen lets her change the message.
    await jeanne.updatePitch(promotion.id, 'Argumentaire changé trop tard');
    const report = await jeanne.sync();
    expect(report.push).toMatchObject({ rejected: 1 });
    const rejections = await listRejections(jeanne.db);
    expect(rejections).toHaveLength(1);
    expect(rejections[0]).toMatchObject({ name: 'promotion.update', message: expect.stringMatching(/déjà envoyée/) });
    const [local] = await jeanne.promotions();
    expect(local).toMatchObject({ status: 'sent', pitch: 'Argumentaire envoyé' });
    await expect(jeanne.updatePitch(promotion.id, 'Encore une fois')).rejects.toThrow(/déjà envoyée/);
  });

  it('never gives a client of agency 69032 the data of 69031', async () => {
    const jeanne = client(TOKENS.jeanne);
    const karim = client(TOKENS.karim, { agencyCode: '69032', counsellor: 'Karim BENALI' });
    await jeanne.createPromotion();
    await jeanne.sync();
    const own = await karim.createPromotion({ agencyCode: '69032' });
    const report = await karim.sync();
    expect(report.error).toBeUndefined();
    expect((await karim.promotions()).map((p) => p.id)).toEqual([own.id]);
    expect((await karim.promotions()).every((p) => p.agencyCode === '69032')).toBe(true);
    expect((await jeanne.promotions()).some((p) => p.id === own.id)).toBe(false);
  });

  it('runs one sync at a time, and one more after it for the calls made meanwhile', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const jeanne = client(TOKENS.jeanne);
    const base = jeanne.fetch;
    jeanne.fetch = async (url, init) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await new Promise((r) => setTimeout(r, 5));
        return await base(url, init);
      } finally {
        inFlight--;
      }
    };
    await jeanne.createPromotion();
    const calls = Array.from({ length: 5 }, () => jeanne.sync());
    await jeanne.createPromotion();
    const reports = await Promise.all(calls);
    expect(maxInFlight).toBe(1);
    expect(reports.every((r) => !r.error)).toBe(true);
    expect(await jeanne.pending()).toBe(0);
  });

  it('converges after quiet syncs: every client holds what the server holds', async () => {
    const clients = [client(TOKENS.jeanne), client(TOKENS.paul, { counsellor: 'Paul BERNARD' }), client(TOKENS.claire)];
    for (const c of clients) {
      const p = await c.createPromotion();
      await c.addEvent(p.id, 'sent');
    }
    await quiesce(clients);
    const fresh = client(TOKENS.paul);
    await fresh.sync();
    const truth = (await fresh.promotions()).map(comparable);
    expect(truth).toHaveLength(3);
    for (const c of clients) expect((await c.promotions()).map(comparable)).toEqual(truth);
    for (const p of truth) expect(deriveStatus(p.events).status).toBe('sent');
  });
});
