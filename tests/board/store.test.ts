// The board of needs and the pool in the store: consent, outbox rows, filters and the expiry reminder.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { mutationSchema } from '@/lib/domain/sync';
import {
  addNeed,
  addToPool,
  BoardRefused,
  defaultPoolPitch,
  extendNeed,
  listNeeds,
  listPool,
  needBoardStatus,
  needsExpiringSoon,
  pendingMutations,
  poolEntryFromProfile,
  updateNeed,
  updatePoolEntry,
  type NewNeed,
} from '@/lib/store';
import { ctx, day, establishment, freshDb, profile, refusingProfile } from '../store/helpers';

const need = (over: Partial<NewNeed> = {}): NewNeed => ({
  siret: establishment.siret,
  establishmentName: establishment.name,
  postcode: establishment.address.postcode,
  city: establishment.address.city,
  rome: 'M1805',
  label: 'Études et développement informatique',
  positions: 2,
  contractType: 'CDI',
  ...over,
});

async function refusal(work: Promise<unknown>): Promise<BoardRefused> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BoardRefused);
  return error as BoardRefused;
}

describe('board of needs', () => {
  it('puts a need on the board with its need.create outbox row, open and expiring after 60 days', async () => {
    const db = freshDb();
    const added = await addNeed(db, need(), { ...ctx, now: day(0) });
    expect(added).toMatchObject({ status: 'open', createdBy: 'Jeanne MARTIN', agencyCode: '69031', rome: 'M1805', positions: 2 });
    expect(added.expiresAt).toBe(day(60).toISOString());
    const [row] = await pendingMutations(db);
    expect(row).toMatchObject({ seq: 1, name: 'need.create', args: { id: added.id, siret: establishment.siret } });
    expect(mutationSchema.safeParse(row).success).toBe(true);
    expect(await db.needs.get(added.id)).toMatchObject({ label: 'Études et développement informatique' });
  });

  it('refuses a bad need in French and writes nothing', async () => {
    const db = freshDb();
    const bad = await refusal(addNeed(db, need({ rome: 'XX12', label: ' ' }), ctx));
    expect(bad.code).toBe('invalid');
    expect(bad.message).toMatch(/^Besoin non enregistré : /);
    expect(bad.message).toContain('Intitulé du besoin obligatoire');
    expect((await refusal(addNeed(db, need({ positions: 0 }), ctx))).message).toContain('Nombre de postes');
    expect(await db.needs.count()).toBe(0);
    expect(await pendingMutations(db)).toEqual([]);
  });

  it('refuses the same job twice for one establishment while it is open', async () => {
    const db = freshDb();
    const first = await addNeed(db, need(), { ...ctx, now: day(0) });
    expect((await refusal(addNeed(db, need({ positions: 1 }), { ...ctx, now: day(1) }))).code).toBe('duplicate');
    await updateNeed(db, first.id, { status: 'filled' }, day(2));
    await addNeed(db, need(), { ...ctx, now: day(3) });
    expect(await db.needs.count()).toBe(2);
  });

  it('sends only the changed fields with the version last pulled from the server', async () => {
    const db = freshDb();
    const added = await addNeed(db, need(), { ...ctx, now: day(0) });
    // The sync engine pulled the record: it now carries its server version.
    await db.needs.update(added.id, { serverVersion: 7 });
    const filled = await updateNeed(db, added.id, { status: 'filled', positions: 2, label: 'Études et développement informatique' }, day(5));
    expect(filled.status).toBe('filled');
    const rows = await pendingMutations(db);
    expect(rows.map((r) => r.name)).toEqual(['need.create', 'need.update']);
    expect(rows[1]!.args).toEqual({ id: added.id, baseVersion: 7, changes: { status: 'filled' } });
    // Nothing changed: nothing queued.
    await updateNeed(db, added.id, { status: 'filled' }, day(6));
    expect(await pendingMutations(db)).toHaveLength(2);
    expect((await refusal(updateNeed(db, added.id, { status: 'lost' as never }))).message).toContain('Statut de besoin inconnu');
    expect((await refusal(updateNeed(db, '0190a000-0000-7000-8000-000000000000', { status: 'closed' }))).code).toBe('not_found');
  });

  it('prolongs a need for another 60 days', async () => {
    const db = freshDb();
    const added = await addNeed(db, need(), { ...ctx, now: day(0) });
    expect(needBoardStatus(added, day(61))).toBe('expired');
    const extended = await extendNeed(db, added.id, day(61));
    expect(extended.expiresAt).toBe(day(121).toISOString());
    expect(needBoardStatus(extended, day(61))).toBe('open');
  });

  it('filters the board by job, commune and status', async () => {
    const db = freshDb();
    const dev = await addNeed(db, need(), { ...ctx, now: day(0) });
    const support = await addNeed(db, need({ rome: 'M1801', label: 'Administration de systèmes' }), { ...ctx, now: day(1) });
    const baker = await addNeed(
      db,
      need({ siret: '35600000009075', establishmentName: 'LA POSTE', postcode: '69130', city: 'Écully', rome: 'D1102', label: 'Boulanger' }),
      { ...ctx, now: day(2) },
    );
    await updateNeed(db, support.id, { status: 'closed' }, day(3));
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    const now = day(4);
    expect(ids(await listNeeds(db, { now }))).toEqual([baker.id, support.id, dev.id]);
    expect(ids(await listNeeds(db, { rome: 'm18', now }))).toEqual([support.id, dev.id]);
    expect(ids(await listNeeds(db, { rome: 'M1805', status: 'open', now }))).toEqual([dev.id]);
    expect(ids(await listNeeds(db, { commune: 'ecully', now }))).toEqual([baker.id]);
    expect(ids(await listNeeds(db, { commune: '6900', now }))).toEqual([support.id, dev.id]);
    expect(ids(await listNeeds(db, { status: 'closed', now }))).toEqual([support.id]);
    expect(ids(await listNeeds(db, { siret: '732 829 320 00074', now }))).toEqual([support.id, dev.id]);
    expect(ids(await listNeeds(db, { status: 'expired', now: day(61) }))).toEqual([dev.id]);
    expect(ids(await listNeeds(db, { status: 'expired', now: day(63) }))).toEqual([baker.id, dev.id]);
  });

  it("reminds the author of their open needs expiring within 7 days, soonest first", async () => {
    const db = freshDb();
    const mine = await addNeed(db, need(), { ...ctx, now: day(0) });
    const later = await addNeed(db, need({ rome: 'M1801', label: 'Systèmes' }), { ...ctx, now: day(5) });
    await addNeed(db, need({ rome: 'M1802', label: 'Réseaux' }), { ...ctx, counsellorId: 'Paul BERNARD', now: day(0) });
    const filled = await addNeed(db, need({ rome: 'M1803', label: 'Direction' }), { ...ctx, now: day(0) });
    await updateNeed(db, filled.id, { status: 'filled' }, day(1));
    const all = await listNeeds(db);
    expect(needsExpiringSoon(all, 'Jeanne MARTIN', day(50))).toEqual([]);
    expect(needsExpiringSoon(all, 'Jeanne MARTIN', day(53)).map((n) => n.id)).toEqual([mine.id]);
    expect(needsExpiringSoon(all, 'Jeanne MARTIN', day(58)).map((n) => n.id)).toEqual([mine.id, later.id]);
    // Expired already: on the board as « Expiré », no longer in the reminder.
    expect(needsExpiringSoon(all, 'Jeanne MARTIN', day(61)).map((n) => n.id)).toEqual([later.id]);
    expect(needsExpiringSoon(all, 'Paul BERNARD', day(58))).toHaveLength(1);
  });
});

describe('agency pool', () => {
  it('refuses a job seeker who has not authorised promotion, whatever the caller passes', async () => {
    const db = freshDb();
    expect(() => poolEntryFromProfile(refusingProfile, 'Profil sérieux.')).toThrow(BoardRefused);
    const forced = { ...poolEntryFromProfile(profile, 'Profil sérieux.'), promotionConsent: { granted: false } };
    const error = await refusal(addToPool(db, forced, ctx));
    expect(error.code).toBe('consent_missing');
    expect(error.message).toBe("Ajout au vivier impossible : ce demandeur d'emploi n'a pas autorisé la promotion de son profil.");
    const missing = { ...forced } as Partial<typeof forced>;
    delete missing.promotionConsent;
    expect((await refusal(addToPool(db, missing as typeof forced, ctx))).code).toBe('consent_missing');
    expect(await db.pool.count()).toBe(0);
    expect(await pendingMutations(db)).toEqual([]);
  });

  it('adds a consenting profile from its file with its pool.add outbox row, once', async () => {
    const db = freshDb();
    const pitch = defaultPoolPitch(profile);
    expect(pitch).not.toContain(profile.lastName);
    const entry = await addToPool(db, poolEntryFromProfile(profile, pitch), { ...ctx, now: day(0) });
    const main = profile.targetJobs.find((j) => j.main)!;
    expect(entry).toMatchObject({
      ftId: profile.ftId,
      firstName: profile.firstName,
      mainRome: main.rome,
      romeLabel: main.label,
      postcode: profile.address!.postcode,
      status: 'active',
      addedBy: 'Jeanne MARTIN',
      promotionConsent: { granted: true },
    });
    expect(entry).not.toHaveProperty('lastName');
    const [row] = await pendingMutations(db);
    expect(row).toMatchObject({ name: 'pool.add', args: { id: entry.id, ftId: profile.ftId } });
    expect(mutationSchema.safeParse(row).success).toBe(true);
    expect((await refusal(addToPool(db, poolEntryFromProfile(profile, pitch), ctx))).code).toBe('duplicate');
  });

  it('marks an entry placed or withdrawn with a pool.update row, and filters the pool', async () => {
    const db = freshDb();
    const marie = await addToPool(db, poolEntryFromProfile(profile, 'Secrétaire expérimentée.'), { ...ctx, now: day(0) });
    const other = await addToPool(
      db,
      { ...poolEntryFromProfile(profile, 'Développeur.'), ftId: '3456781J', mainRome: 'M1805', romeLabel: 'Développement', postcode: '69006', city: 'Lyon 6e Arrondissement' },
      { ...ctx, now: day(1) },
    );
    await db.pool.update(marie.id, { serverVersion: 3 });
    await updatePoolEntry(db, marie.id, { status: 'placed' }, day(2));
    const rows = await pendingMutations(db);
    expect(rows.at(-1)).toMatchObject({ name: 'pool.update', args: { id: marie.id, baseVersion: 3, changes: { status: 'placed' } } });
    const ids = (list: { id: string }[]) => list.map((e) => e.id);
    expect(ids(await listPool(db, { status: 'active' }))).toEqual([other.id]);
    expect(ids(await listPool(db, { status: 'placed' }))).toEqual([marie.id]);
    expect(ids(await listPool(db, { rome: 'M18' }))).toEqual([other.id]);
    expect(ids(await listPool(db, { commune: 'lyon' }))).toEqual([other.id, marie.id]);
    expect(ids(await listPool(db, { ftId: '3456781j' }))).toEqual([other.id]);
    await updatePoolEntry(db, other.id, { status: 'withdrawn' }, day(3));
    expect(await listPool(db, { status: 'active' })).toEqual([]);
    expect((await refusal(updatePoolEntry(db, other.id, { status: 'gone' as never }))).code).toBe('invalid');
  });
});
