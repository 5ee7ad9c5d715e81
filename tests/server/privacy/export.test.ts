// @vitest-environment node
/** `GET /v1/privacy/job-seekers/:ftId`: what the agency holds about one job seeker, audited. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { auth, create, looksFrench, makeEvent, makePoolEntry, makePromotion, TestClient, update } from '../fixtures';
import { describeEachDatabase, startHarness, TOKENS, type Harness } from '../harness';

const exportOf = (h: Harness, token: string, ftId: string, query = 'scope=agency:69031') =>
  h.app.inject({ method: 'GET', url: `/v1/privacy/job-seekers/${encodeURIComponent(ftId)}?${query}`, headers: auth(token) });

describeEachDatabase('job-seeker export on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(kind);
  });
  afterEach(async () => {
    await h.close();
  });

  it('gives the promotions, their events, the pool entries and the overwritten values that mention the ftId', async () => {
    const jeanne = new TestClient(h.app, TOKENS.jeanne);
    const promotion = makePromotion();
    // Not sent yet: its message may still be rewritten.
    promotion.events = [makeEvent(promotion.id, { type: 'note', note: 'Appel prévu' }), makeEvent(promotion.id, { type: 'note', note: 'Relance prévue' })];
    const entry = makePoolEntry({ ftId: '1234567A', firstName: 'Lucie' });
    const someoneElse = makePromotion({ jobSeeker: { ...promotion.jobSeeker, ftId: '7654321B', firstName: 'Karim', lastName: 'BENALI' } });
    await jeanne.push([create(promotion), { name: 'pool.add', args: entry }, create(someoneElse)]);
    // The agency manager rewrites Jeanne's pitch: the overwritten value is kept for the « modifié par » history.
    await new TestClient(h.app, TOKENS.manager).push([update('promotion.update', promotion.id, 0, { pitch: 'Nouvel argumentaire' })]);

    for (const token of [TOKENS.jeanne, TOKENS.manager]) {
      const res = await exportOf(h, token, '1234567a');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ ftId: '1234567A', scope: 'agency:69031', generatedAt: expect.any(String) });
      expect(body.promotions.map((p: { id: string }) => p.id)).toEqual([promotion.id]);
      expect(body.promotions[0]).toMatchObject({ jobSeeker: { firstName: 'Lucie', lastName: 'DUPONT' }, pitch: 'Nouvel argumentaire' });
      expect(body.events.map((e: { id: string; promotionId: string }) => [e.id, e.promotionId])).toEqual(promotion.events.map((e) => [e.id, promotion.id]));
      expect(body.poolEntries.map((p: { id: string }) => p.id)).toEqual([entry.id]);
      expect(body.overwrittenValues).toEqual([
        expect.objectContaining({ entity: 'promotion', entityId: promotion.id, field: 'pitch', previousValue: promotion.pitch, newValue: 'Nouvel argumentaire' }),
      ]);
      expect(res.body).not.toContain('Karim');
    }
    // Audited, by pseudonym: the log itself holds no ftId.
    const rows = await h.app.db.selectFrom('audit_log').selectAll().where('action', '=', 'export').orderBy('at').execute();
    expect(rows.map((r) => [r.sub, r.scope, r.count])).toEqual([
      ['jeanne.martin', 'agency:69031', 2],
      ['claire.durand', 'agency:69031', 2],
    ]);
    expect(JSON.parse(rows[0]!.details!)).toEqual({ subject: expect.stringMatching(/^pseudo:[0-9a-f]{64}$/) });
    expect(JSON.stringify(rows)).not.toContain('1234567A');
  });

  it('finds nothing once the consent is withdrawn, and refuses other agencies and bad requests in French', async () => {
    const jeanne = new TestClient(h.app, TOKENS.jeanne);
    await jeanne.push([create(makePromotion()), { name: 'jobseeker.consentWithdrawn', args: { ftId: '1234567A', at: '2025-06-01T10:00:00Z' } }]);
    const empty = await exportOf(h, TOKENS.jeanne, '1234567A');
    expect(empty.json()).toMatchObject({ promotions: [], events: [], poolEntries: [], overwrittenValues: [] });

    const refusals = {
      otherAgency: [await exportOf(h, TOKENS.villeurbanne, '1234567A'), 403],
      badFtId: [await exportOf(h, TOKENS.jeanne, '12345'), 400],
      noScope: [await exportOf(h, TOKENS.jeanne, '1234567A', ''), 400],
      unknownKey: [await exportOf(h, TOKENS.jeanne, '1234567A', 'scope=agency:69031&all=1'), 400],
      noToken: [await h.app.inject({ method: 'GET', url: '/v1/privacy/job-seekers/1234567A?scope=agency:69031' }), 401],
    } as const;
    for (const [label, [res, status]] of Object.entries(refusals)) {
      expect(res.statusCode, label).toBe(status);
      expect(looksFrench(res.json().error.message), label).toBe(true);
    }
  });
});
