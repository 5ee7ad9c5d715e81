// @vitest-environment node
// `POST /v1/readers/health` stores each install's day as sent (again: replaced, never added), stamped with the
// token's agency; `GET /v1/readers/health` sums them for a manager's agency or the national team, with the 5 % jump.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { readersHealthReportSchema, type HealthReport, type PageHealth } from '../../lib/domain/reader-health';
import { parisDay } from '../../lib/stats/days';
import { auth, create, looksFrench, makePromotion, pushBody } from './fixtures';
import { describeEachDatabase, DEV_TOKENS, startHarness, TOKENS, type Harness } from './harness';

const NATIONAL = 'test-token-national';
const TODAY = parisDay(new Date());
const dayBefore = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const YESTERDAY = dayBefore(TODAY, 1);
const OLD_LAYOUT = 'aaaaaaaaaaaaaaaa';
const NEW_LAYOUT = 'bbbbbbbbbbbbbbbb';

const profile = (readings: number, emailMisses: number, variants: PageHealth['variants']): PageHealth => ({
  tool: 'dossier-demandeur',
  page: 'profile',
  readings,
  misses: emailMisses ? [{ field: 'email', count: emailMisses }] : [],
  variants,
});
const report = (clientId: string, day: string, pages: PageHealth[]): HealthReport => ({ clientId, schemaVersion: 1, day, pages });

describeEachDatabase('the readers’ health on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(kind, {
      auth: { devTokens: { ...DEV_TOKENS, [NATIONAL]: { sub: 'nadia.national', agency: '75001', name: 'Nadia NATIONAL', roles: ['national'] } } },
    });
  });
  afterEach(async () => {
    await h.close();
  });

  const send = (token: string, body: unknown) => h.app.inject({ method: 'POST', url: '/v1/readers/health', headers: auth(token), payload: body as object });
  const read = (token: string, query: Record<string, string>) =>
    h.app.inject({ method: 'GET', url: `/v1/readers/health?${new URLSearchParams(query)}`, headers: auth(token) });
  const rows = () =>
    h.app.db.selectFrom('reader_health').select(['client_id', 'day', 'sub', 'agency_code', 'kind', 'key', 'count']).orderBy(['client_id', 'day', 'kind', 'key']).execute();

  it("stores an install's day with the token's agency and counsellor, and a day sent again replaces it", async () => {
    const jeanne = randomUUID();
    const first = await send(TOKENS.jeanne, report(jeanne, TODAY, [profile(3, 1, [{ hash: OLD_LAYOUT, count: 3 }])]));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ day: TODAY, readings: 3 });
    const again = await send(TOKENS.jeanne, report(jeanne, TODAY, [profile(5, 2, [{ hash: OLD_LAYOUT, count: 5 }])]));
    expect(again.statusCode).toBe(200);
    expect((await rows()).map((r) => ({ ...r, count: Number(r.count) }))).toEqual([
      { client_id: jeanne, day: TODAY, sub: 'jeanne.martin', agency_code: '69031', kind: 'miss', key: 'email', count: 2 },
      { client_id: jeanne, day: TODAY, sub: 'jeanne.martin', agency_code: '69031', kind: 'readings', key: '', count: 5 },
      { client_id: jeanne, day: TODAY, sub: 'jeanne.martin', agency_code: '69031', kind: 'variant', key: OLD_LAYOUT, count: 5 },
    ]);
  });

  it('refuses in French an agency, an address or a name in the report, and a day not yet begun', async () => {
    const clientId = randomUUID();
    const valid = report(clientId, TODAY, [profile(1, 0, [])]);
    for (const body of [
      { ...valid, agencyCode: '69032' },
      { ...valid, url: 'http://dossiers.localhost/dossier/1234567A' },
      { ...valid, pages: [{ ...profile(1, 0, []), misses: [{ field: 'Marie DUPONT', count: 1 }] }] },
      { ...valid, day: dayBefore(TODAY, -3) },
    ]) {
      const res = await send(TOKENS.jeanne, body);
      expect(res.statusCode).toBe(400);
      expect(looksFrench(res.json().error.message)).toBe(true);
    }
    expect(await rows()).toEqual([]);
  });

  it("refuses another counsellor's install, whether it synced or only reported", async () => {
    const synced = randomUUID();
    const push = await h.app.inject({ method: 'POST', url: '/v1/sync/push', headers: auth(TOKENS.jeanne), payload: pushBody(synced, 1, [create(makePromotion())]) });
    expect(push.statusCode).toBe(200);
    const reported = randomUUID();
    await send(TOKENS.jeanne, report(reported, TODAY, [profile(1, 0, [])]));
    for (const clientId of [synced, reported]) {
      const res = await send(TOKENS.paul, report(clientId, TODAY, [profile(9, 9, [])]));
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('client_forbidden');
    }
    expect((await rows()).every((r) => r.sub === 'jeanne.martin')).toBe(true);
  });

  it("gives a manager the agency's miss rate per field and day, the jump above 5 %, and the new layout", async () => {
    const [jeanne, paul, karim] = [randomUUID(), randomUUID(), randomUUID()];
    // Yesterday the file read well under the old layout; today Paul's install reads the redesign, missing the e-mail.
    await send(TOKENS.jeanne, report(jeanne, YESTERDAY, [profile(40, 0, [{ hash: OLD_LAYOUT, count: 40 }])]));
    await send(TOKENS.jeanne, report(jeanne, TODAY, [profile(6, 0, [{ hash: OLD_LAYOUT, count: 6 }])]));
    await send(TOKENS.paul, report(paul, TODAY, [profile(4, 4, [{ hash: NEW_LAYOUT, count: 4 }]), { tool: 'fiche-entreprise', page: 'unrecognised', readings: 2, misses: [], variants: [] }]));
    // Another agency's install: not the manager's to see.
    await send(TOKENS.villeurbanne, report(karim, TODAY, [profile(10, 10, [{ hash: NEW_LAYOUT, count: 10 }])]));

    const res = await read(TOKENS.manager, { scope: 'agency:69031', from: YESTERDAY, to: TODAY });
    expect(res.statusCode).toBe(200);
    const health = readersHealthReportSchema.parse(res.json());
    expect(health).toMatchObject({ perimeter: 'agency', installs: 2, from: YESTERDAY, to: TODAY });
    expect(health.pages).toEqual([
      { tool: 'dossier-demandeur', page: 'profile', readings: 50 },
      { tool: 'fiche-entreprise', page: 'unrecognised', readings: 2 },
    ]);
    expect(health.fields).toEqual([
      {
        tool: 'dossier-demandeur',
        page: 'profile',
        field: 'email',
        readings: 50,
        misses: 4,
        missRate: 4 / 50,
        days: [
          { day: YESTERDAY, readings: 40, misses: 0, missRate: 0 },
          { day: TODAY, readings: 10, misses: 4, missRate: 0.4 },
        ],
        jump: { day: TODAY, missRate: 0.4, previousMissRate: 0 },
      },
    ]);
    expect(health.variants.map((v) => [v.hash, v.readings, v.firstSeen])).toEqual([
      [OLD_LAYOUT, 46, YESTERDAY],
      [NEW_LAYOUT, 4, TODAY],
    ]);
  });

  it('gives the national team every agency, or one; refuses counsellors and other agencies in French', async () => {
    await send(TOKENS.jeanne, report(randomUUID(), TODAY, [profile(4, 1, [])]));
    await send(TOKENS.villeurbanne, report(randomUUID(), TODAY, [profile(6, 0, [])]));
    const all = readersHealthReportSchema.parse((await read(NATIONAL, { scope: 'national' })).json());
    expect(all.perimeter).toBe('national');
    expect(all.pages).toEqual([{ tool: 'dossier-demandeur', page: 'profile', readings: 10 }]);
    const villeurbanne = readersHealthReportSchema.parse((await read(NATIONAL, { scope: 'agency:69032' })).json());
    expect(villeurbanne.pages).toEqual([{ tool: 'dossier-demandeur', page: 'profile', readings: 6 }]);
    expect(villeurbanne.fields).toEqual([]);

    for (const [token, scope] of [
      [TOKENS.jeanne, 'agency:69031'],
      [TOKENS.manager, 'agency:69032'],
      [TOKENS.manager, 'national'],
    ] as const) {
      const res = await read(token, { scope });
      expect(res.statusCode, `${token} ${scope}`).toBe(403);
      expect(looksFrench(res.json().error.message)).toBe(true);
    }
    const reversed = await read(NATIONAL, { scope: 'national', from: TODAY, to: YESTERDAY });
    expect(reversed.statusCode).toBe(400);
    const tooLong = await read(NATIONAL, { scope: 'national', from: '2020-01-01', to: TODAY });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.message).toContain('366 jours');
  });

  it('forgets the days older than 13 months at the retention job', async () => {
    const clientId = randomUUID();
    const now = new Date();
    const old = dayBefore(TODAY, 400);
    const kept = dayBefore(TODAY, 390);
    for (const day of [old, kept]) expect((await send(TOKENS.jeanne, report(clientId, day, [profile(1, 0, [])]))).statusCode).toBe(200);
    await h.app.maintenance.purgeExpired(now);
    expect([...new Set((await rows()).map((r) => r.day))]).toEqual([kept]);
  });

  it('creates its table on both databases', async () => {
    const count = await sql<{ n: number }>`select count(*) as n from reader_health`.execute(h.app.db);
    expect(Number(count.rows[0]!.n)).toBe(0);
  });
});
