/**
 * One rule for applying mutations (issue 11): the same sequence of writes, made by a counsellor in the store,
 * replayed by the sync rebase (on an empty install, and over the server's copy) and pushed to the server (twice:
 * the second time from a new install, as after a reinstall), ends with the same records everywhere. Pseudonyms
 * differ by design (a keyed hash on the server, a local one on an install), so they are compared as people:
 * which promotions share one.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isPseudonym } from '../../lib/domain/consent';
import type { CompanyNeed } from '../../lib/domain/need';
import type { PoolEntry } from '../../lib/domain/pool';
import type { OrderedEvent } from '../../lib/domain/status';
import type { Change, PushResponse } from '../../lib/domain/sync';
import {
  addEvent,
  addNeed,
  addToPool,
  createPromotion,
  pendingMutations,
  updateNeed,
  updatePoolEntry,
  withdrawConsent,
  type OutboxRow,
  type ProfilenceDb,
} from '../../lib/store';
import { poolEntryFromProfile } from '../../lib/store/pool-entries';
import { applyChanges, applyMutationLocally, reapplyPending, syncTables } from '../../lib/sync/apply';
import { postPush, pullAll, pushBody } from '../server/fixtures';
import { DATABASES, postgresMissing } from '../server/database';
import { startHarness, TOKENS } from '../server/harness';
import { ctx, establishment, freshDb, laPoste, profile } from '../store/helpers';

/** Dates in the recent past, so that no clock rule of the server takes them for the future. */
const START = Date.UTC(2026, 0, 1) > Date.now() - 60 * 86_400_000 ? Date.now() - 60 * 86_400_000 : Date.UTC(2026, 0, 1);
const day = (n: number) => new Date(START + n * 86_400_000);

const karim = { ...profile, ftId: '7654321B', firstName: 'Karim', lastName: 'BENALI' };

/** The signed-in agent as the extension writes it (GET /v1/me), which is what the server stamps from the token. */
const agent = { ...ctx, counsellorId: 'jeanne.martin', counsellorName: 'Jeanne MARTIN' };

/** A counsellor's day in the store: every kind of mutation, events recorded out of order, a consent withdrawal. */
async function counsellorWrites(db: ProfilenceDb): Promise<OutboxRow[]> {
  const by = agent.counsellorId;
  const byName = agent.counsellorName;
  const first = await createPromotion(db, { jobSeeker: profile, establishment, mode: 'named', channel: 'email', pitch: `${profile.firstName}, disponible.` }, { ...agent, now: day(1) });
  await addEvent(db, first.id, { type: 'sent', by, byName }, day(2));
  await addEvent(db, first.id, { type: 'employer_replied', by, byName, at: day(4).toISOString() }, day(4));
  // Recorded after the reply, dated before it.
  await addEvent(db, first.id, { type: 'followed_up', by, byName, at: day(3).toISOString() }, day(5));
  const second = await createPromotion(db, { jobSeeker: profile, establishment: laPoste, mode: 'anonymous', channel: 'phone', pitch: 'Profil polyvalent.' }, { ...agent, now: day(6) });
  const third = await createPromotion(db, { jobSeeker: karim, establishment, mode: 'named', channel: 'email', pitch: 'Cariste.' }, { ...agent, now: day(6) });

  const need = await addNeed(db, { siret: establishment.siret, establishmentName: establishment.name, postcode: '69001', city: 'Lyon', rome: 'D1102', label: 'Boulanger' }, { ...agent, now: day(7) });
  await updateNeed(db, need.id, { positions: 3 }, day(7));
  await updateNeed(db, need.id, { status: 'filled' }, day(8));
  await addToPool(db, poolEntryFromProfile(profile, 'Secrétaire polyvalente.'), { ...agent, now: day(7) });
  const kept = await addToPool(db, poolEntryFromProfile(karim, 'Cariste CACES.'), { ...agent, now: day(7) });
  await updatePoolEntry(db, kept.id, { status: 'placed' }, day(8));

  await withdrawConsent(db, profile.ftId, day(9));
  // After the withdrawal: a note naming the person is effaced on a pseudonymised promotion.
  await addEvent(db, second.id, { type: 'note', by, byName, note: `${profile.firstName} rappelle lundi` }, day(10));
  await addEvent(db, third.id, { type: 'sent', by, byName }, day(10));
  return pendingMutations(db, 1000);
}

interface Records {
  promotions: object[];
  needs: object[];
  pool: object[];
}

/** Records as every place must agree on them: no install or server bookkeeping, events as a set, pseudonyms as people. */
function comparable(records: Records) {
  const people = new Map<string, string>();
  const person = (ftId: string) => {
    if (!isPseudonym(ftId)) return ftId;
    if (!people.has(ftId)) people.set(ftId, `person-${people.size + 1}`);
    return people.get(ftId)!;
  };
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  const bare = (record: object) => {
    const { serverVersion: _v, syncGeneration: _g, status: _s, sentAt: _a, lastEventAt: _l, ...rest } = record as Record<string, unknown>;
    return rest;
  };
  const promotions = (records.promotions as { id: string; jobSeeker: { ftId: string }; events: OrderedEvent[] }[]).sort(byId).map((p) => ({
    ...bare(p),
    jobSeeker: { ...p.jobSeeker, ftId: person(p.jobSeeker.ftId) },
    events: p.events.map(({ version: _v, ...e }) => e).sort(byId),
  }));
  return {
    promotions,
    needs: (records.needs as CompanyNeed[]).sort(byId).map(bare),
    pool: (records.pool as PoolEntry[]).sort(byId).map(bare),
  };
}

async function localRecords(db: ProfilenceDb): Promise<Records> {
  return { promotions: await db.promotions.toArray(), needs: await db.needs.toArray(), pool: await db.pool.toArray() };
}

function serverRecords(changes: readonly Change[]): Records {
  const live = (entity: Change['entity']) => changes.filter((c) => c.entity === entity && !c.deleted).map((c) => c.data as object);
  return { promotions: live('promotion'), needs: live('need'), pool: live('pool') };
}

/** Every pending write applied with the rebase, then all of them again (a duplicate of each). */
async function rebaseOnEmptyInstall(outbox: readonly OutboxRow[]): Promise<Records> {
  const db = freshDb();
  await db.transaction('rw', syncTables(db), async () => {
    for (const row of [...outbox, ...outbox]) await applyMutationLocally(db, row);
  });
  return localRecords(db);
}

/** An install whose writes are still pending pulls the server's copy: the rebase puts its writes back on top. */
async function rebaseOverServerCopy(outbox: readonly OutboxRow[], changes: Change[]): Promise<Records> {
  const db = freshDb();
  await db.outbox.bulkAdd(outbox.map((row) => ({ ...row })));
  await db.transaction('rw', syncTables(db), async () => {
    const { touched } = await applyChanges(db, changes, 0);
    await reapplyPending(db, touched);
  });
  return localRecords(db);
}

async function push(app: Parameters<typeof postPush>[0], outbox: readonly OutboxRow[]): Promise<PushResponse> {
  const res = await postPush(app, TOKENS.jeanne, pushBody(randomUUID(), 1, outbox.map(({ name, args }) => ({ name, args }))));
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PushResponse>();
}

describe('one rule for applying mutations', () => {
  it('gives the same records in the store and through the sync rebase, twice over', async () => {
    const store = freshDb();
    const outbox = await counsellorWrites(store);
    const expected = comparable(await localRecords(store));
    // The withdrawn person's two promotions are one person, without their name; the other person is untouched.
    expect(expected.promotions.map((p) => (p.jobSeeker as { ftId: string }).ftId).sort()).toEqual(['7654321B', 'person-1', 'person-1']);
    expect(JSON.stringify(expected)).not.toContain(profile.lastName);
    expect(expected.pool).toHaveLength(1);

    expect(comparable(await rebaseOnEmptyInstall(outbox))).toEqual(expected);
  });

  // PostgreSQL counted as skipped where it is absent (a failure in CI), like every server test.
  for (const kind of DATABASES) it.skipIf(kind === 'postgres' && postgresMissing() !== null)(`gives the same records on the server (${kind}), and a replay from a new install merges without conflict`, async () => {
    const store = freshDb();
    const outbox = await counsellorWrites(store);
    const expected = comparable(await localRecords(store));
    const h = await startHarness(kind);
    try {
      const first = await push(h.app, outbox);
      expect(first.results.filter((r) => r.status !== 'applied')).toEqual([]);
      const pushed = (await pullAll(h.app, TOKENS.jeanne)).changes;
      expect(comparable(serverRecords(pushed))).toEqual(expected);

      // The same history from a reinstalled extension (new clientId, seq from 1).
      const replay = await push(h.app, outbox);
      const refused = replay.results.filter((r) => r.status === 'rejected');
      expect(replay.results.some((r) => r.code === 'conflict')).toBe(false);
      // Only the pool entry of the person who withdrew their consent stays out.
      expect(refused.map((r) => [outbox[r.seq - 1]!.name, r.code])).toEqual([['pool.add', 'consent_missing']]);
      const replayed = (await pullAll(h.app, TOKENS.jeanne)).changes;
      expect(replayed).toEqual(pushed);

      expect(comparable(await rebaseOverServerCopy(outbox, replayed))).toEqual(expected);
    } finally {
      await h.close();
    }
  });
});
