import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  acknowledge,
  addEvent,
  createPromotion,
  dismissRejection,
  listRejections,
  pendingCount,
  pendingMutations,
  type ProfilenceDb,
} from '../../lib/store';
import { ctx, day, establishment, freshDb, laPoste, profile } from './helpers';

/** Four mutations: two creations, each followed by its sending. */
async function fourMutations(db: ProfilenceDb) {
  const a = await createPromotion(db, { jobSeeker: profile, establishment, mode: 'named', channel: 'phone', pitch: 'A' }, ctx);
  await addEvent(db, a.id, { type: 'sent', by: 'Jeanne MARTIN' });
  const b = await createPromotion(db, { jobSeeker: profile, establishment: laPoste, mode: 'anonymous', channel: 'phone', pitch: 'B' }, ctx);
  await addEvent(db, b.id, { type: 'sent', by: 'Jeanne MARTIN' });
  return { a, b };
}

describe('outbox', () => {
  it('hands out pending mutations in seq order, numbered from 1 without gaps', async () => {
    const db = freshDb();
    await fourMutations(db);
    expect(await pendingCount(db)).toBe(4);
    const firstTwo = await pendingMutations(db, 2);
    expect(firstTwo.map((m) => [m.seq, m.name])).toEqual([
      [1, 'promotion.create'],
      [2, 'promotion.addEvent'],
    ]);
    expect(new Set((await pendingMutations(db)).map((m) => m.id)).size).toBe(4);
  });

  it('deletes acknowledged rows (seq ≤ lastSeq) and keeps the rejected ones for the counsellor', async () => {
    const db = freshDb();
    const { b } = await fourMutations(db);
    const outcome = await acknowledge(
      db,
      3,
      [
        { seq: 1, status: 'applied' },
        { seq: 2, status: 'duplicate' },
        { seq: 3, status: 'rejected', code: 'consent_missing', message: 'Consentement absent' },
        // Beyond lastSeq: not acknowledged yet, so not kept as a rejection either.
        { seq: 4, status: 'rejected', code: 'invalid' },
      ],
      day(2),
    );
    expect(outcome).toEqual({ removed: 3, rejected: 1 });
    expect((await pendingMutations(db)).map((m) => m.seq)).toEqual([4]);
    expect(await pendingCount(db)).toBe(1);

    const rejections = await listRejections(db);
    expect(rejections).toHaveLength(1);
    expect(rejections[0]).toMatchObject({
      seq: 3,
      name: 'promotion.create',
      code: 'consent_missing',
      message: 'Consentement absent',
      rejectedAt: day(2).toISOString(),
    });
    expect((rejections[0]!.args as { id: string }).id).toBe(b.id);

    await dismissRejection(db, 3);
    expect(await listRejections(db)).toEqual([]);
  });

  it('acknowledging twice (a lost reply resent) changes nothing more', async () => {
    const db = freshDb();
    await fourMutations(db);
    await acknowledge(db, 2, [{ seq: 1, status: 'applied' }, { seq: 2, status: 'rejected', code: 'invalid' }]);
    const again = await acknowledge(db, 2, [{ seq: 1, status: 'duplicate' }, { seq: 2, status: 'duplicate' }]);
    expect(again).toEqual({ removed: 0, rejected: 0 });
    expect(await pendingCount(db)).toBe(2);
    expect((await listRejections(db)).map((r) => r.seq)).toEqual([2]);
  });

  it('keeps numbering after the outbox was emptied', async () => {
    const db = freshDb();
    await fourMutations(db);
    await acknowledge(db, 4, []);
    expect(await pendingCount(db)).toBe(0);
    const c = await createPromotion(db, { jobSeeker: profile, establishment, mode: 'named', channel: 'other', pitch: 'C' }, ctx);
    expect((await pendingMutations(db)).map((m) => [m.seq, (m.args as { id: string }).id])).toEqual([[5, c.id]]);
  });
});
