// @vitest-environment node
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Promotion } from '../../lib/domain/promotion';
import type { OrderedEvent } from '../../lib/domain/status';
import { promotionFacts } from '../../lib/stats/facts';
import { statsFromFacts } from '../../lib/stats/report';
import { statsReportSchema, type StatsReport } from '../../lib/stats/schema';
import { promotionFacts as factsMigration } from '../../server/db/migrations/003-promotion-facts';
import { statsIndexes } from '../../server/db/migrations/004-stats-indexes';
import { deleteEntity } from '../../server/sync/tombstones';
import { addEvent, auth, create, looksFrench, pullAll, TestClient } from '../server/fixtures';
import { describeEachDatabase, DEV_TOKENS, startHarness, TOKENS, type Harness } from '../server/harness';
import {
  AGENCY_BY_ROME,
  AGENCY_TOTAL,
  asGroup,
  JEANNE_FEBRUARY,
  JEANNE_JANUARY,
  JEANNE_MARCH,
  JEANNE_TOTAL,
  KARIM_TOTAL,
  NATIONAL_TOTAL,
  PAUL_TOTAL,
} from './expected';
import { COUNSELLORS, PERIOD, seededHistories, type CounsellorKey, type History } from './histories';

const NATIONAL_TOKEN = 'test-token-national';

function getStats(app: FastifyInstance, token: string | undefined, query: Record<string, string>) {
  const qs = new URLSearchParams(query).toString();
  return app.inject({ method: 'GET', url: `/v1/stats?${qs}`, headers: token ? auth(token) : {} });
}

async function stats(app: FastifyInstance, token: string, query: Record<string, string>): Promise<StatsReport> {
  const res = await getStats(app, token, { ...PERIOD, ...query });
  if (res.statusCode !== 200) throw new Error(`stats ${res.statusCode}: ${res.body}`);
  return statsReportSchema.parse(res.json());
}

/** Creates every promotion, then sends the events round by round (first events of all, then second…), each by its author. */
async function seed(app: FastifyInstance): Promise<{ histories: History[]; clients: Record<CounsellorKey, TestClient> }> {
  const histories = seededHistories();
  const clients = {
    jeanne: new TestClient(app, TOKENS.jeanne),
    paul: new TestClient(app, TOKENS.paul),
    karim: new TestClient(app, TOKENS.villeurbanne),
  };
  for (const who of Object.keys(clients) as CounsellorKey[]) {
    const mine = histories.filter((h) => h.author === who).map((h) => create(h.promotion));
    const reply = await clients[who].push(mine);
    expect(reply.results.every((r) => r.status === 'applied')).toBe(true);
  }
  const rounds = Math.max(...histories.map((h) => h.events.length));
  for (let round = 0; round < rounds; round++) {
    for (const h of histories) {
      const step = h.events[round];
      if (!step) continue;
      const reply = await clients[step.by].push([addEvent(step.event)]);
      expect(reply.results[0]!.status).toBe('applied');
    }
  }
  return { histories, clients };
}

describeEachDatabase('GET /v1/stats on %s', (kind) => {
  let h: Harness;
  let histories: History[];
  let clients: Record<CounsellorKey, TestClient>;
  beforeEach(async () => {
    h = await startHarness(kind, {
      auth: { devTokens: { ...DEV_TOKENS, [NATIONAL_TOKEN]: { sub: 'nadia.roux', agency: '75056', name: 'Nadia ROUX', roles: ['national'] } } },
    });
    ({ histories, clients } = await seed(h.app));
  });
  afterEach(async () => {
    await h.close();
  });

  it("gives a counsellor its own figures only, by month and even when grouped by counsellor", async () => {
    const own = await stats(h.app, TOKENS.jeanne, { scope: 'agency:69031' });
    expect(own).toMatchObject({ scope: 'agency:69031', perimeter: 'own', groupBy: 'month', ...PERIOD });
    expect(own.total).toEqual(JEANNE_TOTAL);
    expect(own.groups.map((g) => [g.key, g.label, g.figures])).toEqual([
      ['2025-01', 'janvier 2025', JEANNE_JANUARY],
      ['2025-02', 'février 2025', JEANNE_FEBRUARY],
      ['2025-03', 'mars 2025', JEANNE_MARCH],
    ]);

    const byCounsellor = await stats(h.app, TOKENS.jeanne, { scope: 'agency:69031', groupBy: 'counsellor' });
    expect(byCounsellor.groups.map((g) => [g.key, g.label, g.figures])).toEqual([['jeanne.martin', 'Jeanne MARTIN', asGroup(JEANNE_TOTAL)]]);
    // Paul recorded J2's refusal: the promotion stays Jeanne's.
    expect((await stats(h.app, TOKENS.paul, { scope: 'agency:69031' })).total).toEqual(PAUL_TOTAL);
    expect((await stats(h.app, TOKENS.villeurbanne, { scope: 'agency:69032' })).total).toEqual(KARIM_TOTAL);
  });

  it('gives a manager every counsellor of the agency, by counsellor and by ROME domain', async () => {
    const byCounsellor = await stats(h.app, TOKENS.manager, { scope: 'agency:69031', groupBy: 'counsellor' });
    expect(byCounsellor.perimeter).toBe('agency');
    expect(byCounsellor.total).toEqual(AGENCY_TOTAL);
    expect(byCounsellor.groups.map((g) => [g.key, g.label, g.figures])).toEqual([
      ['jeanne.martin', 'Jeanne MARTIN', asGroup(JEANNE_TOTAL)],
      ['paul.bernard', 'Paul BERNARD', asGroup(PAUL_TOTAL)],
    ]);
    const byRome = await stats(h.app, TOKENS.manager, { scope: 'agency:69031', groupBy: 'rome' });
    expect(byRome.groups.map((g) => [g.key, g.figures])).toEqual(AGENCY_BY_ROME);
  });

  it('gives the national team every agency, or any one agency', async () => {
    const national = await stats(h.app, NATIONAL_TOKEN, { scope: 'national', groupBy: 'rome' });
    expect(national.perimeter).toBe('national');
    expect(national.total).toEqual(NATIONAL_TOTAL);
    expect(national.groups.find((g) => g.key === 'N11')!.figures).toMatchObject({ sent: 3, hires: 1, withdrawn: 1 });
    const villeurbanne = await stats(h.app, NATIONAL_TOKEN, { scope: 'agency:69032' });
    expect(villeurbanne).toMatchObject({ perimeter: 'agency', total: KARIM_TOTAL });
  });

  it('refuses with 403 and a French message anything else', async () => {
    const refused: [string, string][] = [
      [TOKENS.jeanne, 'national'],
      [TOKENS.manager, 'national'],
      [TOKENS.jeanne, 'agency:69032'],
      [TOKENS.manager, 'agency:69032'],
      [TOKENS.villeurbanne, 'agency:69031'],
    ];
    for (const [token, scope] of refused) {
      const res = await getStats(h.app, token, { scope });
      expect(res.statusCode, `${token} ${scope}`).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
      expect(looksFrench(res.json().error.message)).toBe(true);
    }
    expect(h.logs.filter((line) => line.includes('accès refusé')).length).toBe(refused.length);
    expect((await getStats(h.app, undefined, { scope: 'agency:69031' })).statusCode).toBe(401);
  });

  it('answers 400 in French to a malformed request', async () => {
    const malformed: Record<string, string>[] = [
      { scope: 'agency:6903' },
      { scope: 'agency:69031', from: '2025-02-30' },
      { scope: 'agency:69031', from: '2025-03-01', to: '2025-02-01' },
      { scope: 'agency:69031', from: '2000-01-01', to: '2025-01-01' },
      { scope: 'agency:69031', groupBy: 'week' },
    ];
    for (const query of malformed) {
      const res = await getStats(h.app, TOKENS.manager, query);
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
      expect(res.json().error.code).toBe('invalid_request');
      expect(looksFrench(res.json().error.message)).toBe(true);
    }
  });

  it('follows later writes in the same transaction, and forgets a deleted promotion', async () => {
    const j4 = histories.find((x) => x.key === 'J4')!;
    const hire = { id: '01950000-0000-7000-8000-0000000000a1', promotionId: j4.promotion.id, type: 'hired' as const, at: '2025-02-20T09:00:00+01:00', by: 'Jeanne MARTIN' };
    await clients.jeanne.push([addEvent(hire)]);
    const after = await stats(h.app, TOKENS.jeanne, { scope: 'agency:69031' });
    expect(after.total).toMatchObject({ hires: 3, open: 1, hiredProfiles: 3 });

    const j1 = histories.find((x) => x.key === 'J1')!;
    expect(await deleteEntity(h.app.db, h.app.dialect, 'agency:69031', 'promotion', j1.promotion.id)).not.toBeNull();
    const gone = await stats(h.app, TOKENS.jeanne, { scope: 'agency:69031' });
    // J1 (4 days, interview, hired) is gone; J4 is hired now.
    expect(gone.total).toMatchObject({ sent: 6, replied: 5, hires: 2, interviews: 2, medianDaysToReply: 2, open: 1 });
  });

  it('keeps counting a job seeker who withdrew consent, under a pseudonym only', async () => {
    // Job seeker A (1234567A): J1 and J3 in agency 69031.
    const reply = await clients.paul.push([{ name: 'jobseeker.consentWithdrawn', args: { ftId: '1234567A', at: '2025-04-02T09:00:00+02:00' } }]);
    expect(reply.results[0]!.status).toBe('applied');
    const keys = await h.app.db
      .withTables<{ promotion_facts: { agency_code: string; profile_key: string } }>()
      .selectFrom('promotion_facts')
      .select('profile_key')
      .where('agency_code', '=', '69031')
      .execute();
    expect(keys.some((k) => k.profile_key.includes('1234567A'))).toBe(false);
    expect(keys.filter((k) => k.profile_key.startsWith('69031:pseudo:'))).toHaveLength(2);
    // Same figures: A is still one job seeker, hired once.
    expect((await stats(h.app, TOKENS.manager, { scope: 'agency:69031' })).total).toEqual(AGENCY_TOTAL);
  });

  it('computes in SQL what the extension computes from the same promotions', async () => {
    const pulled = [...(await pullAll(h.app, TOKENS.manager, 'agency:69031')).changes, ...(await pullAll(h.app, TOKENS.villeurbanne, 'agency:69032')).changes];
    const facts = pulled.map((c) => promotionFacts(c.data as Promotion & { events: OrderedEvent[] }));
    for (const groupBy of ['month', 'rome'] as const) {
      const server = await stats(h.app, NATIONAL_TOKEN, { scope: 'national', groupBy });
      const local = statsFromFacts(facts, PERIOD, { scope: 'national', perimeter: 'national', groupBy, generatedAt: server.generatedAt });
      expect(server).toEqual(local);
    }
  });

  it('builds the facts of promotions stored before the migration', async () => {
    const before = await stats(h.app, NATIONAL_TOKEN, { scope: 'national', groupBy: 'rome' });
    await factsMigration.down!(h.app.db);
    await factsMigration.up(h.app.db);
    await statsIndexes.up(h.app.db);
    const after = await stats(h.app, NATIONAL_TOKEN, { scope: 'national', groupBy: 'rome' });
    expect(after.total).toEqual(NATIONAL_TOTAL);
    expect(after.groups).toEqual(before.groups);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const op = doc.paths['/v1/stats'].get;
    expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['from', 'groupBy', 'scope', 'to']);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '403']));
    expect(JSON.stringify(op.responses['200'])).toContain('medianDaysToReply');
  });
});

// Keep the table of histories honest: every counsellor used here exists in the harness tokens.
it('uses the counsellors of the server harness', () => {
  for (const c of Object.values(COUNSELLORS)) expect(Object.values(DEV_TOKENS).some((t) => t.sub === c.sub && t.name === c.name)).toBe(true);
});
