// @vitest-environment node
/** Who wrote what: the server stamps the token's `sub`, and one id claimed by two agencies is a clean refusal. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { PushResponse } from '../../../lib/domain/sync';
import { addEvent, create, makeEvent, makePoolEntry, makePromotion, postPush, pullAll, TestClient, update } from '../fixtures';
import { describeEachDatabase, startHarness, TOKENS, type Harness } from '../harness';

describeEachDatabase('writers on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(kind);
  });
  afterEach(async () => {
    await h.close();
  });

  it('records the authenticated sub with each write, whatever counsellorId or by the client sent', async () => {
    const jeanne = new TestClient(h.app, TOKENS.jeanne);
    const paul = new TestClient(h.app, TOKENS.paul);
    const promotion = makePromotion({ counsellorId: 'claire.durand' });
    const entry = makePoolEntry({ addedBy: 'someone.else' });
    await jeanne.push([create(promotion), { name: 'pool.add', args: entry }]);
    const row = () => h.app.db.selectFrom('promotions').selectAll().where('id', '=', promotion.id).executeTakeFirstOrThrow();
    expect(await row()).toMatchObject({ created_by_sub: 'jeanne.martin', updated_by_sub: 'jeanne.martin' });

    await paul.push([addEvent(makeEvent(promotion.id, { by: 'jeanne.martin' }))]);
    expect(await row()).toMatchObject({ created_by_sub: 'jeanne.martin', updated_by_sub: 'paul.bernard' });
    await jeanne.push([update('pool.update', entry.id, 2, { status: 'placed' })]);
    const pool = await h.app.db.selectFrom('pool_entries').selectAll().where('id', '=', entry.id).executeTakeFirstOrThrow();
    expect(pool).toMatchObject({ created_by_sub: 'jeanne.martin', updated_by_sub: 'jeanne.martin' });

    // What the client gave is kept as is for display.
    const { changes } = await pullAll(h.app, TOKENS.paul);
    const pulled = changes.find((c) => c.id === promotion.id)!.data as { counsellorId: string; events: { by: string }[] };
    expect(pulled.counsellorId).toBe('claire.durand');
    expect(pulled.events[0]!.by).toBe('jeanne.martin');

    // The audit log names the real writer of each mutation.
    const pushes = await h.app.db.selectFrom('audit_log').selectAll().where('action', '=', 'push').orderBy('at').execute();
    expect(pushes.map((p) => p.sub)).toEqual(['jeanne.martin', 'paul.bernard', 'jeanne.martin']);
  });

  it('answers rejected: forbidden, never a 500, when two agencies create a record with the same id, even at once', async () => {
    const rounds = 8;
    for (let i = 0; i < rounds; i++) {
      const lyon = new TestClient(h.app, TOKENS.jeanne);
      const villeurbanne = new TestClient(h.app, TOKENS.villeurbanne);
      const shared = makePromotion();
      const poolShared = makePoolEntry();
      const bodies = [
        { token: TOKENS.jeanne, body: lyon.batch([create(shared), { name: 'pool.add', args: poolShared }]) },
        {
          token: TOKENS.villeurbanne,
          body: villeurbanne.batch([
            { name: 'pool.add', args: { ...poolShared, agencyCode: '69032' } },
            create({ ...shared, agencyCode: '69032' }),
          ]),
        },
      ];
      const replies = await Promise.all(bodies.map(({ token, body }) => postPush(h.app, token, body)));
      for (const reply of replies) expect(reply.statusCode, reply.body).toBe(200);
      const results = replies.flatMap((r) => r.json<PushResponse>().results);
      // Each id is applied in exactly one agency; the other gets a clean refusal.
      expect(results.filter((r) => r.status === 'applied')).toHaveLength(2);
      for (const r of results.filter((x) => x.status === 'rejected')) expect(r.code).toBe('forbidden');
    }
    // The versions of each scope have no gap: a refused insert took none.
    for (const token of [TOKENS.jeanne, TOKENS.villeurbanne]) {
      const scope = token === TOKENS.jeanne ? 'agency:69031' : 'agency:69032';
      const { changes } = await pullAll(h.app, token, scope);
      expect(changes.map((c) => c.version)).toEqual(changes.map((_, i) => i + 1));
    }
  });
});
