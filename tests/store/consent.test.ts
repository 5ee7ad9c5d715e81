// A withdrawn consent read on the job-seeker file: local purge and the mutation queued, in one transaction.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { mutationSchema } from '../../lib/domain/sync';
import { addEvent, createPromotion, pendingMutations, saveDraft, withdrawConsent, type ProfilenceDb } from '../../lib/store';
import { addToPool, poolEntryFromProfile } from '../../lib/store/pool-entries';
import { ctx, day, establishment, freshDb, laPoste, profile } from './helpers';

async function seed(db: ProfilenceDb) {
  const first = await createPromotion(db, { jobSeeker: profile, establishment, mode: 'named', channel: 'email', pitch: `${profile.firstName}, disponible.` }, { ...ctx, now: day(1) });
  await addEvent(db, first.id, { type: 'sent', by: 'Jeanne MARTIN' }, day(2));
  await addEvent(db, first.id, { type: 'note', by: 'Jeanne MARTIN', note: `${profile.firstName} préfère le matin` }, day(3));
  const second = await createPromotion(db, { jobSeeker: profile, establishment: laPoste, mode: 'anonymous', channel: 'phone', pitch: 'Profil polyvalent.' }, { ...ctx, now: day(4) });
  const other = await createPromotion(
    db,
    { jobSeeker: { ...profile, ftId: '7654321B', firstName: 'Karim', lastName: 'BENALI' }, establishment, mode: 'named', channel: 'email', pitch: 'Cariste.' },
    { ...ctx, now: day(5) },
  );
  const entry = await addToPool(db, poolEntryFromProfile(profile, 'Secrétaire polyvalente'), { ...ctx, now: day(6) });
  await saveDraft(db, { ftId: profile.ftId, selectedSirets: [], mode: 'named', channel: 'email', pitch: 'Brouillon', pitchEdited: true, contactBySiret: {} }, day(7));
  return { first, second, other, entry };
}

describe('withdrawConsent', () => {
  it('pseudonymises the promotions, deletes the pool entries and the draft, and queues the mutation', async () => {
    const db = freshDb();
    const { first, second, other, entry } = await seed(db);
    const queuedBefore = (await pendingMutations(db)).length;

    const outcome = await withdrawConsent(db, profile.ftId.toLowerCase(), day(8));
    expect(outcome).toEqual({ promotions: 2, poolEntries: 1, queued: true });

    const rows = await Promise.all([first.id, second.id].map((id) => db.promotions.get(id)));
    for (const row of rows) {
      expect(row!.jobSeeker).toEqual({ ftId: expect.stringMatching(/^pseudo:local-/), firstName: '', lastName: '', mainRome: profile.targetJobs.find((j) => j.main)!.rome, promotionConsent: { granted: false } });
      expect(row!.pitch).toBe('');
      expect(JSON.stringify(row)).not.toContain(profile.lastName);
      expect(JSON.stringify(row)).not.toContain(profile.firstName);
    }
    // One person, one pseudonym; the status and the employer's side are kept.
    expect(rows[0]!.jobSeeker.ftId).toBe(rows[1]!.jobSeeker.ftId);
    expect(rows[0]!.status).toBe('sent');
    expect(rows[0]!.establishment.siret).toBe(first.establishment.siret);
    expect(await db.promotions.where('jobSeeker.ftId').equals(profile.ftId).count()).toBe(0);
    expect((await db.promotions.get(other.id))!.jobSeeker.firstName).toBe('Karim');
    expect(await db.pool.get(entry.id)).toBeUndefined();
    expect(await db.drafts.get(profile.ftId)).toBeUndefined();

    const pending = await pendingMutations(db);
    expect(pending).toHaveLength(queuedBefore + 1);
    const last = pending.at(-1)!;
    expect(last).toMatchObject({ name: 'jobseeker.consentWithdrawn', args: { ftId: profile.ftId, at: day(8).toISOString() } });
    expect(mutationSchema.safeParse(last).success).toBe(true);
  });

  it('effaces the note of an event recorded afterwards on a pseudonymised promotion, before it is queued', async () => {
    const db = freshDb();
    const { first } = await seed(db);
    await withdrawConsent(db, profile.ftId, day(8));
    const row = await addEvent(db, first.id, { type: 'note', by: 'Jeanne MARTIN', note: `${profile.firstName} a rappelé` }, day(9));
    expect(JSON.stringify(row)).not.toContain(profile.firstName);
    const queued = (await pendingMutations(db)).at(-1)!;
    expect(queued.name).toBe('promotion.addEvent');
    expect(JSON.stringify(queued.args)).not.toContain(profile.firstName);
  });

  it('does nothing and queues nothing when nothing is held about the person', async () => {
    const db = freshDb();
    await seed(db);
    const before = await pendingMutations(db);
    expect(await withdrawConsent(db, '11111111111', day(8))).toEqual({ promotions: 0, poolEntries: 0, queued: false });
    expect(await withdrawConsent(db, 'pas un identifiant', day(8))).toEqual({ promotions: 0, poolEntries: 0, queued: false });
    expect(await pendingMutations(db)).toEqual(before);
    // Once purged, the same reading again finds nothing more to do.
    await withdrawConsent(db, profile.ftId, day(8));
    expect((await withdrawConsent(db, profile.ftId, day(9))).queued).toBe(false);
  });

  it('writes all of it or none of it', async () => {
    const db = freshDb();
    const { first, entry } = await seed(db);
    const before = await pendingMutations(db);
    // The outbox refuses the write (the table is made to fail): the purge must not be half done.
    db.outbox.hook('creating', () => {
      throw new Error('disque plein');
    });
    await expect(withdrawConsent(db, profile.ftId, day(8))).rejects.toThrow('disque plein');
    expect((await db.promotions.get(first.id))!.jobSeeker.lastName).toBe(profile.lastName);
    expect(await db.pool.get(entry.id)).toBeDefined();
    expect(await pendingMutations(db)).toEqual(before);
  });
});
