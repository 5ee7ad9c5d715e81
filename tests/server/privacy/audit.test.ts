// @vitest-environment node
/** The audit log: who read or wrote personal data, with ids and counts only. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { addEvent, auth, create, makeEvent, makeNeed, makePoolEntry, makePromotion, pullAll, TestClient } from '../fixtures';
import { describeEachDatabase, startHarness, TOKENS, type Harness } from '../harness';

describeEachDatabase('audit log on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(kind);
  });
  afterEach(async () => {
    await h.close();
  });

  const rows = async () =>
    (await h.app.db.selectFrom('audit_log').selectAll().orderBy('at').execute()).map((r) => ({ ...r, details: r.details && JSON.parse(r.details) }));

  it('records pushes (who, mutation names and ids), pulls (who, scope, how many), withdrawals and exports', async () => {
    const jeanne = new TestClient(h.app, TOKENS.jeanne);
    const promotion = makePromotion();
    const event = makeEvent(promotion.id);
    const body = jeanne.batch([create(promotion), addEvent(event), { name: 'pool.add', args: makePoolEntry() }, { name: 'need.create', args: makeNeed() }, { name: 'nimporte.quoi', args: {} }]);
    const push = await h.app.inject({ method: 'POST', url: '/v1/sync/push', headers: auth(TOKENS.jeanne), payload: body });
    expect(push.statusCode).toBe(200);
    // The same batch again changes nothing and is not logged a second time.
    await h.app.inject({ method: 'POST', url: '/v1/sync/push', headers: auth(TOKENS.jeanne), payload: body });
    await pullAll(h.app, TOKENS.paul, 'agency:69031', 2); // two pages of 2 and 1
    await pullAll(h.app, TOKENS.villeurbanne, 'agency:69032'); // nothing to read: no row
    await new TestClient(h.app, TOKENS.manager).push([{ name: 'jobseeker.consentWithdrawn', args: { ftId: '1234567A', at: '2025-06-01T10:00:00Z' } }]);
    await h.app.inject({ method: 'GET', url: '/v1/privacy/job-seekers/7654321B?scope=agency:69031', headers: auth(TOKENS.manager) });

    const log = await rows();
    expect(log.map((r) => [r.action, r.sub, r.scope, r.count])).toEqual([
      ['push', 'jeanne.martin', 'agency:69031', 5],
      ['pull', 'paul.bernard', 'agency:69031', 2],
      ['pull', 'paul.bernard', 'agency:69031', 1],
      ['purge', 'claire.durand', 'agency:69031', 1],
      ['push', 'claire.durand', 'agency:69031', 1],
      ['export', 'claire.durand', 'agency:69031', 1],
    ]);
    expect(log[0]!.details).toEqual({
      clientId: jeanne.clientId,
      mutations: [
        { seq: 1, id: body.mutations[0]!.id, name: 'promotion.create', target: promotion.id, status: 'applied' },
        { seq: 2, id: body.mutations[1]!.id, name: 'promotion.addEvent', target: promotion.id, event: event.id, status: 'applied' },
        { seq: 3, id: body.mutations[2]!.id, name: 'pool.add', target: expect.any(String), status: 'applied' },
        { seq: 4, id: body.mutations[3]!.id, name: 'need.create', target: expect.any(String), status: 'applied' },
        { seq: 5, id: body.mutations[4]!.id, name: 'unknown', status: 'rejected', code: 'unknown_mutation' },
      ],
    });
    expect(log[3]!.details).toEqual({ reason: 'consent_withdrawn', subject: expect.stringMatching(/^pseudo:/), poolEntries: 0, promotions: 1 });
    expect(log.every((r) => r.agency_code === '69031' && !Number.isNaN(Date.parse(r.at)))).toBe(true);
    // Ids and counts only: no name, pitch or ftId of a job seeker.
    expect(JSON.stringify(log)).not.toMatch(/Lucie|DUPONT|Karim|1234567A|7654321B|Secrétaire|Cariste/);
  });

  it('answers a pull only once its audit row is written', async () => {
    await new TestClient(h.app, TOKENS.jeanne).push([create(makePromotion())]);
    await h.app.db.schema.dropTable('audit_log').execute(); // the audit log cannot be written any more
    const res = await h.app.inject({ method: 'GET', url: '/v1/sync/pull?scope=agency:69031', headers: auth(TOKENS.jeanne) });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('DUPONT');
  });

  it('logs every one of many simultaneous pulls, each with who and how many, before answering it', async () => {
    await new TestClient(h.app, TOKENS.jeanne).push([create(makePromotion()), create(makePromotion()), create(makePromotion())]);
    const readers = [TOKENS.jeanne, TOKENS.paul];
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        h.app.inject({ method: 'GET', url: `/v1/sync/pull?scope=agency:69031&limit=${1 + (i % 3)}`, headers: auth(readers[i % 2]!) }),
      ),
    );
    expect(replies.map((r) => r.statusCode)).toEqual(Array(12).fill(200));
    const pulls = (await rows()).filter((r) => r.action === 'pull');
    const tally = (entries: { sub: string; count: number }[]) => entries.map((e) => `${e.sub}:${e.count}`).sort();
    expect(tally(pulls)).toEqual(
      // Three promotions stored, so each pull reads as many as its limit.
      tally(replies.map((_, i) => ({ sub: i % 2 ? 'paul.bernard' : 'jeanne.martin', count: 1 + (i % 3) }))),
    );
  });
});
