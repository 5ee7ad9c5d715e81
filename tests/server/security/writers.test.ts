// @vitest-environment node
/** Who wrote what: the server stamps the token's `sub`, and one id claimed by two agencies is a clean refusal. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { PushResponse } from '../../../lib/domain/sync';
import { LEGACY_AUTO_AUTHOR } from '../../../lib/domain/authorship';
import { addEvent, create, makeEvent, makeNeed, makePoolEntry, makePromotion, postPush, pullAll, TestClient, update } from '../fixtures';
import { describeEachDatabase, DEV_TOKENS, startHarness, TOKENS, type Harness } from '../harness';

describeEachDatabase('writers on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(kind);
  });
  afterEach(async () => {
    await h.close();
  });

  it('stamps every author field from the token, whatever counsellorId, by, createdBy or addedBy the client sent', async () => {
    const jeanne = new TestClient(h.app, TOKENS.jeanne);
    const paul = new TestClient(h.app, TOKENS.paul);
    const promotion = makePromotion({ counsellorId: 'claire.durand', counsellorName: 'Claire DURAND' });
    promotion.events = [makeEvent(promotion.id, { by: 'claire.durand', byName: 'Claire DURAND' })];
    const entry = makePoolEntry({ addedBy: 'someone.else', addedByName: 'Quelqu’un' });
    const need = makeNeed({ createdBy: 'claire.durand' });
    await jeanne.push([create(promotion), { name: 'pool.add', args: entry }, { name: 'need.create', args: need }]);
    const row = () => h.app.db.selectFrom('promotions').selectAll().where('id', '=', promotion.id).executeTakeFirstOrThrow();
    expect(await row()).toMatchObject({ created_by_sub: 'jeanne.martin', updated_by_sub: 'jeanne.martin' });

    await paul.push([addEvent(makeEvent(promotion.id, { type: 'employer_replied', by: 'jeanne.martin', byName: 'Jeanne MARTIN' }))]);
    expect(await row()).toMatchObject({ created_by_sub: 'jeanne.martin', updated_by_sub: 'paul.bernard' });
    await jeanne.push([update('pool.update', entry.id, 2, { status: 'placed' })]);
    const pool = await h.app.db.selectFrom('pool_entries').selectAll().where('id', '=', entry.id).executeTakeFirstOrThrow();
    expect(pool).toMatchObject({ created_by_sub: 'jeanne.martin', updated_by_sub: 'jeanne.martin' });

    // What colleagues pull names the real authors: the token's sub and name, never the client's guess.
    const { changes } = await pullAll(h.app, TOKENS.paul);
    const data = (id: string) => changes.find((c) => c.id === id)!.data as Record<string, unknown>;
    expect(data(promotion.id)).toMatchObject({ counsellorId: 'jeanne.martin', counsellorName: 'Jeanne MARTIN' });
    expect((data(promotion.id).events as object[]).map((e) => e)).toEqual([
      expect.objectContaining({ by: 'jeanne.martin', byName: 'Jeanne MARTIN' }),
      expect.objectContaining({ type: 'employer_replied', by: 'paul.bernard', byName: 'Paul BERNARD' }),
    ]);
    expect(data(entry.id)).toMatchObject({ addedBy: 'jeanne.martin', addedByName: 'Jeanne MARTIN' });
    expect(data(need.id)).toMatchObject({ createdBy: 'jeanne.martin', createdByName: 'Jeanne MARTIN' });

    // The audit log names the real writer of each mutation.
    const pushes = await h.app.db.selectFrom('audit_log').selectAll().where('action', '=', 'push').orderBy('at').execute();
    expect(pushes.map((p) => p.sub)).toEqual(['jeanne.martin', 'paul.bernard', 'jeanne.martin']);
  });

  it('takes the display name from the token, falling back to its sub, and keeps the automatic close recognisable', async () => {
    const nameless = 'test-token-nameless';
    await h.close();
    h = await startHarness(kind, {
      auth: { devTokens: { ...DEV_TOKENS, [nameless]: { sub: 'sans.nom', agency: '69031', name: ' ' } } },
    });
    const client = new TestClient(h.app, nameless);
    const promotion = makePromotion();
    const sent = makeEvent(promotion.id, { type: 'sent', at: '2025-03-12T09:00:00+01:00' });
    const closed = makeEvent(promotion.id, { type: 'no_response', at: '2025-04-12T09:00:00+02:00', auto: true });
    // An extension older than the `auto` flag named the schedule as the author.
    const legacy = makePromotion();
    const legacyClosed = makeEvent(legacy.id, { type: 'no_response', by: LEGACY_AUTO_AUTHOR });
    const reply = await client.push([create(promotion), addEvent(sent), addEvent(closed), create(legacy), addEvent(legacyClosed)]);
    expect(reply.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
    const { changes } = await pullAll(h.app, TOKENS.jeanne);
    const events = changes.flatMap((c) => (c.data as { events: Record<string, unknown>[] }).events);
    expect(changes.find((c) => c.id === promotion.id)!.data).toMatchObject({ counsellorId: 'sans.nom', counsellorName: 'sans.nom' });
    expect(events.find((e) => e.id === sent.id)).not.toHaveProperty('auto');
    expect(events.find((e) => e.id === closed.id)).toMatchObject({ auto: true, by: 'sans.nom', byName: 'sans.nom' });
    expect(events.find((e) => e.id === legacyClosed.id)).toMatchObject({ auto: true, by: 'sans.nom' });

    // Only the « Sans réponse » close may claim to be automatic.
    const hired = await client.push([addEvent(makeEvent(promotion.id, { type: 'hired', auto: true }))]);
    expect(hired.results[0]).toMatchObject({ status: 'rejected', code: 'invalid' });
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
