// @vitest-environment node
import { afterEach, beforeEach, expect, it } from 'vitest';
import { compareEvents, deriveStatus, type OrderedEvent } from '../../lib/domain/status';
import type { Promotion } from '../../lib/domain/promotion';
import { addEvent, create, makeEvent, makeNeed, makePoolEntry, makePromotion, pullAll, TestClient, update } from './fixtures';
import { describeEachDatabase, startHarness, TOKENS, type Harness } from './harness';

type StoredPromotion = Omit<Promotion, 'events'> & { events: OrderedEvent[] };

describeEachDatabase('merging concurrent writes on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(kind);
  });
  afterEach(async () => {
    await h.close();
  });

  const promotionOf = async (id: string) => {
    const { changes } = await pullAll(h.app, TOKENS.jeanne);
    const change = changes.find((c) => c.id === id)!;
    return { version: change.version, data: change.data as StoredPromotion };
  };
  const conflictRows = () => h.app.db.selectFrom('conflicts').selectAll().orderBy('version').execute();

  it('merges status events by union on their id, each stamped with the version that added it', async () => {
    const jeanne = new TestClient(h.app, TOKENS.jeanne);
    const paul = new TestClient(h.app, TOKENS.paul);
    const promotion = makePromotion();
    await jeanne.push([create(promotion)]);
    const sent = makeEvent(promotion.id, { type: 'sent', at: '2025-03-12T10:00:00+01:00' });
    const replied = makeEvent(promotion.id, { type: 'employer_replied', at: '2025-03-14T10:00:00+01:00', by: 'paul.bernard' });

    // Both record "sent" offline (same event id, as after a sync), Paul also records the reply.
    const a = await jeanne.push([addEvent(sent)]);
    const b = await paul.push([addEvent(sent), addEvent(replied)]);
    expect(a.results[0]!.status).toBe('applied');
    expect(b.results.map((r) => r.status)).toEqual(['applied', 'applied']);

    const { version, data } = await promotionOf(promotion.id);
    expect(data.events.map((e) => e.id)).toEqual([sent.id, replied.id]);
    expect(data.events.map((e) => e.version)).toEqual([2, 3]);
    expect(version).toBe(3);
    expect(deriveStatus(data.events).status).toBe('replied');
  });

  it('keeps events with the same instant in server order, so every client derives the same status', async () => {
    const jeanne = new TestClient(h.app, TOKENS.jeanne);
    const paul = new TestClient(h.app, TOKENS.paul);
    const promotion = makePromotion({ events: [] });
    await jeanne.push([create(promotion)]);
    const at = '2025-03-20T09:00:00+01:00';
    await jeanne.push([addEvent(makeEvent(promotion.id, { type: 'sent', at: '2025-03-12T09:00:00+01:00' }))]);
    await jeanne.push([addEvent(makeEvent(promotion.id, { type: 'hired', at }))]);
    await paul.push([addEvent(makeEvent(promotion.id, { type: 'declined', reason: 'no_position', at, by: 'paul.bernard' }))]);
    const { data } = await promotionOf(promotion.id);
    const ordered = [...data.events].sort(compareEvents);
    expect(ordered.map((e) => e.type)).toEqual(['sent', 'hired', 'declined']);
    const derived = deriveStatus(data.events);
    expect(derived.status).toBe('hired');
    expect(derived.flagged).toHaveLength(1);
  });

  it('keeps the last writer per field in server order and logs a conflict when the field moved since the base', async () => {
    const jeanne = new TestClient(h.app, TOKENS.jeanne);
    // Another writer allowed to edit Jeanne's records: the agency manager (lib/domain/authorship.ts).
    const claire = new TestClient(h.app, TOKENS.manager);
    const promotion = makePromotion({ pitch: 'Texte initial.' });
    await jeanne.push([create(promotion)]);

    // Both edited version 1 offline: Jeanne the pitch, Claire the pitch and the channel.
    await jeanne.push([update('promotion.update', promotion.id, 1, { pitch: 'Texte de Jeanne.' })]);
    const reply = await claire.push([update('promotion.update', promotion.id, 1, { pitch: 'Texte de Claire.', channel: 'phone' })]);
    expect(reply.results[0]!.status).toBe('applied');

    const { version, data } = await promotionOf(promotion.id);
    expect(version).toBe(3);
    expect(data.pitch).toBe('Texte de Claire.');
    expect(data.channel).toBe('phone');
    expect(data.mode).toBe('named');

    const rows = await conflictRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      entity: 'promotion',
      entity_id: promotion.id,
      field: 'pitch',
      by_sub: 'claire.durand',
      scope: 'agency:69031',
    });
    expect(JSON.parse(rows[0]!.previous_value!)).toBe('Texte de Jeanne.');
    expect(JSON.parse(rows[0]!.new_value!)).toBe('Texte de Claire.');
    expect(Number(rows[0]!.version)).toBe(3);
  });

  it('logs no conflict when only other fields or events changed since the base', async () => {
    const jeanne = new TestClient(h.app, TOKENS.jeanne);
    // Another writer allowed to edit Jeanne's records: the agency manager (lib/domain/authorship.ts).
    const claire = new TestClient(h.app, TOKENS.manager);
    const promotion = makePromotion();
    await jeanne.push([create(promotion)]);
    // A note: the promotion is still a draft, whose channel and message may change (sent, only its contact).
    await jeanne.push([addEvent(makeEvent(promotion.id, { type: 'note', note: 'Rappeler le gérant' }))]);
    await jeanne.push([update('promotion.update', promotion.id, 2, { channel: 'in_person' })]);
    await claire.push([update('promotion.update', promotion.id, 1, { pitch: 'Nouveau texte de Claire.' })]);
    // Rewriting a value with itself changes nothing: no version taken.
    await claire.push([update('promotion.update', promotion.id, 1, { pitch: 'Nouveau texte de Claire.' })]);
    const { version, data } = await promotionOf(promotion.id);
    expect(data).toMatchObject({ channel: 'in_person', pitch: 'Nouveau texte de Claire.' });
    expect(data.events).toHaveLength(1);
    expect(version).toBe(4);
    expect(await conflictRows()).toEqual([]);
  });

  it('merges need and pool edits the same way', async () => {
    const jeanne = new TestClient(h.app, TOKENS.jeanne);
    // Another writer allowed to edit Jeanne's records: the agency manager (lib/domain/authorship.ts).
    const claire = new TestClient(h.app, TOKENS.manager);
    const need = makeNeed();
    const entry = makePoolEntry();
    await jeanne.push([{ name: 'need.create', args: need }, { name: 'pool.add', args: entry }]);
    await jeanne.push([update('need.update', need.id, 1, { status: 'filled' })]);
    await claire.push([update('need.update', need.id, 1, { status: 'closed', positions: 3 })]);
    await claire.push([update('pool.update', entry.id, 2, { status: 'placed' })]);
    const { changes } = await pullAll(h.app, TOKENS.jeanne);
    const byId = new Map(changes.map((c) => [c.id, c.data as Record<string, unknown>]));
    expect(byId.get(need.id)).toMatchObject({ status: 'closed', positions: 3, label: need.label });
    expect(byId.get(entry.id)).toMatchObject({ status: 'placed', pitch: entry.pitch });
    const rows = await conflictRows();
    expect(rows.map((r) => [r.entity, r.field])).toEqual([['need', 'status']]);
  });

  it('takes a need or a pool entry created again from another install as the record it has, and refuses its id for another one', async () => {
    const jeanne = new TestClient(h.app, TOKENS.jeanne);
    const paul = new TestClient(h.app, TOKENS.paul);
    const need = makeNeed();
    const entry = makePoolEntry();
    await jeanne.push([{ name: 'need.create', args: need }, { name: 'pool.add', args: entry }]);
    await jeanne.push([update('need.update', need.id, 1, { positions: 5 }), update('pool.update', entry.id, 2, { status: 'placed' })]);
    const before = (await pullAll(h.app, TOKENS.jeanne)).changes;

    // The history again, from an install that never saw the later edits: nothing moves, nothing is refused.
    const replay = await paul.push([{ name: 'need.create', args: need }, { name: 'pool.add', args: { ...entry, pitch: 'Autre texte.' } }]);
    expect(replay.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await pullAll(h.app, TOKENS.jeanne)).changes).toEqual(before);

    const elsewhere = await paul.push([
      { name: 'need.create', args: { ...need, siret: '35600000009075' } },
      { name: 'pool.add', args: { ...entry, ftId: '1234567A' } },
    ]);
    expect(elsewhere.results.map((r) => [r.status, r.code])).toEqual([
      ['rejected', 'conflict'],
      ['rejected', 'conflict'],
    ]);
  });

  it('refuses an invalid edit value without touching the record', async () => {
    const jeanne = new TestClient(h.app, TOKENS.jeanne);
    const promotion = makePromotion();
    await jeanne.push([create(promotion)]);
    const reply = await jeanne.push([update('promotion.update', promotion.id, 1, { rome: 'Z9999' })]);
    expect(reply.results[0]).toMatchObject({ status: 'rejected', code: 'invalid' });
    expect(reply.results[0]!.message).toContain('Code ROME invalide');
    expect((await promotionOf(promotion.id)).version).toBe(1);
  });
});
