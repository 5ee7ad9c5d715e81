// Retention in the extension: records 24 months past their last event leave the store at start-up.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { retentionCutoff } from '../../lib/domain/retention';
import { addEvent, createPromotion, dropExpiredRecords, expiredRecords, pendingMutations, saveDraft } from '../../lib/store';
import { addToPool, poolEntryFromProfile } from '../../lib/store/pool-entries';
import { ctx, establishment, freshDb, profile } from './helpers';

const at = (iso: string) => new Date(iso);

describe('retention cut-off', () => {
  it('is 24 calendar months back, month ends clamped', () => {
    expect(retentionCutoff(at('2026-11-27T10:00:00Z')).toISOString()).toBe('2024-11-27T10:00:00.000Z');
    expect(retentionCutoff(at('2026-02-28T00:00:00Z')).toISOString()).toBe('2024-02-28T00:00:00.000Z');
    expect(retentionCutoff(at('2026-03-31T08:00:00Z')).toISOString()).toBe('2024-03-31T08:00:00.000Z');
    expect(retentionCutoff(at('2027-02-28T12:00:00Z'), 24).toISOString()).toBe('2025-02-28T12:00:00.000Z');
    expect(retentionCutoff(at('2026-02-28T12:00:00Z'), 12).toISOString()).toBe('2025-02-28T12:00:00.000Z');
  });

  it('picks the records whose last event is older, a future date counting as now', () => {
    const now = at('2026-11-27T10:00:00Z');
    const held = {
      promotions: [
        { id: 'old', createdAt: '2024-01-01T00:00:00Z', events: [{ at: '2024-11-26T09:00:00Z' }] },
        { id: 'revived', createdAt: '2024-01-01T00:00:00Z', events: [{ at: '2024-02-01T00:00:00Z' }, { at: '2024-11-28T00:00:00Z' }] },
        { id: 'bad-clock', createdAt: '2030-01-01T00:00:00Z', events: [] },
      ],
      pool: [
        { id: 'old-entry', createdAt: '2024-11-01T00:00:00Z' },
        { id: 'new-entry', createdAt: '2025-11-01T00:00:00Z' },
      ],
      drafts: [{ ftId: '1234567A', updatedAt: '2023-05-01T00:00:00Z' }],
      rejections: [{ seq: 3, rejectedAt: '2026-11-01T00:00:00Z' }],
    };
    expect(expiredRecords(held, now)).toEqual({ promotions: ['old'], pool: ['old-entry'], drafts: ['1234567A'], rejections: [] });
  });
});

describe('dropExpiredRecords', () => {
  it('deletes expired promotions, pool entries and drafts, keeps the rest and the outbox', async () => {
    const db = freshDb();
    const old = await createPromotion(db, { jobSeeker: profile, establishment, mode: 'named', channel: 'email', pitch: 'Ancienne' }, { ...ctx, now: at('2024-06-01T09:00:00Z') });
    await addEvent(db, old.id, { type: 'sent', by: 'Jeanne MARTIN' }, at('2024-06-02T09:00:00Z'));
    const kept = await createPromotion(db, { jobSeeker: profile, establishment, mode: 'named', channel: 'email', pitch: 'Relancée' }, { ...ctx, now: at('2024-06-01T09:00:00Z') });
    await addEvent(db, kept.id, { type: 'sent', by: 'Jeanne MARTIN' }, at('2025-01-10T09:00:00Z'));
    const entry = await addToPool(db, poolEntryFromProfile(profile, 'Secrétaire'), { ...ctx, now: at('2024-06-01T09:00:00Z') });
    await saveDraft(db, { ftId: profile.ftId, selectedSirets: [], mode: 'named', channel: 'email', pitch: 'x', pitchEdited: false, contactBySiret: {} }, at('2024-06-01T09:00:00Z'));
    const outbox = await pendingMutations(db);

    const dropped = await dropExpiredRecords(db, at('2026-11-27T10:00:00Z'));
    expect(dropped).toEqual({ promotions: [old.id], pool: [entry.id], drafts: [profile.ftId], rejections: [] });
    expect((await db.promotions.toArray()).map((p) => p.id)).toEqual([kept.id]);
    expect(await db.pool.count()).toBe(0);
    expect(await db.drafts.count()).toBe(0);
    // Pending writes are not lost: the server applies its own retention to them.
    expect(await pendingMutations(db)).toEqual(outbox);
    // Idempotent.
    expect(await dropExpiredRecords(db, at('2026-11-27T10:00:00Z'))).toEqual({ promotions: [], pool: [], drafts: [], rejections: [] });
  });
});
