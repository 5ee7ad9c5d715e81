// @vitest-environment node
/** The 24-month retention job, driven by a fake clock. */
import { afterEach, expect, it, vi } from 'vitest';
import type { Promotion } from '../../../lib/domain/promotion';
import type { Change } from '../../../lib/domain/sync';
import { addEvent, create, makeEvent, makeNeed, makePoolEntry, makePromotion, pullAll, TestClient, update } from '../fixtures';
import { describeEachDatabase, startHarness, TOKENS, type Harness } from '../harness';

const at = (iso: string) => new Date(iso);
const live = (changes: Change[]) => changes.filter((c) => !c.deleted).map((c) => c.id).sort();

describeEachDatabase('retention on %s', (kind) => {
  let h: Harness;
  afterEach(async () => {
    vi.useRealTimers();
    await h.close();
  });

  it('turns promotions and pool entries into tombstones 24 months after their last event, and nothing earlier', async () => {
    h = await startHarness(kind);
    const client = new TestClient(h.app, TOKENS.jeanne);
    const quiet = makePromotion({ createdAt: '2023-01-10T09:00:00+01:00' });
    quiet.events = [makeEvent(quiet.id, { at: '2023-01-12T09:00:00+01:00' })];
    const lively = makePromotion({ createdAt: '2023-01-10T09:00:00+01:00' });
    const fresh = makePromotion({ createdAt: '2024-12-01T09:00:00+01:00' });
    const oldEntry = makePoolEntry({ createdAt: '2023-02-01T09:00:00+01:00' });
    const newEntry = makePoolEntry({ createdAt: '2024-12-01T09:00:00+01:00' });
    const need = makeNeed({ createdAt: '2022-01-01T09:00:00+01:00' });
    await client.push([create(quiet), create(lively), create(fresh), { name: 'pool.add', args: oldEntry }, { name: 'pool.add', args: newEntry }, { name: 'need.create', args: need }]);
    // An event a year later restarts the clock of `lively`.
    await client.push([addEvent(makeEvent(lively.id, { type: 'employer_replied', at: '2024-01-20T10:00:00+01:00' }))]);
    await client.push([update('promotion.update', quiet.id, 1, { pitch: 'Nouvel argumentaire' })]); // an edit is not an event
    const before = await pullAll(h.app, TOKENS.paul);

    // One day short of 24 months after `quiet`'s last event: nothing goes.
    expect(await h.app.maintenance.purgeExpired(at('2025-01-11T12:00:00Z'))).toMatchObject({ promotions: 0, poolEntries: 0 });
    // 24 months and a day after it.
    expect(await h.app.maintenance.purgeExpired(at('2025-02-13T12:00:00Z'))).toMatchObject({ promotions: 1, poolEntries: 1 });

    const res = await h.app.inject({
      method: 'GET',
      url: `/v1/sync/pull?scope=agency:69031&cursor=${before.cursor}`,
      headers: { authorization: `Bearer ${TOKENS.paul}` },
    });
    const tombstones = res.json<{ changes: Change[] }>().changes;
    // Tombstones with new versions: every extension deletes its copy on the next pull.
    expect(tombstones.map((c) => [c.id, c.deleted, c.data])).toEqual(
      expect.arrayContaining([
        [quiet.id, true, null],
        [oldEntry.id, true, null],
      ]),
    );
    expect(tombstones).toHaveLength(2);
    expect(Math.min(...tombstones.map((c) => c.version))).toBeGreaterThan(before.changes.at(-1)!.version);
    const rows = await h.app.db.selectFrom('promotions').selectAll().where('id', '=', quiet.id).executeTakeFirstOrThrow();
    expect(rows).toMatchObject({ deleted: 1, data: null, updated_by_sub: 'system:retention' });

    const purged = () => h.app.db.selectFrom('audit_log').selectAll().where('action', '=', 'purge').execute();
    const firstRun = await purged();
    expect(firstRun.map((p) => [p.sub, p.scope])).toEqual(Array(2).fill(['system:retention', 'agency:69031']));
    expect(firstRun.reduce((n, p) => n + p.count, 0)).toBe(2);

    const after = await pullAll(h.app, TOKENS.paul);
    expect(live(after.changes)).toEqual([lively.id, fresh.id, newEntry.id, need.id].sort());
    // A second run finds nothing more; needs are not job-seeker data and stay.
    expect(await h.app.maintenance.purgeExpired(at('2025-02-13T12:00:00Z'))).toMatchObject({ promotions: 0, poolEntries: 0 });
    expect(await h.app.maintenance.purgeExpired(at('2026-12-02T12:00:00Z'))).toMatchObject({ promotions: 2, poolEntries: 1 });
    expect(live((await pullAll(h.app, TOKENS.paul)).changes)).toEqual([need.id]);
    // The later run left its own audit rows; those of the first, now older than a year, were dropped.
    const lastRun = await purged();
    expect(lastRun.reduce((n, p) => n + p.count, 0)).toBe(3);
    expect(lastRun.some((p) => firstRun.some((f) => f.id === p.id))).toBe(false);
  });

  it('runs at start and every 6 hours on its own, and drops audit rows after a year', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(at('2025-03-12T09:00:00Z'));
    h = await startHarness(kind, { maintenanceIntervalMs: 6 * 60 * 60 * 1000 });
    const client = new TestClient(h.app, TOKENS.jeanne);
    const promotion = makePromotion({ createdAt: '2025-03-12T09:30:00+01:00' });
    promotion.events = [makeEvent(promotion.id, { at: '2025-03-12T09:31:00+01:00' })];
    await client.push([create(promotion)]);
    await pullAll(h.app, TOKENS.jeanne);
    const audit = () => h.app.db.selectFrom('audit_log').select(['action', 'sub']).orderBy('at').execute();
    expect((await audit()).map((r) => r.action)).toEqual(['push', 'pull']);

    // 24 months later, the next 6-hour tick purges it with nobody calling anything.
    vi.setSystemTime(at('2027-03-12T09:00:00Z'));
    vi.advanceTimersByTime(6 * 60 * 60 * 1000);
    await vi.waitFor(async () => {
      const { changes } = await pullAll(h.app, TOKENS.jeanne);
      expect(changes[0]).toMatchObject({ id: promotion.id, deleted: true });
    }, { timeout: 5000, interval: 50 });
    // The push and pull of 2025 are more than a year old: gone from the audit log; the purge and the pulls since remain.
    const rows = await audit();
    expect(rows.some((r) => r.action === 'push')).toBe(false);
    expect(rows.find((r) => r.action === 'purge')).toMatchObject({ sub: 'system:retention' });
  });

  it('uses the real clock when called without a date (as at start and on each tick)', async () => {
    h = await startHarness(kind);
    await new TestClient(h.app, TOKENS.jeanne).push([create(makePromotion({ createdAt: '2020-01-01T09:00:00+01:00' }))]);
    const first = await pullAll(h.app, TOKENS.jeanne);
    expect(first.changes[0]!.deleted).toBe(false);
    await h.app.maintenance.purgeExpired();
    const { changes } = await pullAll(h.app, TOKENS.jeanne);
    expect((changes[0]!.data as Promotion | null)).toBeNull();
  });
});
