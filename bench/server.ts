/**
 * Load figures for the central endpoint (printed, never asserted): the server runs in its own process
 * (`node --import tsx server/main.ts`) on loopback, on SQLite and, when one is at hand, on PostgreSQL;
 * a scope is seeded with 5,000 promotions, then autocannon measures, as fast as possible unless said:
 *   - `GET /v1/health`, the baseline every other figure is divided by (same run, same machine load);
 *   - empty pull (cursor already at the scope's version: the request every install makes every minute);
 *   - pull of 100 rows;
 *   - push of 10-mutation batches (6 creates, 2 events, 2 edits of the contact), every mutation applied;
 *   - pull of 100 rows at a fixed 500 req/s (latency under a steady load);
 *   - on PostgreSQL, pull of 100 rows spread over two server instances on the same database.
 * The goals of issue 15 are printed beside the figures. `PROFILENCE_BENCH_CPU_PROF=<dir>` runs the servers
 * with `node --cpu-prof` into that directory (summarise with `npx tsx bench/profile.ts <dir>`).
 * `PROFILENCE_BENCH_SERVER_ROOT=<checkout>` runs the server of another checkout (e.g. a `git worktree` of an older
 * commit, its `node_modules` linked) under the same load, for a before/after table from one run each.
 * Run alone with `npx tsx bench/server.ts [sqlite|postgres] [scenario,…]` (e.g. `sqlite push`: one database, the
 * health baseline and the scenarios named; by default both databases and every scenario).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { uuidv7 } from '../lib/domain/ids';
import { promotionReference, type Promotion, type PromotionEvent } from '../lib/domain/promotion';
import { encodeCursor } from '../server/sync/cursor';
import { freshPostgres } from './postgres';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
/** Where the measured server's code is: this checkout, or the one named for a before/after comparison. */
const SERVER_ROOT = resolve(process.env.PROFILENCE_BENCH_SERVER_ROOT ?? ROOT);
const TOKEN = 'bench-token-jeanne';
const SCOPE = 'agency:69031';
const SEED_PROMOTIONS = 5000;
const DURATION_S = 6;
const CONNECTIONS = 10;

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: AutocannonRequest) => AutocannonRequest;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  overallRate?: number;
  headers?: Record<string, string>;
  requests?: AutocannonRequest[];
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

interface Row {
  database: string;
  scenario: Scenario;
  reqPerSec: number;
  p50: number;
  p99: number;
  failures: number;
}

type Scenario = 'health' | 'empty' | 'pull' | 'push' | 'steady' | 'twoInstances';

const LABELS: Record<Scenario, string> = {
  health: 'GET /v1/health (référence)',
  empty: 'pull vide',
  pull: 'pull 100 lignes',
  push: 'push 10 modifications',
  steady: 'pull 100 lignes à 500 req/s',
  twoInstances: 'pull 100 lignes, 2 instances',
};

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolvePort(port));
    });
  });
}

function makePromotion(): Promotion {
  const id = uuidv7();
  return {
    id,
    reference: promotionReference(id),
    createdAt: '2025-03-12T09:30:00+01:00',
    counsellorId: 'jeanne.martin',
    agencyCode: '69031',
    jobSeeker: { ftId: '1234567A', firstName: 'Lucie', lastName: 'DUPONT', mainRome: 'M1607', promotionConsent: { granted: true } },
    establishment: { siret: '73282932000074', name: 'Boulangerie des Pentes', postcode: '69001', city: 'Lyon' },
    contact: { name: 'M. Leroy', email: 'contact@pentes.example' },
    rome: 'M1607',
    mode: 'named',
    channel: 'email',
    pitch: 'Secrétaire polyvalente, dix ans d’expérience en cabinet, disponible immédiatement, mobile sur la métropole.',
    events: [{ id: uuidv7(), promotionId: id, type: 'sent', at: '2025-03-12T09:31:00+01:00', by: 'jeanne.martin' }],
  };
}

function event(promotionId: string): PromotionEvent {
  return { id: uuidv7(), promotionId, type: 'note', at: new Date().toISOString(), by: 'jeanne.martin', note: 'Relance' };
}

function newContact(): Promotion['contact'] {
  const n = randomUUID().slice(0, 8);
  return { name: `Mme Durand ${n}`, email: `rh-${n}@pentes.example` };
}

function pushBody(mutations: { name: string; args: unknown }[]): string {
  const clientTs = new Date().toISOString();
  return JSON.stringify({
    clientId: randomUUID(),
    schemaVersion: 1,
    mutations: mutations.map((m, i) => ({ seq: i + 1, id: uuidv7(), clientTs, ...m })),
  });
}

async function startServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const profileDir = process.env.PROFILENCE_BENCH_CPU_PROF;
  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', resolve(profileDir)] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'server/main.ts'], {
    cwd: SERVER_ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`le serveur s'est arrêté (code ${child.exitCode})`);
    try {
      if ((await fetch(`${url}/v1/health`)).ok) return { url, child };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new Error('le serveur ne répond pas');
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function seed(url: string): Promise<string[]> {
  const ids: string[] = [];
  for (let b = 0; b < SEED_PROMOTIONS / 100; b++) {
    const promotions = Array.from({ length: 100 }, makePromotion);
    ids.push(...promotions.map((p) => p.id));
    const res = await fetch(`${url}/v1/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: pushBody(promotions.map((p) => ({ name: 'promotion.create', args: p }))),
    });
    if (!res.ok) throw new Error(`amorçage refusé : ${res.status} ${await res.text()}`);
  }
  return ids;
}

const HEADERS = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
const pullPath = (cursor: number) => `/v1/sync/pull?scope=${encodeURIComponent(SCOPE)}&limit=100&cursor=${encodeCursor(cursor)}`;

/** The scope's current version, read the way a client does: pull to the end. */
async function currentCursor(url: string): Promise<number> {
  let cursor = '';
  for (;;) {
    const res = await fetch(`${url}/v1/sync/pull?scope=${encodeURIComponent(SCOPE)}&limit=1000${cursor ? `&cursor=${cursor}` : ''}`, { headers: HEADERS });
    const page = (await res.json()) as { cursor: string; hasMore: boolean };
    cursor = page.cursor;
    if (!page.hasMore) return Number(Buffer.from(cursor, 'base64url').toString('utf8').slice(3));
  }
}

function pushRequest(pick: () => string): AutocannonRequest {
  return {
    method: 'POST',
    path: '/v1/sync/push',
    headers: HEADERS,
    // A new install id per batch: each batch is a fresh, gap-free sequence 1..10.
    setupRequest: (req) => ({
      ...req,
      body: pushBody([
        ...Array.from({ length: 6 }, () => ({ name: 'promotion.create', args: makePromotion() })),
        { name: 'promotion.addEvent', args: event(pick()) },
        { name: 'promotion.addEvent', args: event(pick()) },
        // The seeded promotions are sent: their contact is what may still change (lib/domain/promotion-edits.ts).
        { name: 'promotion.update', args: { id: pick(), baseVersion: 1_000_000, changes: { contact: newContact() } } },
        { name: 'promotion.update', args: { id: pick(), baseVersion: 1_000_000, changes: { contact: newContact() } } },
      ]),
    }),
  };
}

/** The push measured is the work of applying: one batch sent first must come back all `applied`. */
async function checkPushApplied(url: string, request: AutocannonRequest): Promise<void> {
  const { body } = request.setupRequest!(request);
  const res = await fetch(`${url}/v1/sync/push`, { method: 'POST', headers: HEADERS, body });
  const reply = (await res.json()) as { results?: { status: string }[] };
  if (!res.ok || reply.results?.some((r) => r.status !== 'applied')) throw new Error(`envoi du banc refusé : ${JSON.stringify(reply)}`);
}

const toRow = (database: string, scenario: Scenario, r: AutocannonResult): Row => ({
  database,
  scenario,
  reqPerSec: Math.round(r.requests.average),
  p50: r.latency.p50,
  p99: r.latency.p99,
  failures: r.non2xx + r.errors + r.timeouts,
});

/** Command line: the databases and scenarios asked (`sqlite`, `postgres`; scenario names), none meaning all. */
const ARGS = process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url ? process.argv.slice(2) : [];
const isDatabase = (a: string): a is 'sqlite' | 'postgres' => a === 'sqlite' || a === 'postgres';
const DATABASES = ARGS.filter(isDatabase);
const SCENARIOS = ARGS.filter((a) => !isDatabase(a)).flatMap((a) => a.split(','));
const wanted = (s: Scenario) => SCENARIOS.length === 0 || SCENARIOS.includes(s);
const databaseWanted = (d: 'sqlite' | 'postgres') => DATABASES.length === 0 || DATABASES.includes(d);

async function measure(database: string, env: Record<string, string>): Promise<Row[]> {
  const { url, child } = await startServer(env);
  const second = env.DATABASE_URL && wanted('twoInstances') ? await startServer(env) : undefined;
  try {
    const ids = await seed(url);
    if (env.DATABASE_URL) {
      // After the bulk load, what autovacuum soon does on its own (PostgreSQL 13+ vacuums after inserts too), done at
      // once so that the figures do not depend on whether it has passed yet.
      const client = new pg.Client({ connectionString: env.DATABASE_URL });
      await client.connect();
      await client.query('VACUUM ANALYZE');
      await client.end();
    }
    const pick = () => ids[Math.floor(Math.random() * ids.length)]!;
    const run = (requests: AutocannonRequest[], target = url, connections = CONNECTIONS, overallRate?: number) =>
      autocannon({ url: target, connections, duration: DURATION_S, requests, ...(overallRate ? { overallRate } : {}) });
    const pull = { method: 'GET', path: pullPath(SEED_PROMOTIONS / 2), headers: HEADERS };

    const rows: Row[] = [];
    rows.push(toRow(database, 'health', await run([{ method: 'GET', path: '/v1/health' }])));
    if (wanted('empty')) rows.push(toRow(database, 'empty', await run([{ method: 'GET', path: pullPath(await currentCursor(url)), headers: HEADERS }])));
    if (wanted('pull')) rows.push(toRow(database, 'pull', await run([pull])));
    if (wanted('push')) {
      await checkPushApplied(url, pushRequest(pick));
      rows.push(toRow(database, 'push', await run([pushRequest(pick)])));
    }
    if (wanted('steady')) rows.push(toRow(database, 'steady', await run([pull], url, CONNECTIONS, 500)));
    if (second && wanted('twoInstances')) {
      // The same pull, the same connections in all, half on each instance: together they should do more than one.
      const [a, b] = await Promise.all([run([pull], url, CONNECTIONS / 2), run([pull], second.url, CONNECTIONS / 2)]);
      const both = toRow(database, 'twoInstances', a);
      both.reqPerSec += Math.round(b.requests.average);
      both.p50 = Math.max(a.latency.p50, b.latency.p50);
      both.p99 = Math.max(a.latency.p99, b.latency.p99);
      both.failures += b.non2xx + b.errors + b.timeouts;
      rows.push(both);
    }
    return rows;
  } finally {
    await stopServer(child);
    if (second) await stopServer(second.child);
  }
}

const fig = (r: Row | undefined) => r?.reqPerSec ?? 0;
const pct = (n: number) => `${Math.round(n * 100)} %`;

/** Each row with its ratio to health (same database, same run); then the goals of issue 15, met or not. */
function printTable(rows: Row[]): void {
  const find = (database: string, scenario: Scenario) => rows.find((r) => r.database === database && r.scenario === scenario);
  const header = ['base', 'scénario', 'req/s', '/ health', 'p50 (ms)', 'p99 (ms)', 'échecs'];
  const lines = rows.map((r) => {
    const health = fig(find(r.database, 'health'));
    return [r.database, LABELS[r.scenario], String(r.reqPerSec), health ? pct(r.reqPerSec / health) : '-', String(r.p50), String(r.p99), String(r.failures)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const l of lines) console.log(fmt(l));

  // A goal is printed only when its figures were measured (a partial run names fewer scenarios).
  const goals: [string, boolean][] = [];
  const sqlite = (s: Scenario) => fig(find('SQLite', s));
  const postgres = (s: Scenario) => fig(find('PostgreSQL', s));
  const both = (s: Scenario) => find('SQLite', s) && find('PostgreSQL', s);
  if (find('SQLite', 'empty')) {
    goals.push([`pull vide ≥ 40 % de health (SQLite ${pct(sqlite('empty') / sqlite('health'))})`, sqlite('empty') >= 0.4 * sqlite('health')]);
  }
  if (find('SQLite', 'pull')) {
    goals.push([
      `pull 100 lignes ≥ 2 000 req/s et ≥ 15 % de health sur SQLite (${sqlite('pull')} req/s, ${pct(sqlite('pull') / sqlite('health'))})`,
      sqlite('pull') >= 2000 && sqlite('pull') >= 0.15 * sqlite('health'),
    ]);
  }
  if (find('SQLite', 'push')) goals.push([`push 10 modifications ≥ 1 000 req/s sur SQLite (${sqlite('push')} req/s)`, sqlite('push') >= 1000]);
  const steady = find('SQLite', 'steady');
  if (steady) goals.push([`pull à 500 req/s tenu sur SQLite (${steady.reqPerSec} req/s, p99 ${steady.p99} ms)`, steady.reqPerSec >= 490]);
  for (const s of (['empty', 'pull', 'push', 'steady'] as const).filter(both)) {
    const ratio = sqlite(s) / Math.max(1, postgres(s));
    goals.push([`PostgreSQL au plus 1,5× plus lent que SQLite, ${LABELS[s]} (${ratio.toFixed(2)}×)`, ratio <= 1.5]);
  }
  if (find('PostgreSQL', 'twoInstances') && find('PostgreSQL', 'pull')) {
    goals.push([
      `2 instances sur un PostgreSQL plus rapides qu'une (${postgres('twoInstances')} contre ${postgres('pull')} req/s)`,
      postgres('twoInstances') > postgres('pull'),
    ]);
  }
  console.log('Objectifs :');
  for (const [label, met] of goals) console.log(`  ${met ? 'atteint    ' : 'NON ATTEINT'}  ${label}`);
}

export async function benchServer(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'profilence-bench-'));
  const tokens = join(work, 'tokens.json');
  writeFileSync(tokens, JSON.stringify({ [TOKEN]: { sub: 'jeanne.martin', agency: '69031', name: 'Jeanne MARTIN' } }));
  const common = { PROFILENCE_DEV_TOKENS: tokens, PROFILENCE_RATE_LIMIT_MAX: '1000000' };
  const rows: Row[] = [];
  console.log(`Service central : ${SEED_PROMOTIONS} promotions amorcées, ${CONNECTIONS} connexions, ${DURATION_S} s par mesure.`);
  try {
    if (databaseWanted('sqlite')) rows.push(...(await measure('SQLite', { ...common, PROFILENCE_DATA_DIR: join(work, 'sqlite') })));
    const postgres = databaseWanted('postgres') ? await freshPostgres() : null;
    if (postgres) {
      try {
        rows.push(...(await measure('PostgreSQL', { ...common, DATABASE_URL: postgres.url })));
      } finally {
        await postgres.drop();
      }
    } else if (databaseWanted('postgres')) {
      console.log('PostgreSQL absent : mesures SQLite seulement.');
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  printTable(rows);
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  benchServer().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
