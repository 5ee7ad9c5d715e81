// @vitest-environment node
/**
 * Records written before the server stamped authors and kept statistics: a database at migration 002, filled as
 * the code of that time wrote it (the client's `counsellorId` was the banner's name), migrated to the latest.
 */
import { Kysely, Migrator } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import type { Promotion } from '../../lib/domain/promotion';
import type { PullResponse } from '../../lib/domain/sync';
import { statsReportSchema, type StatsReport } from '../../lib/stats/schema';
import { createDatabase } from '../../server/db/database';
import { migrations } from '../../server/db/migrations/index';
import type { DatabaseSchema } from '../../server/db/schema';
import { encodeCursor } from '../../server/sync/cursor';
import { addEvent, auth, create, getPull, makeEvent, makeNeed, makePoolEntry, makePromotion, pullAll, TestClient, update } from './fixtures';
import { appOn } from './direct-app';
import { describeEachDatabase, freshDatabase, TOKENS, type DatabaseKind } from './harness';

const SCOPE = 'agency:69031';
const PERIOD = { from: '2025-01-01', to: '2025-12-31' };

interface OldRecord {
  table: 'promotions' | 'needs' | 'pool_entries';
  data: Record<string, unknown>;
  sub: string;
}

/** A promotion as the extension wrote it then: its author's banner name in `counsellorId` and in `by`. */
function oldPromotion(sub: string, banner: string, overrides: Partial<Promotion> = {}): OldRecord {
  const promotion = makePromotion({ counsellorId: banner, ...overrides });
  promotion.events = [makeEvent(promotion.id, { by: banner, at: '2025-03-12T10:00:00+01:00' })];
  return { table: 'promotions', data: promotion, sub };
}

const OLD_RECORDS: OldRecord[] = [
  oldPromotion('jeanne.martin', 'Jeanne MARTIN'),
  oldPromotion('jeanne.martin', 'Jeanne MARTIN'),
  oldPromotion('jeanne.martin', 'Jeanne MARTIN', { mode: 'anonymous', pitch: 'Secrétaire polyvalente.' }),
  oldPromotion('paul.bernard', 'Paul BERNARD'),
  { table: 'needs', data: makeNeed({ createdBy: 'Jeanne MARTIN' }), sub: 'jeanne.martin' },
  { table: 'pool_entries', data: makePoolEntry({ addedBy: 'Jeanne MARTIN' }), sub: 'jeanne.martin' },
];

/** Writes the records with the columns of migration 002, as its push did. */
async function writeAsVersion002(db: Kysely<DatabaseSchema>, records: OldRecord[]): Promise<void> {
  for (const [i, { table, data, sub }] of records.entries()) {
    await db
      .insertInto(table)
      .values({
        id: data.id as string,
        scope: SCOPE,
        version: i + 1,
        deleted: 0,
        data: JSON.stringify(table === 'promotions' ? { ...data, events: (data.events as object[]).map((e) => ({ ...e, version: i + 1 })) } : data),
        field_versions: '{}',
        updated_at: '2025-03-12T10:00:00.000Z',
        deleted_at: null,
        created_by_sub: sub,
        updated_by_sub: sub,
        last_activity_at: '2025-03-12T10:00:00.000Z',
      })
      .execute();
  }
  await db.insertInto('scope_versions').values({ scope: SCOPE, version: records.length }).execute();
}

async function databaseAt(kind: DatabaseKind, version: string) {
  const database = await freshDatabase(kind, { unmigrated: true });
  const { db } = createDatabase(database.config);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateTo(version);
  if (error) throw error;
  return { db, database };
}

describeEachDatabase('records older than the stats tables, migrated on %s', (kind) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function migratedApp(prepare: (db: Kysely<DatabaseSchema>) => Promise<void>, from = '002-privacy') {
    const { db, database } = await databaseAt(kind, from);
    cleanup.push(database.drop);
    await prepare(db);
    await db.destroy();
    const app = await appOn(database.config);
    cleanup.push(() => app.close());
    return app;
  }

  async function stats(app: Awaited<ReturnType<typeof appOn>>, token: string, groupBy = 'month'): Promise<StatsReport> {
    const qs = new URLSearchParams({ scope: SCOPE, ...PERIOD, groupBy }).toString();
    const res = await app.inject({ method: 'GET', url: `/v1/stats?${qs}`, headers: auth(token) });
    expect(res.statusCode, res.body).toBe(200);
    return statsReportSchema.parse(res.json());
  }

  async function checkFigures(app: Awaited<ReturnType<typeof appOn>>) {
    // One more promotion sent by Jeanne after the migration.
    const fresh = makePromotion();
    await new TestClient(app, TOKENS.jeanne).push([create(fresh), addEvent(makeEvent(fresh.id, { at: '2025-03-20T10:00:00+01:00' }))]);

    expect((await stats(app, TOKENS.jeanne)).total.sent).toBe(4);
    const byCounsellor = await stats(app, TOKENS.manager, 'counsellor');
    expect(byCounsellor.groups.map((g) => [g.key, g.label, g.figures.sent])).toEqual([
      ['jeanne.martin', 'Jeanne MARTIN', 4],
      ['paul.bernard', 'Paul BERNARD', 1],
    ]);
  }

  it('files older promotions under their author’s sub: her own figures and the manager’s breakdown count her once', async () => {
    const app = await migratedApp((db) => writeAsVersion002(db, OLD_RECORDS));
    await checkFigures(app);
  });

  it('refiles the statistics of a database that already ran the first version of migration 003', async () => {
    const app = await migratedApp(async (db) => {
      await writeAsVersion002(db, OLD_RECORDS);
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateTo('004-stats-indexes')).error).toBeUndefined();
      // What that version did: each promotion filed under the `counsellorId` its client wrote.
      const facts = db.withTables<{ promotion_facts: { counsellor: string; counsellor_name: string } }>();
      await facts.updateTable('promotion_facts').set((eb) => ({ counsellor: eb.ref('counsellor_name') })).execute();
    });
    await checkFigures(app);
  });

  it('rewrites older records to the stamped shape with new versions, so every extension pulls them again', async () => {
    const app = await migratedApp((db) => writeAsVersion002(db, OLD_RECORDS));
    const all = await pullAll(app, TOKENS.paul);
    const data = (i: number) => all.changes.find((c) => c.id === OLD_RECORDS[i]!.data.id)!.data as Record<string, unknown>;
    expect(data(0)).toMatchObject({ counsellorId: 'jeanne.martin', counsellorName: 'Jeanne MARTIN' });
    expect(data(3)).toMatchObject({ counsellorId: 'paul.bernard', counsellorName: 'Paul BERNARD' });
    expect((data(2) as unknown as Promotion).jobSeeker).toMatchObject({ firstName: 'Lucie', lastName: '', ftId: '1234567A' });
    expect((data(0) as unknown as Promotion).jobSeeker.lastName).toBe('DUPONT');
    expect(data(4)).toMatchObject({ createdBy: 'jeanne.martin', createdByName: 'Jeanne MARTIN' });
    expect(data(5)).toMatchObject({ addedBy: 'jeanne.martin', addedByName: 'Jeanne MARTIN' });
    // Every record changed, hence every one comes after the cursor an extension held before the migration.
    const res = await getPull(app, TOKENS.paul, { scope: SCOPE, cursor: encodeCursor(OLD_RECORDS.length) });
    expect(res.json<PullResponse>().changes.map((c) => c.id).sort()).toEqual(OLD_RECORDS.map((r) => r.data.id).sort());

    // The authorship rules read the recorded author: Jeanne may close her older need, Paul may not.
    const needId = OLD_RECORDS[4]!.data.id as string;
    const version = all.changes.find((c) => c.id === needId)!.version;
    const paul = await new TestClient(app, TOKENS.paul).push([update('need.update', needId, version, { status: 'closed' })]);
    expect(paul.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });
    const jeanne = await new TestClient(app, TOKENS.jeanne).push([update('need.update', needId, version, { status: 'closed' })]);
    expect(jeanne.results[0]).toMatchObject({ status: 'applied' });
  });
});
