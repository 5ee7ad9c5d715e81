import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { referenceInSubject } from '../../lib/domain/pitch';
import { promotionReference } from '../../lib/domain/promotion';
import { mutationSchema } from '../../lib/domain/sync';
import {
  addEvent,
  contactSnapshot,
  createPromotion,
  findRecentDuplicate,
  getMeta,
  listForEstablishment,
  listForJobSeeker,
  markSentByReference,
  META_KEYS,
  PromotionRefused,
  type CreatePromotionInput,
  type ProfilenceDb,
} from '../../lib/store';
import { ctx, day, establishment, freshDb, laPoste, profile, refusingProfile } from './helpers';

const input = (over: Partial<CreatePromotionInput> = {}): CreatePromotionInput => ({
  jobSeeker: profile,
  establishment,
  contact: establishment.contacts[0],
  mode: 'named',
  channel: 'email',
  pitch: 'Bonjour Madame ROUSSEL, je vous propose la candidature de Madame Marie DUPONT.',
  ...over,
});

async function refusal(work: Promise<unknown>): Promise<PromotionRefused> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PromotionRefused);
  return error as PromotionRefused;
}

async function nothingWritten(db: ProfilenceDb) {
  expect(await db.promotions.count()).toBe(0);
  expect(await db.outbox.count()).toBe(0);
  expect(await getMeta(db, META_KEYS.outboxSeq)).toBeUndefined();
}

describe('createPromotion', () => {
  it('writes the promotion and its promotion.create mutation together', async () => {
    const db = freshDb();
    const created = await createPromotion(db, input(), { ...ctx, now: day(0) });

    expect(created.status).toBe('draft');
    expect(created.reference).toBe(promotionReference(created.id));
    expect(created.jobSeeker).toEqual({
      ftId: '1234567A',
      firstName: 'Marie',
      lastName: 'DUPONT',
      mainRome: 'M1607',
      promotionConsent: { granted: true, since: '2025-03-12' },
    });
    expect(created.establishment).toEqual({ siret: '73282932000074', name: 'LOGICIELS DU RHÔNE', postcode: '69003', city: 'Lyon' });
    expect(created.contact).toEqual({ name: 'Claire ROUSSEL', email: 'claire.roussel@example.com', phone: '0678451230' });
    expect(created.rome).toBe('M1607');
    expect(await db.promotions.get(created.id)).toEqual(created);

    const rows = await db.outbox.toArray();
    expect(rows).toHaveLength(1);
    const mutation = mutationSchema.parse(rows[0]);
    expect(mutation).toMatchObject({ seq: 1, name: 'promotion.create', clientTs: day(0).toISOString() });
    expect(mutation.args).toMatchObject({ id: created.id, reference: created.reference, events: [] });
    // The status is a local cache; the endpoint derives its own.
    expect(rows[0]!.args).not.toHaveProperty('status');
  });

  it('writes nothing at all when the outbox write fails', async () => {
    const db = freshDb();
    db.outbox.hook('creating', () => {
      throw new Error('Écriture impossible');
    });
    await expect(createPromotion(db, input(), ctx)).rejects.toThrow('Écriture impossible');
    await nothingWritten(db);
  });

  it('keeps outbox numbers without gaps after a failed write', async () => {
    const db = freshDb();
    await createPromotion(db, input(), ctx);
    const failing = () => {
      throw new Error('Écriture impossible');
    };
    db.outbox.hook('creating', failing);
    await expect(createPromotion(db, input({ establishment: laPoste, contact: undefined }), ctx)).rejects.toThrow();
    db.outbox.hook('creating').unsubscribe(failing);
    await createPromotion(db, input({ establishment: laPoste, contact: undefined }), ctx);
    expect((await db.outbox.toArray()).map((r) => r.seq)).toEqual([1, 2]);
    expect(await db.promotions.count()).toBe(2);
  });

  it('refuses a job seeker who has not authorised the promotion of their profile', async () => {
    const db = freshDb();
    expect(refusingProfile.promotionConsent.granted).toBe(false);
    const error = await refusal(createPromotion(db, input({ jobSeeker: refusingProfile }), ctx));
    expect(error.code).toBe('consent_missing');
    expect(error.message).toMatch(/n'a pas autorisé la promotion/);
    await nothingWritten(db);
  });

  it('refuses a snapshot whose consent is missing, whatever the caller claims', async () => {
    const db = freshDb();
    const { promotionConsent: _omitted, ...withoutConsent } = {
      ftId: '1234567A',
      firstName: 'Marie',
      lastName: 'DUPONT',
      mainRome: 'M1607',
      promotionConsent: { granted: true },
    };
    const error = await refusal(createPromotion(db, input({ jobSeeker: withoutConsent as never }), ctx));
    expect(error.code).toBe('consent_missing');
    await nothingWritten(db);
  });

  it('refuses invalid data with a French message and keeps nothing', async () => {
    const db = freshDb();
    const badSiret = { siret: '12345678912345', name: 'ENTREPRISE', postcode: '69003', city: 'Lyon' };
    const error = await refusal(createPromotion(db, input({ establishment: badSiret, contact: undefined }), ctx));
    expect(error.code).toBe('invalid');
    expect(error.message).toContain('Établissement : SIRET invalide');
    const noJob = await refusal(
      createPromotion(db, input({ jobSeeker: { ...profile, targetJobs: [] } }), ctx),
    );
    expect(noJob.code).toBe('invalid');
    expect(noJob.message).toMatch(/métier proposé/);
    await nothingWritten(db);
  });

  it('proposes the chosen job rather than the main one', async () => {
    const db = freshDb();
    const created = await createPromotion(db, input({ rome: 'M1602' }), ctx);
    expect(created.rome).toBe('M1602');
    expect(created.jobSeeker.mainRome).toBe('M1607');
  });
});

describe('addEvent', () => {
  it('updates the status cache and queues promotion.addEvent with each event', async () => {
    const db = freshDb();
    const { id } = await createPromotion(db, input(), { ...ctx, now: day(0) });
    const sent = await addEvent(db, id, { type: 'sent', by: 'Jeanne MARTIN', at: day(1).toISOString() });
    expect(sent.status).toBe('sent');
    expect(sent.sentAt).toBe(day(1).toISOString());
    const replied = await addEvent(db, id, { type: 'employer_replied', by: 'Jeanne MARTIN', note: 'Rappeler lundi' });
    expect(replied.status).toBe('replied');

    const stored = await db.promotions.get(id);
    expect(stored!.status).toBe('replied');
    expect(stored!.events.map((e) => e.type)).toEqual(['sent', 'employer_replied']);
    expect(await db.promotions.where('status').equals('replied').primaryKeys()).toEqual([id]);
    expect(await db.promotions.where('status').equals('draft').count()).toBe(0);

    const rows = await db.outbox.orderBy('seq').toArray();
    expect(rows.map((r) => [r.seq, r.name])).toEqual([
      [1, 'promotion.create'],
      [2, 'promotion.addEvent'],
      [3, 'promotion.addEvent'],
    ]);
    expect(rows[2]!.args).toEqual(stored!.events[1]);
    for (const row of rows) mutationSchema.parse(row);
  });

  it('refuses an event the status does not allow, in French, and writes nothing', async () => {
    const db = freshDb();
    const { id } = await createPromotion(db, input(), ctx);
    const early = await refusal(addEvent(db, id, { type: 'interview', by: 'Jeanne MARTIN' }));
    expect(early.code).toBe('transition');
    expect(early.message).toBe("Impossible d'enregistrer « Entretien » : la promotion est au statut « Brouillon ».");

    await addEvent(db, id, { type: 'sent', by: 'Jeanne MARTIN' });
    await addEvent(db, id, { type: 'hired', by: 'Jeanne MARTIN', note: 'CDI' });
    const late = await refusal(addEvent(db, id, { type: 'declined', by: 'Jeanne MARTIN', reason: 'no_position' }));
    expect(late.code).toBe('transition');
    expect(late.message).toContain('« Embauche »');

    const stored = await db.promotions.get(id);
    expect(stored!.status).toBe('hired');
    expect(stored!.events).toHaveLength(2);
    expect(await db.outbox.count()).toBe(3);
  });

  it('refuses a decline without its reason', async () => {
    const db = freshDb();
    const { id } = await createPromotion(db, input(), ctx);
    await addEvent(db, id, { type: 'sent', by: 'Jeanne MARTIN' });
    const error = await refusal(addEvent(db, id, { type: 'declined', by: 'Jeanne MARTIN' }));
    expect(error.code).toBe('invalid');
    expect(error.message).toContain('Un refus doit indiquer son motif.');
    expect((await db.promotions.get(id))!.status).toBe('sent');
  });

  it('reopens a promotion closed without answer when the employer replies', async () => {
    const db = freshDb();
    const { id } = await createPromotion(db, input(), ctx);
    await addEvent(db, id, { type: 'sent', by: 'Jeanne MARTIN', at: day(1).toISOString() });
    await addEvent(db, id, { type: 'no_response', by: 'Profilence', at: day(30).toISOString() });
    const reopened = await addEvent(db, id, { type: 'employer_replied', by: 'Jeanne MARTIN', at: day(35).toISOString() });
    expect(reopened.status).toBe('replied');
  });

  it('says so when the promotion does not exist', async () => {
    const db = freshDb();
    const error = await refusal(addEvent(db, '01930000-0000-7000-8000-000000000000', { type: 'note', by: 'Jeanne MARTIN', note: 'x' }));
    expect(error.code).toBe('not_found');
  });

  it('leaves the promotion untouched when the outbox write fails', async () => {
    const db = freshDb();
    const { id } = await createPromotion(db, input(), ctx);
    db.outbox.hook('creating', () => {
      throw new Error('Écriture impossible');
    });
    await expect(addEvent(db, id, { type: 'sent', by: 'Jeanne MARTIN' })).rejects.toThrow('Écriture impossible');
    const stored = await db.promotions.get(id);
    expect(stored!.events).toEqual([]);
    expect(stored!.status).toBe('draft');
    expect(await db.outbox.count()).toBe(1);
    expect(await getMeta(db, META_KEYS.outboxSeq)).toBe(1);
  });
});

describe('lists', () => {
  it('lists a job seeker’s promotions and an establishment’s, newest first', async () => {
    const db = freshDb();
    const older = await createPromotion(db, input(), { ...ctx, now: day(0) });
    const newer = await createPromotion(db, input({ establishment: laPoste, contact: laPoste.contacts[0] }), { ...ctx, now: day(5) });
    await addEvent(db, newer.id, { type: 'sent', by: 'Jeanne MARTIN' });

    const forJobSeeker = await listForJobSeeker(db, ' 1234567a ');
    expect(forJobSeeker.map((p) => p.id)).toEqual([newer.id, older.id]);
    expect(forJobSeeker.map((p) => p.status)).toEqual(['sent', 'draft']);
    expect((await listForEstablishment(db, '356 000 000 09075')).map((p) => p.id)).toEqual([newer.id]);
    expect(await listForJobSeeker(db, '7654321B')).toEqual([]);
  });

  it('keeps the contact name without civility', () => {
    expect(contactSnapshot({ civility: 'M.', lastName: 'CHAUVIN', firstName: 'Patrick', phone: '0680112233' })).toEqual({
      name: 'Patrick CHAUVIN',
      phone: '0680112233',
    });
  });
});

describe('findRecentDuplicate (90 days)', () => {
  it('finds a promotion of the same profile to the same establishment created within 90 days', async () => {
    const db = freshDb();
    const first = await createPromotion(db, input(), { ...ctx, now: day(0) });
    expect((await findRecentDuplicate(db, '1234567A', '73282932000074', day(89)))?.id).toBe(first.id);
    expect((await findRecentDuplicate(db, '1234567A', '732 829 320 00074', day(90)))?.id).toBe(first.id);
    expect(await findRecentDuplicate(db, '1234567A', '73282932000074', day(91))).toBeUndefined();
  });

  it('counts from the sending when it came later than the creation', async () => {
    const db = freshDb();
    const first = await createPromotion(db, input(), { ...ctx, now: day(0) });
    await addEvent(db, first.id, { type: 'sent', by: 'Jeanne MARTIN', at: day(60).toISOString() });
    expect((await findRecentDuplicate(db, '1234567A', '73282932000074', day(120)))?.id).toBe(first.id);
    expect(await findRecentDuplicate(db, '1234567A', '73282932000074', day(151))).toBeUndefined();
  });

  it('ignores a withdrawn promotion, another establishment and another job seeker', async () => {
    const db = freshDb();
    const first = await createPromotion(db, input(), { ...ctx, now: day(0) });
    expect(await findRecentDuplicate(db, '1234567A', '35600000009075', day(1))).toBeUndefined();
    expect(await findRecentDuplicate(db, '7654321B', '73282932000074', day(1))).toBeUndefined();
    await addEvent(db, first.id, { type: 'withdrawn', by: 'Jeanne MARTIN', at: day(2).toISOString() });
    expect(await findRecentDuplicate(db, '1234567A', '73282932000074', day(3))).toBeUndefined();
  });

  it('still counts a declined promotion', async () => {
    const db = freshDb();
    const first = await createPromotion(db, input(), { ...ctx, now: day(0) });
    await addEvent(db, first.id, { type: 'sent', by: 'Jeanne MARTIN', at: day(1).toISOString() });
    await addEvent(db, first.id, { type: 'declined', by: 'Jeanne MARTIN', reason: 'no_position', at: day(10).toISOString() });
    expect((await findRecentDuplicate(db, '1234567A', '73282932000074', day(30)))?.status).toBe('declined');
  });
});

describe('markSentByReference', () => {
  it('records the sending once, however many confirmations come', async () => {
    const db = freshDb();
    const created = await createPromotion(db, input(), { ...ctx, now: day(0) });
    const subject = `Proposition de candidature – Secrétariat – réf. ${created.reference}`;
    const reference = referenceInSubject(subject)!;
    expect(reference).toBe(created.reference);

    const sentAt = '2026-11-20T14:32:00+01:00';
    const first = await markSentByReference(db, reference, { at: sentAt, by: 'Jeanne MARTIN' });
    expect(first.outcome).toBe('marked');
    const again = await markSentByReference(db, reference.toLowerCase(), { at: '2026-11-20T14:35:00+01:00', by: 'Jeanne MARTIN' });
    expect(again.outcome).toBe('already_sent');

    const stored = await db.promotions.get(created.id);
    expect(stored!.status).toBe('sent');
    expect(stored!.events).toHaveLength(1);
    expect(stored!.events[0]).toMatchObject({ type: 'sent', at: sentAt, by: 'Jeanne MARTIN' });
    expect((await db.outbox.toArray()).map((r) => r.name)).toEqual(['promotion.create', 'promotion.addEvent']);
  });

  it('finds nothing for an unknown or malformed reference', async () => {
    const db = freshDb();
    await createPromotion(db, input(), ctx);
    expect((await markSentByReference(db, 'PRF-ZZZZZZ', { at: day(1).toISOString(), by: 'x' })).outcome).toBe('not_found');
    expect((await markSentByReference(db, 'n’importe quoi', { at: day(1).toISOString(), by: 'x' })).outcome).toBe('not_found');
    expect(await db.outbox.count()).toBe(1);
  });

  it('keeps a confirmation that arrives after a withdrawal, flagged rather than dropped', async () => {
    const db = freshDb();
    const created = await createPromotion(db, input(), { ...ctx, now: day(0) });
    await addEvent(db, created.id, { type: 'withdrawn', by: 'Jeanne MARTIN', at: day(1).toISOString() });
    const result = await markSentByReference(db, created.reference, { at: day(2).toISOString(), by: 'Jeanne MARTIN' });
    expect(result.outcome).toBe('marked');
    const stored = await db.promotions.get(created.id);
    expect(stored!.status).toBe('withdrawn');
    expect(stored!.events.map((e) => e.type)).toEqual(['withdrawn', 'sent']);
  });
});
