// @vitest-environment node
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Promotion } from '../../lib/domain/promotion';
import type { PushResponse } from '../../lib/domain/sync';
import {
  addEvent,
  create,
  looksFrench,
  makeEvent,
  makeNeed,
  makePoolEntry,
  makePromotion,
  postPush,
  pullAll,
  pushBody,
  TestClient,
  update,
} from './fixtures';
import { describeEachDatabase, startHarness, TOKENS, type Harness } from './harness';

describeEachDatabase('push on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(kind);
  });
  afterEach(async () => {
    await h.close();
  });

  it('applies a new promotion, stamps it and its events with a version, and answers lastSeq', async () => {
    const client = new TestClient(h.app, TOKENS.jeanne);
    const promotion = makePromotion();
    promotion.events = [makeEvent(promotion.id)];
    const reply = await client.push([create(promotion)]);
    expect(reply).toEqual({ lastSeq: 1, results: [{ seq: 1, status: 'applied' }] });

    const { changes } = await pullAll(h.app, TOKENS.paul);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ entity: 'promotion', id: promotion.id, version: 1, deleted: false });
    const data = changes[0]!.data as typeof promotion & { events: { id: string; version: number }[] };
    expect(data.establishment.siret).toBe('73282932000074');
    expect(data.events).toEqual([{ ...promotion.events[0], byName: 'Jeanne MARTIN', version: 1 }]);
  });

  it('answers "duplicate" for a batch sent again, and applies it only once', async () => {
    const client = new TestClient(h.app, TOKENS.jeanne);
    const body = client.batch([create(makePromotion()), { name: 'need.create', args: makeNeed() }]);
    const first = await postPush(h.app, TOKENS.jeanne, body);
    const again = await postPush(h.app, TOKENS.jeanne, body);
    expect(first.json<PushResponse>().results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({
      lastSeq: 2,
      results: [
        { seq: 1, status: 'duplicate' },
        { seq: 2, status: 'duplicate' },
      ],
    });
    const { changes } = await pullAll(h.app, TOKENS.jeanne);
    expect(changes.map((c) => c.version)).toEqual([1, 2]);
  });

  it('applies the same batch sent several times at once exactly once', async () => {
    const client = new TestClient(h.app, TOKENS.jeanne);
    const promotions = [makePromotion(), makePromotion(), makePromotion()];
    const body = client.batch(promotions.map(create));
    const replies = await Promise.all(Array.from({ length: 6 }, () => postPush(h.app, TOKENS.jeanne, body)));
    expect(replies.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const statuses = replies.map((r) => r.json<PushResponse>().results.map((x) => x.status));
    expect(statuses.filter((s) => s.every((x) => x === 'applied'))).toHaveLength(1);
    expect(statuses.filter((s) => s.every((x) => x === 'duplicate'))).toHaveLength(5);
    const { changes } = await pullAll(h.app, TOKENS.jeanne);
    expect(changes.map((c) => c.id).sort()).toEqual(promotions.map((p) => p.id).sort());
    expect(changes.map((c) => c.version)).toEqual([1, 2, 3]);
  });

  it('refuses a batch with a hole in the sequence (409, expectedSeq) and writes nothing of it', async () => {
    const client = new TestClient(h.app, TOKENS.jeanne);
    await client.push([create(makePromotion())]);
    const lost = makePromotion();
    const res = await postPush(h.app, TOKENS.jeanne, pushBody(client.clientId, 3, [create(lost)]));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'sequence_gap' }, expectedSeq: 2 });
    expect(looksFrench(res.json().error.message)).toBe(true);

    // A hole after a valid start refuses the whole batch too.
    const mixed = pushBody(client.clientId, 2, [create(makePromotion()), create(makePromotion())]);
    mixed.mutations[1]!.seq = 4;
    const res2 = await postPush(h.app, TOKENS.jeanne, mixed);
    expect(res2.statusCode).toBe(409);
    expect(res2.json().expectedSeq).toBe(2);
    expect((await pullAll(h.app, TOKENS.jeanne)).changes).toHaveLength(1);

    const resend = await postPush(h.app, TOKENS.jeanne, pushBody(client.clientId, 2, [create(lost)]));
    expect(resend.json()).toEqual({ lastSeq: 2, results: [{ seq: 2, status: 'applied' }] });
  });

  it('reports each refused mutation with its code and still advances lastSeq past it', async () => {
    const client = new TestClient(h.app, TOKENS.jeanne);
    const noConsent = makePromotion();
    noConsent.jobSeeker.promotionConsent = { granted: false };
    const otherAgency = makePromotion({ agencyCode: '69032' });
    const badSiret = makePromotion();
    badSiret.establishment.siret = '12345678912345';
    const good = makePromotion();
    const reply = await client.push([
      create(noConsent),
      { name: 'pool.add', args: { ...makePoolEntry(), promotionConsent: { granted: false } } },
      create(otherAgency),
      create(badSiret),
      update('promotion.update', randomUUID(), 0, { pitch: 'Nouveau texte' }),
      addEvent(makeEvent(randomUUID())),
      { name: 'promotion.delete', args: { id: good.id } },
      create(good),
    ]);
    expect(reply.lastSeq).toBe(8);
    expect(reply.results.map((r) => [r.seq, r.status, r.code])).toEqual([
      [1, 'rejected', 'consent_missing'],
      [2, 'rejected', 'consent_missing'],
      [3, 'rejected', 'forbidden'],
      [4, 'rejected', 'invalid'],
      [5, 'rejected', 'not_found'],
      [6, 'rejected', 'not_found'],
      [7, 'rejected', 'unknown_mutation'],
      [8, 'applied', undefined],
    ]);
    for (const r of reply.results.filter((x) => x.status === 'rejected')) expect(looksFrench(r.message ?? '')).toBe(true);
    expect(reply.results[3]!.message).toMatch(/establishment\.siret : SIRET invalide/);

    const { changes } = await pullAll(h.app, TOKENS.jeanne);
    expect(changes.map((c) => c.id)).toEqual([good.id]);
    const next = await client.push([create(makePromotion())]);
    expect(next.results).toEqual([{ seq: 9, status: 'applied' }]);
  });

  it('applies a batch that creates records, then edits one, adds to it and withdraws the consent of the other', async () => {
    // A counsellor offline for a while: the outbox holds the creates and what followed them, sent as one batch.
    const client = new TestClient(h.app, TOKENS.jeanne);
    const karim = makePromotion({ jobSeeker: { ...makePromotion().jobSeeker, ftId: '7654321B', firstName: 'Karim', lastName: 'BENALI' } });
    const lucie = makePromotion();
    const sent = makeEvent(karim.id);
    const reply = await client.push([
      create(karim),
      update('promotion.update', karim.id, 1, { pitch: 'Magasinier cariste, disponible tout de suite.' }),
      addEvent(sent),
      create(lucie),
      { name: 'jobseeker.consentWithdrawn', args: { ftId: lucie.jobSeeker.ftId, at: new Date().toISOString() } },
    ]);
    expect(reply.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);

    const { changes } = await pullAll(h.app, TOKENS.paul);
    // One version per write, in batch order: create, edit, event (3); create, pseudonymisation (5).
    expect(changes.map((c) => [c.id, c.version])).toEqual([
      [karim.id, 3],
      [lucie.id, 5],
    ]);
    const karimData = changes[0]!.data as { pitch: string; events: { id: string; version: number }[] };
    expect(karimData.pitch).toBe('Magasinier cariste, disponible tout de suite.');
    expect(karimData.events.map((e) => [e.id, e.version])).toEqual([[sent.id, 3]]);
    expect((changes[1]!.data as Promotion).jobSeeker).toMatchObject({ ftId: expect.stringMatching(/^pseudo:/), firstName: '', lastName: '' });
  });

  it('writes every edit of a batch to records stored before it, the last edit winning, before a withdrawal reads them', async () => {
    const client = new TestClient(h.app, TOKENS.jeanne);
    const sophie = makePromotion();
    const karim = makePromotion({ jobSeeker: { ...makePromotion().jobSeeker, ftId: '7654321B', firstName: 'Karim', lastName: 'BENALI' } });
    await client.push([create(sophie), create(karim)]);
    const sophieSent = makeEvent(sophie.id);
    const karimSent = makeEvent(karim.id);
    const reply = await client.push([
      update('promotion.update', sophie.id, 2, { pitch: 'Secrétaire, dix ans de cabinet.' }),
      addEvent(karimSent),
      update('promotion.update', sophie.id, 3, { pitch: 'Secrétaire médicale, dix ans de cabinet.' }),
      addEvent(sophieSent),
      { name: 'jobseeker.consentWithdrawn', args: { ftId: karim.jobSeeker.ftId, at: new Date().toISOString() } },
    ]);
    expect(reply.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);

    const { changes } = await pullAll(h.app, TOKENS.paul);
    // One version per write, in batch order: edit (3), event (4), edit (5), event (6), pseudonymisation (7).
    expect(changes.map((c) => [c.id, c.version])).toEqual([
      [sophie.id, 6],
      [karim.id, 7],
    ]);
    const sophieData = changes[0]!.data as { pitch: string; events: { id: string; version: number }[] };
    expect(sophieData.pitch).toBe('Secrétaire médicale, dix ans de cabinet.');
    expect(sophieData.events.map((e) => [e.id, e.version])).toEqual([[sophieSent.id, 6]]);
    // The withdrawal found Karim's promotion as the batch had left it: its event is kept, the person is not.
    const karimData = changes[1]!.data as Omit<Promotion, 'events'> & { events: { id: string; version: number }[] };
    expect(karimData.events.map((e) => [e.id, e.version])).toEqual([[karimSent.id, 4]]);
    expect(karimData.jobSeeker).toMatchObject({ ftId: expect.stringMatching(/^pseudo:/), firstName: '', lastName: '' });
  });

  it('refuses as invalid, never with a 500, a record whose id is not an id (a NUL byte, refused by PostgreSQL)', async () => {
    const client = new TestClient(h.app, TOKENS.jeanne);
    const reply = await client.push([create({ ...makePromotion(), id: '\u0000' })]);
    expect(reply.results).toEqual([{ seq: 1, status: 'rejected', code: 'invalid', message: expect.any(String) }]);
  });

  it('takes a create pushed again (another install) as a merge of its events, and refuses the same id for another person', async () => {
    const jeanne = new TestClient(h.app, TOKENS.jeanne);
    const paul = new TestClient(h.app, TOKENS.paul);
    const promotion = makePromotion();
    const sent = makeEvent(promotion.id, { type: 'sent' });
    // The message revised before sending (once sent, only the contact may change).
    await jeanne.push([create(promotion), update('promotion.update', promotion.id, 1, { pitch: 'Texte revu.' }), addEvent(sent)]);

    // The same id again, with an older pitch, the known event and a new one: the events merge, the fields stay.
    const replied = makeEvent(promotion.id, { type: 'employer_replied', at: '2025-03-14T10:00:00+01:00' });
    const again = await paul.push([create({ ...promotion, pitch: 'Autre texte', events: [sent, replied] }), create(structuredClone(promotion))]);
    expect(again.results).toEqual([
      { seq: 1, status: 'applied' },
      { seq: 2, status: 'applied' },
    ]);
    const stored = (await pullAll(h.app, TOKENS.jeanne)).changes;
    expect(stored).toHaveLength(1);
    expect(stored[0]!.version).toBe(4);
    const data = stored[0]!.data as Omit<Promotion, 'events'> & { events: { id: string; version: number }[] };
    expect(data.pitch).toBe('Texte revu.');
    expect(data.events.map((e) => [e.id, e.version])).toEqual([
      [sent.id, 3],
      [replied.id, 4],
    ]);

    const otherPerson = await paul.push([
      create({ ...promotion, jobSeeker: { ...promotion.jobSeeker, ftId: '7654321B' } }),
      create({ ...promotion, establishment: { ...promotion.establishment, siret: '35600000009075' } }),
    ]);
    expect(otherPerson.results.map((r) => [r.status, r.code])).toEqual([
      ['rejected', 'conflict'],
      ['rejected', 'conflict'],
    ]);
    expect(looksFrench(otherPerson.results[0]!.message ?? '')).toBe(true);
    expect((await pullAll(h.app, TOKENS.jeanne)).changes[0]!.version).toBe(4);
  });

  it('refuses an update of an identity field (SIRET) as invalid', async () => {
    const client = new TestClient(h.app, TOKENS.jeanne);
    const need = makeNeed();
    await client.push([{ name: 'need.create', args: need }]);
    const reply = await client.push([update('need.update', need.id, 1, { siret: '35600000000048', label: 'Vendeur' })]);
    expect(reply.results[0]).toMatchObject({ status: 'rejected', code: 'invalid' });
    expect(reply.results[0]!.message).toContain('siret');
  });

  it('binds a clientId to its first counsellor: another counsellor using it gets 403', async () => {
    const client = new TestClient(h.app, TOKENS.jeanne);
    await client.push([create(makePromotion())]);
    const res = await postPush(h.app, TOKENS.paul, pushBody(client.clientId, 2, [create(makePromotion())]));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('client_forbidden');
    expect(looksFrench(res.json().error.message)).toBe(true);
    expect((await pullAll(h.app, TOKENS.jeanne)).changes).toHaveLength(1);
    expect(h.logs.some((l) => l.includes('"client_forbidden"') && l.includes('paul.bernard'))).toBe(true);
  });

  it('refuses more than 100 mutations and more than 256 KB with 413, in French, and takes exactly 100', async () => {
    const tooMany = pushBody(randomUUID(), 1, Array.from({ length: 101 }, () => create(makePromotion())));
    const res = await postPush(h.app, TOKENS.jeanne, tooMany);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
    expect(res.json().error.message).toContain('100 modifications au plus');
    const hundred = await postPush(h.app, TOKENS.jeanne, pushBody(randomUUID(), 1, Array.from({ length: 100 }, () => create(makePromotion()))));
    expect(hundred.statusCode).toBe(200);
    expect(hundred.json().lastSeq).toBe(100);

    const heavy = makePromotion();
    const big = pushBody(randomUUID(), 1, [{ name: 'promotion.create', args: { ...heavy, pitch: 'x'.repeat(300 * 1024) } }]);
    const res2 = await postPush(h.app, TOKENS.jeanne, big);
    expect(res2.statusCode).toBe(413);
    expect(res2.json()).toEqual({ error: { code: 'payload_too_large', message: expect.stringContaining('256 Ko') } });
  });

  it('refuses a malformed envelope with a readable French message', async () => {
    const res = await postPush(h.app, TOKENS.jeanne, { clientId: 'poste-1', schemaVersion: 2, mutations: [] });
    expect(res.statusCode).toBe(400);
    const { message } = res.json().error;
    expect(message).toContain('Identifiant de poste invalide');
    expect(message).toContain('Version du protocole non prise en charge');
    const res2 = await h.app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: { authorization: `Bearer ${TOKENS.jeanne}`, 'content-type': 'application/json' },
      payload: '{"clientId":',
    });
    expect(res2.statusCode).toBe(400);
    expect(res2.json().error.code).toBe('invalid_request');
    expect(looksFrench(res2.json().error.message)).toBe(true);
  });

  it('accepts a need and a pool entry from the counsellor\'s agency', async () => {
    const client = new TestClient(h.app, TOKENS.paul);
    const reply = await client.push([
      { name: 'need.create', args: makeNeed() },
      { name: 'pool.add', args: makePoolEntry() },
    ]);
    expect(reply.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const { changes } = await pullAll(h.app, TOKENS.jeanne);
    expect(changes.map((c) => c.entity)).toEqual(['need', 'pool']);
  });
});
