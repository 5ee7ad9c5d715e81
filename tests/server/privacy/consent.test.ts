// @vitest-environment node
/** `jobseeker.consentWithdrawn`: pool entries gone, promotions pseudonymised, every client told on pull. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Promotion } from '../../../lib/domain/promotion';
import type { Change, PushResponse } from '../../../lib/domain/sync';
import { promotionFromServer } from '../../../lib/sync/apply';
import { addEvent, create, makeEvent, makePoolEntry, makePromotion, postPush, pullAll, TestClient, update } from '../fixtures';
import { describeEachDatabase, startHarness, TOKENS, type Harness } from '../harness';

const LUCIE = '1234567A';
const withdraw = (ftId: string, at = '2025-06-01T10:00:00+02:00') => ({ name: 'jobseeker.consentWithdrawn', args: { ftId, at } });
const byId = (changes: Change[], id: string) => changes.find((c) => c.id === id)!;

describeEachDatabase('consent withdrawal on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(kind);
  });
  afterEach(async () => {
    await h.close();
  });

  it('tombstones the pool entries and pseudonymises the promotions in one push, with new versions', async () => {
    const jeanne = new TestClient(h.app, TOKENS.jeanne);
    const first = makePromotion({ pitch: 'Lucie, 12 ans de secrétariat, habite Lyon 3e.' });
    first.events = [makeEvent(first.id), makeEvent(first.id, { type: 'note', note: 'Lucie préfère le matin.' })];
    const second = makePromotion({ establishment: { siret: '35600000009075', name: 'LA POSTE', postcode: '69002', city: 'Lyon' } });
    const other = makePromotion({ jobSeeker: { ...makePromotion().jobSeeker, ftId: '7654321B', firstName: 'Karim', lastName: 'BENALI' } });
    const entry = makePoolEntry({ ftId: LUCIE, firstName: 'Lucie', pitch: 'Secrétaire, Lyon.' });
    const otherEntry = makePoolEntry();
    await jeanne.push([create(first), create(second), create(other), { name: 'pool.add', args: entry }, { name: 'pool.add', args: otherEntry }]);
    // An overwritten pitch is kept for the « modifié par » history: it must go too.
    await new TestClient(h.app, TOKENS.manager).push([update('promotion.update', first.id, 0, { pitch: 'Lucie DUPONT, secrétaire.' })]);
    const before = await pullAll(h.app, TOKENS.paul);

    const paul = new TestClient(h.app, TOKENS.paul);
    const reply = await paul.push([withdraw(' 1234567a ')]);
    expect(reply.results).toEqual([{ seq: 1, status: 'applied' }]);

    const after = await getChangesAfter(h, before.cursor);
    expect(after.map((c) => c.id).sort()).toEqual([first.id, second.id, entry.id].sort());
    expect(byId(after, entry.id)).toMatchObject({ entity: 'pool', deleted: true, data: null });
    for (const id of [first.id, second.id]) {
      const change = byId(after, id);
      expect(change.version).toBeGreaterThan(before.changes.at(-1)!.version);
      const data = change.data as Promotion & { events: { note?: string }[] };
      expect(data.jobSeeker).toEqual({ ftId: expect.stringMatching(/^pseudo:[0-9a-f]{64}$/), firstName: '', lastName: '', mainRome: 'M1607', promotionConsent: { granted: false } });
      expect(data.pitch).toBe('');
      expect(JSON.stringify(data)).not.toMatch(/Lucie|DUPONT|1234567A/);
      // The employer's side is untouched; so are the dates and outcomes the statistics count.
      expect(data.contact).toEqual(first.contact);
      expect(data.events.map((e) => (e as { type: string }).type)).toEqual(id === first.id ? ['sent', 'note'] : []);
      // An extension reads it as a promotion (the pull would otherwise leave its old copy in place).
      expect(() => promotionFromServer(change.data)).not.toThrow();
    }
    const pseudonyms = [first.id, second.id].map((id) => (byId(after, id).data as Promotion).jobSeeker.ftId);
    expect(pseudonyms[0]).toBe(pseudonyms[1]); // one person, one pseudonym: distinct profiles still count
    const conflicts = await h.app.db.selectFrom('conflicts').selectAll().execute();
    expect(conflicts).toEqual([]);
    // The other job seeker is untouched.
    const untouched = (await pullAll(h.app, TOKENS.paul)).changes;
    expect((byId(untouched, other.id).data as Promotion).jobSeeker.firstName).toBe('Karim');
    expect(byId(untouched, otherEntry.id).deleted).toBe(false);
  });

  it('touches only the counsellor\'s agency, where the same ftId may be another person', async () => {
    const lyon = makePromotion();
    const villeurbanne = makePromotion({ agencyCode: '69032' });
    await new TestClient(h.app, TOKENS.jeanne).push([create(lyon)]);
    await new TestClient(h.app, TOKENS.villeurbanne).push([create(villeurbanne)]);
    await new TestClient(h.app, TOKENS.jeanne).push([withdraw(LUCIE)]);
    const { changes } = await pullAll(h.app, TOKENS.villeurbanne, 'agency:69032');
    expect((changes[0]!.data as Promotion).jobSeeker.lastName).toBe('DUPONT');
  });

  it('keeps late writes made before the withdrawal pseudonymised or refused, and a later consent in clear', async () => {
    const jeanne = new TestClient(h.app, TOKENS.jeanne);
    await jeanne.push([withdraw(LUCIE, '2025-06-01T10:00:00+02:00')]);
    // Made offline before the withdrawal, pushed after it.
    const late = makePromotion({ createdAt: '2025-05-30T09:00:00+02:00' });
    const lateEntry = makePoolEntry({ ftId: LUCIE, createdAt: '2025-05-31T09:00:00+02:00' });
    // The job seeker consented again later.
    const again = makePromotion({ createdAt: '2025-07-01T09:00:00+02:00' });
    const paul = new TestClient(h.app, TOKENS.paul);
    const reply = await paul.push([create(late), { name: 'pool.add', args: lateEntry }, create(again)]);
    expect(reply.results.map((r) => [r.status, r.code])).toEqual([
      ['applied', undefined],
      ['rejected', 'consent_missing'],
      ['applied', undefined],
    ]);
    const { changes } = await pullAll(h.app, TOKENS.jeanne);
    expect((byId(changes, late.id).data as Promotion).jobSeeker).toMatchObject({ firstName: '', lastName: '', ftId: expect.stringMatching(/^pseudo:/) });
    expect((byId(changes, again.id).data as Promotion).jobSeeker).toMatchObject({ firstName: 'Lucie', ftId: LUCIE });
    // A resend of the late create is recognised (compared once pseudonymised too).
    expect((await paul.push([create(late)])).results[0]).toEqual({ seq: 4, status: 'applied' });
  });

  it('refuses a new pitch on a pseudonymised promotion and effaces notes of later events', async () => {
    const promotion = makePromotion();
    const jeanne = new TestClient(h.app, TOKENS.jeanne);
    await jeanne.push([create(promotion), withdraw(LUCIE)]);
    const declined = makeEvent(promotion.id, { type: 'declined', reason: 'other', note: 'Lucie a déménagé à Paris.' });
    const reply = await jeanne.push([
      update('promotion.update', promotion.id, 2, { pitch: 'Lucie est disponible.' }),
      update('promotion.update', promotion.id, 2, { channel: 'phone' }),
      addEvent(declined),
    ]);
    expect(reply.results.map((r) => r.code ?? r.status)).toEqual(['consent_missing', 'applied', 'applied']);
    const { changes } = await pullAll(h.app, TOKENS.jeanne);
    const data = changes[0]!.data as Promotion;
    expect(data.pitch).toBe('');
    expect(data.channel).toBe('phone');
    expect(data.events[0]).toMatchObject({ type: 'declined', reason: 'other', note: expect.not.stringContaining('Lucie') });
    expect(() => promotionFromServer(data)).not.toThrow();
  });

  it('finds the job seeker among records holding a NUL or a lone surrogate (PostgreSQL reads neither as JSON)', async () => {
    const odd = makePromotion({ pitch: 'Disponible\u0000 \ud800 immédiatement' });
    const client = new TestClient(h.app, TOKENS.jeanne);
    expect((await client.push([create(odd), create(makePromotion()), withdraw(LUCIE)])).results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const { changes } = await pullAll(h.app, TOKENS.jeanne);
    expect(changes.map((c) => (c.data as Promotion).pitch)).toEqual(['', '']);
  });

  it('refuses malformed withdrawals as invalid, and a resent one is a duplicate', async () => {
    const client = new TestClient(h.app, TOKENS.jeanne);
    const reply = await client.push([
      { name: 'jobseeker.consentWithdrawn', args: { ftId: '123', at: '2025-06-01T10:00:00Z' } },
      { name: 'jobseeker.consentWithdrawn', args: { ftId: LUCIE } },
      { name: 'jobseeker.consentWithdrawn', args: { ftId: LUCIE, at: '2025-06-01T10:00:00Z', nir: '1850775123456' } },
    ]);
    expect(reply.results.map((r) => r.code)).toEqual(['invalid', 'invalid', 'invalid']);
    const body = client.batch([withdraw(LUCIE)]);
    const replies = [await postPush(h.app, TOKENS.jeanne, body), await postPush(h.app, TOKENS.jeanne, body)];
    expect(replies.map((r) => r.json<PushResponse>().results[0]!.status)).toEqual(['applied', 'duplicate']);
  });
});

async function getChangesAfter(h: Harness, cursor: string): Promise<Change[]> {
  const res = await h.app.inject({ method: 'GET', url: `/v1/sync/pull?scope=agency:69031&cursor=${cursor}`, headers: { authorization: `Bearer ${TOKENS.jeanne}` } });
  expect(res.statusCode).toBe(200);
  return res.json<{ changes: Change[] }>().changes;
}
