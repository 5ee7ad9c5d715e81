// @vitest-environment node
/** Clock sanity: a record or event dated more than ten minutes ahead of the server is refused (`clock`). */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { addEvent, create, looksFrench, makeEvent, makeNeed, makePoolEntry, makePromotion, pullAll, TestClient } from '../fixtures';
import { describeEachDatabase, startHarness, TOKENS, type Harness } from '../harness';

const ahead = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

describeEachDatabase('clock sanity on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(kind);
  });
  afterEach(async () => {
    await h.close();
  });

  it('refuses a pool entry dated 2099 after the job seeker withdrew their consent: it would put them back in the pool', async () => {
    const jeanne = new TestClient(h.app, TOKENS.jeanne);
    const withdrawn = { name: 'jobseeker.consentWithdrawn', args: { ftId: '7654321B', at: new Date().toISOString() } };
    const future = makePoolEntry({ ftId: '7654321B', createdAt: '2099-01-01T00:00:00+01:00' });
    const reply = await jeanne.push([withdrawn, { name: 'pool.add', args: future }]);
    expect(reply.results[1]).toMatchObject({ status: 'rejected', code: 'clock' });
    expect(looksFrench(reply.results[1]!.message!)).toBe(true);
    expect(reply.results[1]!.message).toContain('2099');
    const { changes } = await pullAll(h.app, TOKENS.paul);
    expect(changes.filter((c) => c.entity === 'pool')).toEqual([]);
  });

  it('refuses every kind of record and event dated more than ten minutes ahead, and takes a clock a few minutes fast', async () => {
    const jeanne = new TestClient(h.app, TOKENS.jeanne);
    const promotion = makePromotion();
    const withFutureEvent = makePromotion();
    withFutureEvent.events = [makeEvent(withFutureEvent.id, { at: ahead(60) })];
    const reply = await jeanne.push([
      create(makePromotion({ createdAt: ahead(11) })),
      create(withFutureEvent),
      { name: 'need.create', args: makeNeed({ createdAt: ahead(30) }) },
      { name: 'pool.add', args: makePoolEntry({ createdAt: ahead(24 * 60) }) },
      { name: 'jobseeker.consentWithdrawn', args: { ftId: '1111111A', at: '2099-06-01T10:00:00+02:00' } },
      create(promotion),
      addEvent(makeEvent(promotion.id, { at: ahead(15) })),
      // A workstation a few minutes fast is not refused.
      addEvent(makeEvent(promotion.id, { at: ahead(5) })),
      { name: 'need.create', args: makeNeed({ createdAt: ahead(5), expiresAt: '2099-01-01T00:00:00Z' }) },
    ]);
    expect(reply.results.map((r) => r.code ?? r.status)).toEqual([
      'clock',
      'clock',
      'clock',
      'clock',
      'clock',
      'applied',
      'clock',
      'applied',
      'applied',
    ]);
    const stored = await h.app.db.selectFrom('consent_withdrawals').selectAll().execute();
    expect(stored).toEqual([]);
  });
});
