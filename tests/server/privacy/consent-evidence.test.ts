// @vitest-environment node
/**
 * How consent was read, kept with each promotion: stored and pulled back as sent, listed in the job seeker's
 * export, and used to refuse a promotion made after a withdrawal on a reading older than it.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ConsentEvidence, Promotion } from '../../../lib/domain/promotion';
import { auth, create, makePromotion, pullAll, TestClient } from '../fixtures';
import { describeEachDatabase, startHarness, TOKENS, type Harness } from '../harness';

const EVIDENCE: ConsentEvidence = { wording: 'Oui, depuis le 10/01/2025', date: '2025-01-10', pageKind: 'profile', readAt: '2025-03-12T09:29:00+01:00' };
const withdraw = (at: string) => ({ name: 'jobseeker.consentWithdrawn', args: { ftId: '1234567A', at } });

describeEachDatabase('consent evidence on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(kind);
  });
  afterEach(async () => {
    await h.close();
  });

  it('is stored with the promotion, pulled back as sent, and listed in the export', async () => {
    const promotion = makePromotion({ consentEvidence: EVIDENCE });
    const older = makePromotion({ jobSeeker: { ...promotion.jobSeeker } });
    expect((await new TestClient(h.app, TOKENS.jeanne).push([create(promotion), create(older)])).results.map((r) => r.status)).toEqual(['applied', 'applied']);

    const pulled = await pullAll(h.app, TOKENS.paul);
    const byId = (id: string) => pulled.changes.find((c) => c.id === id)!.data as Promotion;
    expect(byId(promotion.id).consentEvidence).toEqual(EVIDENCE);
    expect(byId(older.id)).not.toHaveProperty('consentEvidence');

    const res = await h.app.inject({ method: 'GET', url: '/v1/privacy/job-seekers/1234567A?scope=agency:69031', headers: auth(TOKENS.jeanne) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().consentEvidence).toEqual([{ promotionId: promotion.id, ...EVIDENCE }]);
  });

  it('keeps the evidence when the promotion is pseudonymised', async () => {
    const promotion = makePromotion({ consentEvidence: EVIDENCE });
    const jeanne = new TestClient(h.app, TOKENS.jeanne);
    await jeanne.push([create(promotion), withdraw('2025-06-01T10:00:00+02:00')]);
    const data = (await pullAll(h.app, TOKENS.paul)).changes.find((c) => c.id === promotion.id)!.data as Promotion;
    expect(data.jobSeeker.ftId).toMatch(/^pseudo:/);
    expect(data.consentEvidence).toEqual(EVIDENCE);
  });

  it('refuses a promotion made after the withdrawal on a reading older than it; accepts one read after', async () => {
    const paul = new TestClient(h.app, TOKENS.paul);
    await paul.push([withdraw('2025-06-01T10:00:00+02:00')]);
    const stale = makePromotion({ createdAt: '2025-06-02T09:00:00+02:00', consentEvidence: { ...EVIDENCE, readAt: '2025-06-01T09:00:00+02:00' } });
    const oldDate = makePromotion({ createdAt: '2025-06-02T09:00:00+02:00', consentEvidence: { ...EVIDENCE, readAt: '2025-06-02T08:59:00+02:00' } });
    const fresh = makePromotion({
      createdAt: '2025-06-02T09:00:00+02:00',
      jobSeeker: { ...makePromotion().jobSeeker, promotionConsent: { granted: true, since: '2025-06-02' } },
      consentEvidence: { wording: 'Oui, depuis le 02/06/2025', date: '2025-06-02', pageKind: 'profile', readAt: '2025-06-02T08:59:00+02:00' },
    });
    const reply = await new TestClient(h.app, TOKENS.jeanne).push([create(stale), create(oldDate), create(fresh)]);
    expect(reply.results.map((r) => [r.status, r.code])).toEqual([
      ['rejected', 'consent_missing'],
      ['rejected', 'consent_missing'],
      ['applied', undefined],
    ]);
    expect(reply.results[0]!.message).toContain('a retiré son consentement après la lecture de son dossier');
    const ids = (await pullAll(h.app, TOKENS.paul)).changes.map((c) => c.id);
    expect(ids).toEqual([fresh.id]);
  });
});
