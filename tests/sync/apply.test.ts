import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../lib/domain/ids';
import { promotionReference, type Promotion, type PromotionEvent } from '../../lib/domain/promotion';
import { deriveStatus } from '../../lib/domain/status';
import type { Change } from '../../lib/domain/sync';
import { enqueue, openDb, SCHEMA_V1, type ProfilenceDb } from '../../lib/store';
import { applyChanges, applyMutationLocally, dropUnconfirmed, promotionFromServer, reapplyPending, syncTables } from '../../lib/sync/apply';

const names: string[] = [];
function freshDb(): ProfilenceDb {
  const name = `profilence-apply-${crypto.randomUUID()}`;
  names.push(name);
  return openDb(name);
}
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const AT = '2026-03-12T10:00:00+01:00';

function promotion(events: (PromotionEvent & { version?: number })[] = []): Promotion {
  const id = uuidv7();
  return {
    id,
    reference: promotionReference(id),
    createdAt: AT,
    counsellorId: 'Jeanne MARTIN',
    agencyCode: '69031',
    jobSeeker: { ftId: '1234567A', firstName: 'Lucie', lastName: 'DUPONT', mainRome: 'M1607', promotionConsent: { granted: true } },
    establishment: { siret: '73282932000074', name: 'Boulangerie des Pentes', postcode: '69001', city: 'Lyon' },
    rome: 'M1607',
    mode: 'named',
    channel: 'email',
    pitch: 'Argumentaire',
    events,
  };
}

const event = (promotionId: string, type: PromotionEvent['type'], id: string, at = AT): PromotionEvent => ({
  id,
  promotionId,
  type,
  at,
  by: 'Jeanne MARTIN',
  ...(type === 'declined' ? { reason: 'no_position' as const } : {}),
});

const change = (data: Promotion | object, version: number, entity: Change['entity'] = 'promotion'): Change => ({
  entity,
  id: (data as { id: string }).id,
  version,
  deleted: false,
  data,
});

async function apply(db: ProfilenceDb, changes: Change[]) {
  return db.transaction('rw', syncTables(db), async () => {
    const result = await applyChanges(db, changes, 0);
    await reapplyPending(db, result.touched);
    return result;
  });
}

describe('applying pulled changes', () => {
  it("keeps each event's server version, which orders events recorded at the same instant", async () => {
    const p = promotion();
    // Same instant written with two offsets; the ids sort the other way round from the server's order.
    const hired = { ...event(p.id, 'hired', 'ffffffff-0000-7000-8000-000000000000', '2026-03-12T10:00:00+01:00'), version: 5 };
    const declined = { ...event(p.id, 'declined', '00000000-0000-7000-8000-000000000000', '2026-03-12T09:00:00Z'), version: 6 };
    const sent = { ...event(p.id, 'sent', uuidv7(), '2026-03-11T10:00:00Z'), version: 4 };
    const data = { ...p, events: [declined, sent, hired] };
    expect(promotionFromServer(data).events.map((e) => e.version)).toEqual([6, 4, 5]);

    const db = freshDb();
    await apply(db, [change(data, 6)]);
    const stored = await db.promotions.get(p.id);
    expect(stored).toMatchObject({ status: 'hired', serverVersion: 6 });
    expect(stored!.events.find((e) => e.type === 'declined')!.version).toBe(6);
    // Without the versions the id would decide, and the refusal would come first.
    expect(deriveStatus(stored!.events.map(({ version: _v, ...e }) => e)).status).toBe('declined');
  });

  it('stores needs and pool entries in their tables, indexed for the board, and removes tombstones', async () => {
    const db = freshDb();
    const need = {
      id: uuidv7(),
      siret: '73282932000074',
      establishmentName: 'Boulangerie des Pentes',
      postcode: '69001',
      city: 'Lyon',
      rome: 'D1102',
      label: 'Boulanger',
      status: 'open',
      createdBy: 'paul.bernard',
      agencyCode: '69031',
      createdAt: AT,
    };
    const entry = {
      id: uuidv7(),
      ftId: '7654321B',
      firstName: 'Karim',
      mainRome: 'N1103',
      romeLabel: 'Magasinier',
      postcode: '69008',
      city: 'Lyon',
      pitch: 'Cariste.',
      status: 'active',
      promotionConsent: { granted: true },
      addedBy: 'jeanne.martin',
      agencyCode: '69031',
      createdAt: AT,
    };
    const p = promotion();
    await apply(db, [change(need, 1, 'need'), change(entry, 2, 'pool'), change(p, 3)]);
    expect(await db.needs.where('siret').equals('73282932000074').count()).toBe(1);
    expect(await db.needs.where('status').equals('open').first()).toMatchObject({ label: 'Boulanger', serverVersion: 1 });
    expect(await db.pool.where('mainRome').equals('N1103').first()).toMatchObject({ firstName: 'Karim', serverVersion: 2 });
    await apply(db, [{ entity: 'promotion', id: p.id, version: 4, deleted: true, data: null }]);
    expect(await db.promotions.get(p.id)).toBeUndefined();
  });

  it('counts a record this version cannot read and goes on with the page', async () => {
    const db = freshDb();
    const good = promotion();
    const result = await apply(db, [change({ ...promotion(), rome: 'not a rome' }, 1), change(good, 2)]);
    expect(result).toMatchObject({ applied: 1, unreadable: 1 });
    expect(await db.promotions.count()).toBe(1);
  });

  it('re-applies pending writes (event by union, change field by field) over the pulled copy', async () => {
    const db = freshDb();
    const p = promotion();
    await apply(db, [change(p, 1)]);
    const mine = event(p.id, 'sent', uuidv7());
    await db.transaction('rw', syncTables(db), async () => {
      await applyMutationLocally(db, await enqueue(db, 'promotion.addEvent', mine));
      await applyMutationLocally(db, await enqueue(db, 'promotion.update', { id: p.id, baseVersion: 1, changes: { pitch: 'Le mien' } }));
    });
    // A colleague's note arrives with the server copy, which knows nothing of the local writes yet.
    const theirs = { ...event(p.id, 'note', uuidv7()), version: 2 };
    await apply(db, [change({ ...p, events: [theirs] }, 2)]);
    const stored = await db.promotions.get(p.id);
    expect(stored!.pitch).toBe('Le mien');
    expect(stored!.events.map((e) => [e.type, e.version])).toEqual([
      ['note', 2],
      ['sent', undefined],
    ]);
    expect(stored!.status).toBe('sent');
    expect(stored!.serverVersion).toBe(2);
  });

  it('merges a pending create over the pulled copy of the same promotion: its events join, the pulled fields stay', async () => {
    const db = freshDb();
    const p = promotion();
    const theirs = { ...event(p.id, 'sent', uuidv7()), version: 2 };
    await apply(db, [change({ ...p, pitch: 'Revu par un collègue', events: [theirs] }, 2)]);
    const mine = event(p.id, 'note', uuidv7());
    await db.transaction('rw', syncTables(db), async () => {
      await applyMutationLocally(db, await enqueue(db, 'promotion.create', { ...p, events: [mine] }));
    });
    const stored = (await db.promotions.get(p.id))!;
    expect(stored.pitch).toBe('Revu par un collègue');
    expect(stored.events.map((e) => e.id)).toEqual([theirs.id, mine.id]);
    expect(stored).toMatchObject({ status: 'sent', serverVersion: 2 });
  });

  it('drops, once the server has answered, a record or an event it did not keep', async () => {
    const db = freshDb();
    const synced = promotion();
    await apply(db, [change(synced, 1)]);
    const refused = promotion();
    const lostEvent = event(synced.id, 'sent', uuidv7());
    await db.transaction('rw', syncTables(db), async () => {
      await applyMutationLocally(db, { id: uuidv7(), name: 'promotion.create', args: refused });
      await applyMutationLocally(db, { id: uuidv7(), name: 'promotion.addEvent', args: lostEvent });
    });
    const stillPending = promotion();
    await db.transaction('rw', syncTables(db), async () => {
      await applyMutationLocally(db, await enqueue(db, 'promotion.create', stillPending));
    });
    const dropped = await db.transaction('rw', syncTables(db), () => dropUnconfirmed(db, [refused.id, synced.id, stillPending.id]));
    expect(dropped).toBe(2);
    expect(await db.promotions.get(refused.id)).toBeUndefined();
    expect((await db.promotions.get(synced.id))!.events).toEqual([]);
    expect(await db.promotions.get(stillPending.id)).toBeDefined();
  });
});

describe('a pending consent withdrawal', () => {
  it('keeps the names away when an older server copy of the promotion or the pool entry is pulled', async () => {
    const db = freshDb();
    const p = { ...promotion([]), pitch: 'Lucie, secrétaire polyvalente' };
    p.events = [{ ...event(p.id, 'note', uuidv7()), note: 'Lucie préfère le matin' }];
    const entry = {
      id: uuidv7(),
      ftId: '1234567A',
      firstName: 'Lucie',
      mainRome: 'M1607',
      romeLabel: 'Secrétariat',
      postcode: '69003',
      city: 'Lyon',
      pitch: 'Secrétaire.',
      status: 'active',
      promotionConsent: { granted: true },
      addedBy: 'jeanne.martin',
      agencyCode: '69031',
      createdAt: AT,
    };
    await db.transaction('rw', syncTables(db), async () => {
      await enqueue(db, 'jobseeker.consentWithdrawn', { ftId: '1234567A', at: AT });
    });
    // The server has not received the withdrawal yet: its copies still carry the names.
    await apply(db, [change(p, 1), change(entry, 2, 'pool')]);
    const stored = (await db.promotions.get(p.id))!;
    expect(stored.jobSeeker).toMatchObject({ firstName: '', lastName: '', promotionConsent: { granted: false } });
    expect(stored.jobSeeker.ftId).toMatch(/^pseudo:local-/);
    expect(stored.pitch).toBe('');
    expect(stored.events[0]!.note).not.toContain('Lucie');
    expect(await db.pool.count()).toBe(0);
  });
});

describe('store schema version 2', () => {
  it("opens a version-1 database with the counsellor's data intact and the new tables empty", async () => {
    const name = `profilence-v1-${crypto.randomUUID()}`;
    names.push(name);
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    const p = promotion();
    await v1.table('promotions').add({ ...p, status: 'draft' });
    await v1.table('outbox').add({ seq: 1, id: uuidv7(), name: 'promotion.create', args: p, clientTs: AT });
    v1.close();

    const db = openDb(name);
    expect(await db.promotions.get(p.id)).toMatchObject({ id: p.id, status: 'draft' });
    expect(await db.outbox.count()).toBe(1);
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(await db.needs.count()).toBe(0);
    expect(await db.pool.count()).toBe(0);
    db.close();
  });
});
