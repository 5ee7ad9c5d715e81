// @vitest-environment node
// Two counsellors of one agency share the board and the pool through a real central endpoint on loopback,
// each with their own extension database and sync engine; a counsellor of another agency sees none of it.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import demoTokens from '../../server/dev-tokens.demo.json';
import { locateCommune } from '../../lib/domain/geo';
import { jobSeekerProfileSchema } from '../../lib/domain/legacy';
import { matchNeedsForProfile, matchPoolForEstablishment } from '../../lib/domain/matching';
import {
  addNeed,
  addToPool,
  createPromotion,
  defaultPoolPitch,
  establishmentOfNeed,
  listForEstablishment,
  listNeeds,
  listPool,
  poolEntryFromProfile,
  updateNeed,
  updatePoolEntry,
} from '../../lib/store';
import { deleteClientDatabases, quiesce, SyncClient } from '../sync/clients';
import { describeEachDatabase, startServers, type DevTokenEntry, type TestServers } from '../sync/server';

const SIRET = '90182736000016';
const NOL = { siret: SIRET, establishmentName: 'NUMÉRIQUE OUEST LYONNAIS', postcode: '69130', city: 'Écully' };
/** Camille BERTRAND as her file shows her in the demo (consent given, M1805, Lyon 6e, 20 km). */
const camille = jobSeekerProfileSchema.parse({
  ftId: '3456781J',
  civility: 'Mme',
  lastName: 'BERTRAND',
  firstName: 'Camille',
  phones: [],
  address: { postcode: '69006', city: 'Lyon' },
  promotionConsent: { granted: true, since: '2026-01-20' },
  targetJobs: [
    { rome: 'M1805', label: 'Études et développement informatique', main: true },
    { rome: 'M1810', label: 'Production et exploitation de systèmes d’information', main: false },
  ],
  skills: ['Développer une application web en TypeScript', 'Écrire des tests automatisés'],
  softSkills: ['Curiosité'],
  experienceYears: 3,
  drivingLicences: ['B'],
  mobility: { radiusKm: 20, vehicle: false },
  availability: { immediate: true },
  contractTypes: ['CDI'],
});

const JEANNE = { counsellorId: 'Jeanne MARTIN', agencyCode: '69031' };
const PAUL = { counsellorId: 'Paul BERNARD', agencyCode: '69031' };
const KARIM = { counsellorId: 'Karim BENALI', agencyCode: '69032' };

describeEachDatabase('two counsellors share the board and the pool (%s)', (kind) => {
  let servers: TestServers;
  const client = (token: keyof typeof demoTokens, who: typeof JEANNE) =>
    new SyncClient({
      token,
      fetch: (url, init) => fetch(url.replace('http://sync.test', servers.urls[0]!), init),
      counsellor: who.counsellorId,
      agencyCode: who.agencyCode,
    });

  beforeEach(async () => {
    servers = await startServers(kind, { listen: true, devTokens: demoTokens as Record<string, DevTokenEntry> });
  });
  afterEach(async () => {
    await servers.close();
    await deleteClientDatabases();
  });

  it('A adds a need, B sees it and promotes a pool profile to it, A sees the promotion; agency 69032 sees nothing', async () => {
    const jeanne = client('demo-jeanne', JEANNE);
    const paul = client('demo-paul', PAUL);
    const karim = client('demo-villeurbanne', KARIM);

    // Jeanne, on the establishment page: the need goes on the board. On Camille's file: into the pool.
    const need = await addNeed(jeanne.db, { ...NOL, rome: 'M1805', label: 'Développeur TypeScript', positions: 2, contractType: 'CDI' }, JEANNE);
    const entry = await addToPool(jeanne.db, poolEntryFromProfile(camille, defaultPoolPitch(camille)), JEANNE);
    expect(await jeanne.pending()).toBe(2);
    const pushed = await jeanne.sync();
    expect(pushed.error).toBeUndefined();
    expect(pushed.push).toMatchObject({ applied: 2, rejected: 0 });

    // Paul syncs: the board and the pool are his too, with the server's versions.
    expect((await paul.sync()).error).toBeUndefined();
    const [seen] = await listNeeds(paul.db, { status: 'open' });
    // Whatever the install wrote as author, the server stamped the signed-in agent: her `sub` and her name.
    expect(seen).toMatchObject({ id: need.id, label: 'Développeur TypeScript', createdBy: 'jeanne.martin', createdByName: 'Jeanne MARTIN', serverVersion: expect.any(Number) });
    const pool = await listPool(paul.db, { status: 'active' });
    expect(pool.map((e) => e.ftId)).toEqual(['3456781J']);
    expect(pool[0]).not.toHaveProperty('lastName');

    // On the establishment page, Camille is the match for the board's need; Paul promotes her (by phone).
    const boardNeeds = await listNeeds(paul.db, { siret: SIRET, status: 'open' });
    const [match] = matchPoolForEstablishment({ postcode: NOL.postcode, city: NOL.city, needs: boardNeeds }, pool, locateCommune);
    expect(match).toMatchObject({ entry: { id: entry.id }, tier: 'same_job', rome: 'M1805' });
    expect(match!.distanceKm).toBeLessThan(20);
    // And from Camille's file, the need is the match.
    expect(matchNeedsForProfile(camille, boardNeeds, locateCommune).map((m) => m.need.id)).toEqual([need.id]);

    const promotion = await createPromotion(
      paul.db,
      {
        jobSeeker: camille,
        establishment: establishmentOfNeed(seen!),
        rome: seen!.rome,
        mode: 'anonymous',
        channel: 'phone',
        pitch: match!.entry.pitch,
      },
      PAUL,
    );
    // Jeanne's need is hers to change: Paul's edit is refused by the server (author or manager only).
    await updateNeed(paul.db, need.id, { positions: 1 });
    expect((await paul.sync()).push).toMatchObject({ applied: 1, rejected: 1 });
    await updateNeed(jeanne.db, need.id, { positions: 1 });

    // Jeanne sees Paul's promotion to the establishment; her own edit of the need stands.
    expect((await jeanne.sync()).error).toBeUndefined();
    const [received] = await listForEstablishment(jeanne.db, SIRET);
    expect(received).toMatchObject({ id: promotion.id, counsellorId: 'paul.bernard', counsellorName: 'Paul BERNARD', rome: 'M1805', jobSeeker: { ftId: '3456781J' } });
    expect(await jeanne.db.needs.get(need.id)).toMatchObject({ positions: 1, status: 'open' });

    // Camille is hired: Jeanne marks her entry; Paul no longer finds her in the pool's matches.
    await updatePoolEntry(jeanne.db, entry.id, { status: 'placed' });
    await updateNeed(jeanne.db, need.id, { status: 'filled' });
    await quiesce([jeanne, paul]);
    expect((await paul.db.pool.get(entry.id))!.status).toBe('placed');
    expect(await listNeeds(paul.db, { status: 'open' })).toEqual([]);
    expect(matchPoolForEstablishment({ ...NOL, needs: [{ rome: 'M1805' }] }, await listPool(paul.db), locateCommune)).toEqual([]);

    // Agency 69032 syncs with the same server: neither the need, nor the pool entry, nor the promotion.
    await addNeed(karim.db, { ...NOL, rome: 'M1805', label: 'Besoin de Villeurbanne' }, KARIM);
    expect((await karim.sync()).error).toBeUndefined();
    expect((await listNeeds(karim.db)).map((n) => n.label)).toEqual(['Besoin de Villeurbanne']);
    expect(await listPool(karim.db)).toEqual([]);
    expect(await karim.promotions()).toEqual([]);
    // …and its need stays in its agency.
    await quiesce([jeanne, paul]);
    expect((await listNeeds(jeanne.db)).map((n) => n.id)).toEqual([need.id]);
    expect((await listNeeds(paul.db)).map((n) => n.id)).toEqual([need.id]);
  });
});
