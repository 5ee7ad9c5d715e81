// @vitest-environment node
import { afterEach, beforeEach, expect, it } from 'vitest';
import { pullResponseSchema, type PullResponse } from '../../lib/domain/sync';
import { promotionSchema } from '../../lib/domain/promotion';
import { deleteEntity } from '../../server/sync/tombstones';
import { encodeCursor } from '../../server/sync/cursor';
import {
  create,
  getPull,
  looksFrench,
  makeNeed,
  makePoolEntry,
  makePromotion,
  OTHER_SCOPE,
  pullAll,
  SCOPE,
  TestClient,
  update,
} from './fixtures';
import { describeEachDatabase, startHarness, TOKENS, type Harness } from './harness';

const DAY = 24 * 60 * 60 * 1000;

describeEachDatabase('pull on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(kind);
  });
  afterEach(async () => {
    await h.close();
  });

  async function seed(n: number) {
    const client = new TestClient(h.app, TOKENS.jeanne);
    const ids: string[] = [];
    const mutations = Array.from({ length: n }, (_, i) => {
      const record = i % 3 === 0 ? makePromotion() : i % 3 === 1 ? makeNeed() : makePoolEntry();
      ids.push(record.id);
      return { name: i % 3 === 0 ? 'promotion.create' : i % 3 === 1 ? 'need.create' : 'pool.add', args: record };
    });
    await client.push(mutations);
    return { client, ids };
  }

  it('pages through the changes in version order with hasMore and an opaque cursor', async () => {
    const { ids } = await seed(25);
    const first = await getPull(h.app, TOKENS.paul, { scope: SCOPE, limit: 10 });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    const page1 = pullResponseSchema.parse(first.json());
    expect(page1.changes).toHaveLength(10);
    expect(page1.hasMore).toBe(true);
    expect(page1.changes.map((c) => c.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(page1.changes.map((c) => c.entity).slice(0, 3)).toEqual(['promotion', 'need', 'pool']);
    // What comes back is a valid record again, as the client will parse it.
    expect(promotionSchema.safeParse(page1.changes[0]!.data).success).toBe(true);

    const all = await pullAll(h.app, TOKENS.paul, SCOPE, 10);
    expect(all.pages).toBe(3);
    expect(all.changes.map((c) => c.id)).toEqual(ids);
    const versions = all.changes.map((c) => c.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));

    // Up to date: nothing new, same cursor; a later write comes alone.
    const idle = (await getPull(h.app, TOKENS.paul, { scope: SCOPE, cursor: all.cursor })).json<PullResponse>();
    expect(idle).toEqual({ changes: [], cursor: all.cursor, hasMore: false });
    const writer = new TestClient(h.app, TOKENS.jeanne);
    await writer.push([update('promotion.update', ids[0]!, 1, { pitch: 'Texte revu.' })]);
    const next = (await getPull(h.app, TOKENS.paul, { scope: SCOPE, cursor: all.cursor })).json<PullResponse>();
    expect(next.changes.map((c) => [c.id, c.version])).toEqual([[ids[0], 26]]);
    expect(next.hasMore).toBe(false);
  });

  it('refuses a malformed cursor (400) and a cursor ahead of the server (410)', async () => {
    await seed(2);
    for (const cursor of ['%%%', 'bm9uc2Vuc2U', Buffer.from('v2:3').toString('base64url')]) {
      const res = await getPull(h.app, TOKENS.jeanne, { scope: SCOPE, cursor });
      expect(res.statusCode, cursor).toBe(400);
      expect(res.json().error.code).toBe('invalid_cursor');
      expect(looksFrench(res.json().error.message)).toBe(true);
    }
    const ahead = await getPull(h.app, TOKENS.jeanne, { scope: SCOPE, cursor: encodeCursor(99) });
    expect(ahead.statusCode).toBe(410);
    expect(ahead.json().error.code).toBe('cursor_expired');
  });

  it('keeps agencies apart on pull and on push', async () => {
    const { ids } = await seed(3);
    const foreign = await getPull(h.app, TOKENS.villeurbanne, { scope: SCOPE });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('forbidden');
    expect(looksFrench(foreign.json().error.message)).toBe(true);
    expect(h.logs.some((l) => l.includes('"level":40') && l.includes('karim.benali') && l.includes('accès refusé'))).toBe(true);

    const villeurbanne = new TestClient(h.app, TOKENS.villeurbanne);
    const own = makePromotion({ agencyCode: '69032', counsellorId: 'karim.benali' });
    const reply = await villeurbanne.push([
      create(own),
      create(makePromotion({ agencyCode: '69031' })),
      update('promotion.update', ids[0]!, 1, { pitch: 'Modifié depuis une autre agence.' }),
    ]);
    expect(reply.results.map((r) => r.code ?? r.status)).toEqual(['applied', 'forbidden', 'forbidden']);
    expect(h.logs.some((l) => l.includes('"level":40') && l.includes(ids[0]!))).toBe(true);

    const theirs = await pullAll(h.app, TOKENS.villeurbanne, OTHER_SCOPE);
    expect(theirs.changes.map((c) => c.id)).toEqual([own.id]);
    expect(theirs.changes[0]!.version).toBe(1);
    const ours = await pullAll(h.app, TOKENS.jeanne, SCOPE);
    expect(ours.changes.map((c) => c.id)).toEqual(ids);
    expect(ours.changes.every((c) => c.version <= 3)).toBe(true);
    expect((ours.changes[0]!.data as { pitch: string }).pitch).not.toContain('autre agence');
  });

  it('sends deletions as tombstones, purges them after the horizon and answers 410 to older cursors', async () => {
    const { ids } = await seed(3);
    const before = await pullAll(h.app, TOKENS.jeanne);
    const deletedAt = new Date(Date.now() - 200 * DAY);
    const version = await deleteEntity(h.app.db, h.app.dialect, SCOPE, 'need', ids[1]!, deletedAt);
    expect(version).toBe(4);

    const tomb = (await getPull(h.app, TOKENS.jeanne, { scope: SCOPE, cursor: before.cursor })).json<PullResponse>();
    expect(tomb.changes).toEqual([{ entity: 'need', id: ids[1], version: 4, deleted: true, data: null }]);

    const client = new TestClient(h.app, TOKENS.jeanne);
    await client.push([create(makePromotion())]); // version 5
    expect(await h.app.maintenance.purgeTombstones()).toBe(1);

    const stale = await getPull(h.app, TOKENS.jeanne, { scope: SCOPE, cursor: before.cursor });
    expect(stale.statusCode).toBe(410);
    expect(stale.json()).toEqual({ error: { code: 'cursor_expired', message: expect.stringContaining('téléchargées à nouveau') } });
    const fresh = await pullAll(h.app, TOKENS.jeanne);
    expect(fresh.changes.map((c) => c.version)).toEqual([1, 3, 5]);
    const caughtUp = await getPull(h.app, TOKENS.jeanne, { scope: SCOPE, cursor: tomb.cursor });
    expect(caughtUp.statusCode).toBe(200);
    expect(caughtUp.json<PullResponse>().changes.map((c) => c.version)).toEqual([5]);
  });

  it('keeps recent tombstones', async () => {
    const { ids } = await seed(1);
    await deleteEntity(h.app.db, h.app.dialect, SCOPE, 'promotion', ids[0]!);
    expect(await h.app.maintenance.purgeTombstones()).toBe(0);
    expect(await h.app.maintenance.purgeTombstones(new Date(Date.now() + 181 * DAY))).toBe(1);
  });

  it('answers not_found to an update of a deleted record', async () => {
    const { client, ids } = await seed(1);
    await deleteEntity(h.app.db, h.app.dialect, SCOPE, 'promotion', ids[0]!);
    const reply = await client.push([update('promotion.update', ids[0]!, 1, { pitch: 'Trop tard.' })]);
    expect(reply.results[0]).toMatchObject({ status: 'rejected', code: 'not_found' });
  });
});
