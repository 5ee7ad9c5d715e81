/**
 * Latency of `GET /v1/stats` over 100,000 promotions with their events (printed, never asserted; target under
 * 100 ms, issue 15), on SQLite and, when one is at hand, PostgreSQL. Promotions are inserted straight through Kysely,
 * their `promotion_facts` rows built by migrations 003 and 004 (timed: what an upgrade costs), then the route is called
 * through `app.inject` — median of several calls — for the national team, a manager and one counsellor.
 * Run alone with `npx tsx bench/stats.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { promotionReference, type DeclineReason, type PromotionEventType } from '../lib/domain/promotion';
import { buildApp } from '../server/app';
import type { DatabaseConfig, DevTokenEntry } from '../server/config';
import { promotionFacts as factsMigration } from '../server/db/migrations/003-promotion-facts';
import { statsIndexes } from '../server/db/migrations/004-stats-indexes';
import type { EntityTable } from '../server/db/schema';
import { freshPostgres } from './postgres';

const PROMOTIONS = 100_000;
const AGENCIES = 20;
/** The big agency: a fifth of the promotions, 50 counsellors. */
const BIG_AGENCY = '69031';
const CALLS = 15;
const TARGET_MS = 100;
const PERIOD = { from: '2024-01-01', to: '2025-12-31' };

const TOKENS: Record<string, DevTokenEntry> = {
  'bench-national': { sub: 'nadia.roux', agency: '75056', name: 'Nadia ROUX', roles: ['national'] },
  'bench-manager': { sub: 'claire.durand', agency: BIG_AGENCY, name: 'Claire DURAND', roles: ['manager'] },
  'bench-counsellor': { sub: 'c0-0', agency: BIG_AGENCY, name: 'Conseiller 0' },
};

const SCENARIOS: { label: string; token: string; query: Record<string, string> }[] = [
  { label: 'national, par mois', token: 'bench-national', query: { scope: 'national', groupBy: 'month' } },
  { label: 'national, par domaine ROME', token: 'bench-national', query: { scope: 'national', groupBy: 'rome' } },
  { label: 'national, par conseiller', token: 'bench-national', query: { scope: 'national', groupBy: 'counsellor' } },
  { label: `agence ${BIG_AGENCY} (responsable), par mois`, token: 'bench-manager', query: { scope: `agency:${BIG_AGENCY}`, groupBy: 'month' } },
  { label: `agence ${BIG_AGENCY} (responsable), par conseiller`, token: 'bench-manager', query: { scope: `agency:${BIG_AGENCY}`, groupBy: 'counsellor' } },
  { label: 'un conseiller, par mois', token: 'bench-counsellor', query: { scope: `agency:${BIG_AGENCY}`, groupBy: 'month' } },
];

const ROMES = ['M1607', 'M1602', 'M1604', 'M1805', 'N1101', 'N4105', 'K2204', 'H2913', 'D1507', 'G1602', 'F1703', 'J1501'];
const REASONS: DeclineReason[] = ['no_position', 'profile_mismatch', 'lacking_skills', 'not_mobile', 'candidate_unavailable'];

/** Deterministic pseudo-random numbers (mulberry32): the same data on both databases. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const uuid = (i: number, tail = 0) =>
  `0190b000-${String(Math.floor(i / 1e8)).padStart(4, '0')}-7000-8${String(tail).padStart(3, '0')}-${String(i % 1e8).padStart(12, '0')}`;

function agencyOf(i: number): string {
  if (i % 5 === 0) return BIG_AGENCY;
  return String(69100 + (i % (AGENCIES - 1)));
}

/** One promotion row with a plausible history: sent, maybe a follow-up, maybe an answer and an outcome. */
function promotionRow(i: number, next: () => number, version: number): EntityTable {
  const agencyCode = agencyOf(i);
  const counsellor = agencyCode === BIG_AGENCY ? `c0-${i % 50}` : `c${agencyCode}-${i % 10}`;
  const id = uuid(i);
  const sentAt = Date.UTC(2024, 0, 1) + Math.floor(next() * 730) * 86_400_000 + 9 * 3_600_000;
  const at = (days: number) => new Date(sentAt + days * 86_400_000).toISOString();
  const steps: [PromotionEventType, string, DeclineReason?][] = [['sent', at(0)]];
  const roll = next();
  if (next() < 0.5) steps.push(['followed_up', at(7)]);
  if (roll < 0.4) {
    const replyDay = 1 + Math.floor(next() * 25);
    steps.push(['employer_replied', at(replyDay)]);
    const outcome = next();
    if (outcome < 0.35) steps.push(['interview', at(replyDay + 5)]);
    if (outcome < 0.18) steps.push(['hired', at(replyDay + 12)]);
    else if (outcome < 0.3) steps.push(['profile_kept', at(replyDay + 7)]);
    else if (outcome < 0.8) steps.push(['declined', at(replyDay + 2), REASONS[Math.floor(next() * REASONS.length)]]);
  } else if (roll < 0.85) steps.push(['no_response', at(30)]);
  else if (roll < 0.9) steps.push(['withdrawn', at(3)]);
  const events = steps.map(([type, eventAt, reason], k) => ({
    id: uuid(i, k + 1),
    promotionId: id,
    type,
    at: eventAt,
    by: counsellor,
    ...(reason ? { reason } : {}),
    version,
  }));
  const data = {
    id,
    reference: promotionReference(id),
    createdAt: at(0),
    counsellorId: counsellor,
    agencyCode,
    jobSeeker: {
      ftId: `${String(1_000_000 + (i % 60_000)).padStart(7, '0')}A`,
      firstName: 'Prénom',
      lastName: 'NOM',
      mainRome: ROMES[i % ROMES.length],
      promotionConsent: { granted: true },
    },
    establishment: { siret: '73282932000074', name: 'Boulangerie des Pentes', postcode: '69001', city: 'Lyon' },
    contact: { name: 'M. Leroy', email: 'contact@pentes.example' },
    rome: ROMES[(i * 7) % ROMES.length],
    mode: 'named',
    channel: 'email',
    pitch: 'Secrétaire polyvalente, dix ans d’expérience en cabinet, disponible immédiatement, mobile sur la métropole.',
    events,
  };
  return {
    id,
    scope: `agency:${agencyCode}`,
    version,
    deleted: 0,
    data: JSON.stringify(data),
    field_versions: JSON.stringify({ contact: version, rome: version, mode: version, channel: version, pitch: version }),
    updated_at: events[events.length - 1]!.at,
    deleted_at: null,
    created_by_sub: counsellor,
    updated_by_sub: counsellor,
    last_activity_at: events[events.length - 1]!.at,
  };
}

async function seed(app: FastifyInstance): Promise<void> {
  const next = random(42);
  const versions = new Map<string, number>();
  const CHUNK = 1000;
  for (let start = 0; start < PROMOTIONS; start += CHUNK) {
    const rows: EntityTable[] = [];
    for (let i = start; i < Math.min(PROMOTIONS, start + CHUNK); i++) {
      const scope = `agency:${agencyOf(i)}`;
      const version = (versions.get(scope) ?? 0) + 1;
      versions.set(scope, version);
      rows.push(promotionRow(i, next, version));
    }
    await app.db.insertInto('promotions').values(rows).execute();
  }
  await app.db
    .insertInto('scope_versions')
    .values([...versions].map(([scope, version]) => ({ scope, version })))
    .execute();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Row {
  database: string;
  scenario: string;
  medianMs: number;
  /** CPU of this process (SQLite runs in it; PostgreSQL does not): the part a busy machine does not inflate. */
  cpuMs: number;
  firstMs: number;
  sent: number;
}

async function measure(database: string, config: DatabaseConfig): Promise<{ rows: Row[]; seedMs: number; factsMs: number }> {
  const app = await buildApp({
    host: '127.0.0.1',
    port: 0,
    database: config,
    auth: { devTokens: TOKENS },
    rateLimit: { max: 1_000_000, timeWindowMs: 60_000 },
    trustProxy: false,
    log: { level: 'error' },
    tombstoneRetentionDays: 180,
    maintenanceIntervalMs: 0,
  });
  try {
    let t = performance.now();
    await seed(app);
    const seedMs = performance.now() - t;
    // The facts of stored promotions, built as an upgrade would (migration 003 on a full table).
    t = performance.now();
    await factsMigration.down!(app.db);
    await factsMigration.up(app.db);
    await statsIndexes.up(app.db);
    const factsMs = performance.now() - t;
    if (config.kind === 'postgres') {
      const client = new pg.Client({ connectionString: config.url });
      await client.connect();
      // What autovacuum soon does after a bulk load (PostgreSQL 13+ vacuums after inserts too), done at once so
      // that the figures do not depend on whether it has passed yet.
      await client.query('VACUUM ANALYZE');
      await client.end();
    }
    const rows: Row[] = [];
    for (const s of SCENARIOS) {
      const url = `/v1/stats?${new URLSearchParams({ ...PERIOD, ...s.query })}`;
      const call = async () => {
        const started = performance.now();
        const cpu = process.cpuUsage();
        const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${s.token}` } });
        const used = process.cpuUsage(cpu);
        if (res.statusCode !== 200) throw new Error(`${s.label} : ${res.statusCode} ${res.body}`);
        return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, sent: (res.json() as { total: { sent: number } }).total.sent };
      };
      const first = await call();
      const calls = [];
      for (let k = 0; k < CALLS; k++) calls.push(await call());
      rows.push({
        database,
        scenario: s.label,
        medianMs: median(calls.map((c) => c.ms)),
        cpuMs: median(calls.map((c) => c.cpuMs)),
        firstMs: first.ms,
        sent: first.sent,
      });
    }
    return { rows, seedMs, factsMs };
  } finally {
    await app.close();
  }
}

/** The stats bench's PostgreSQL: a fresh database, as a server database configuration. */
async function statsPostgres(): Promise<{ config: DatabaseConfig; drop(): Promise<void> } | null> {
  const postgres = await freshPostgres('bench_stats');
  return postgres && { config: { kind: 'postgres', url: postgres.url, poolSize: 10 }, drop: postgres.drop };
}

function printTable(rows: Row[]): void {
  const header = ['base', 'demande', 'promotions comptées', '1er appel (ms)', `médiane de ${CALLS} (ms)`, 'CPU Node médian (ms)', `< ${TARGET_MS} ms`];
  const lines = rows.map((r) => [
    r.database, r.scenario, String(r.sent), r.firstMs.toFixed(1), r.medianMs.toFixed(1), r.cpuMs.toFixed(1), r.medianMs < TARGET_MS ? 'atteint' : 'NON ATTEINT',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const l of lines) console.log(fmt(l));
}

export async function benchStats(): Promise<void> {
  console.log(`Statistiques : ${PROMOTIONS.toLocaleString('fr-FR')} promotions (${AGENCIES} agences), GET /v1/stats du ${PERIOD.from} au ${PERIOD.to} ; cible < ${TARGET_MS} ms.`);
  const work = mkdtempSync(join(tmpdir(), 'profilence-bench-stats-'));
  const rows: Row[] = [];
  try {
    const runs: [string, () => Promise<{ config: DatabaseConfig; drop(): Promise<void> } | null>][] = [
      ['SQLite', async () => ({ config: { kind: 'sqlite', file: join(work, 'stats.sqlite') }, drop: async () => undefined })],
      ['PostgreSQL', statsPostgres],
    ];
    for (const [name, open] of runs) {
      const db = await open();
      if (!db) {
        console.log(`${name} absent : mesure ignorée.`);
        continue;
      }
      try {
        const result = await measure(name, db.config);
        console.log(`${name} : amorçage ${(result.seedMs / 1000).toFixed(1)} s, faits des promotions existantes (migration 003) ${(result.factsMs / 1000).toFixed(1)} s.`);
        rows.push(...result.rows);
      } finally {
        await db.drop();
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  printTable(rows);
  console.log(`Charge de la machine pendant la mesure (moyenne sur 1 min) : ${loadavg()[0]!.toFixed(1)} pour ${cpus().length} cœur(s).`);
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  benchStats().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
