/**
 * `npm run bench:load [-- --duration <s>] [-- --soak]`: the central endpoint under a steady mixed load. The server
 * runs in its own process (`node --import tsx server/main.ts`) on SQLite, then on PostgreSQL when one is at hand
 * (PROFILENCE_TEST_DATABASE_URL, or a throwaway one from scripts/postgres.mjs). Dev tokens for 20 counsellors of
 * two agencies, 1,000 promotions seeded, then autocannon drives 500 req/s for `--duration` seconds (60 by
 * default, 600 with `--soak`): each connection is one extension install with its own clientId, pulling its
 * agency with its own cursor and pushing valid batches with `seq` increasing by one, as the outbox does.
 * Prints req/s, errors, non-2xx, 5xx, refused mutations, p50/p99. Figures are printed, never asserted here;
 * tests/load/load.test.ts asserts that nothing failed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { uuidv7 } from '../lib/domain/ids';
import { promotionReference, type Promotion, type PromotionEvent } from '../lib/domain/promotion';

import { freshPostgres } from './postgres';

export { freshPostgres };

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const AGENCIES = ['69031', '69032'] as const;
const COUNSELLORS_PER_AGENCY = 10;
const SEED_PROMOTIONS = 1000;

// ── autocannon, typed for what is used here ───────────────────────────────────
interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: CannonRequest, context: Record<string, unknown>) => CannonRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}
interface CannonClient {
  setRequests(requests: CannonRequest[]): void;
}
interface CannonResult {
  requests: { average: number; total: number; sent: number };
  latency: { p50: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats?: Record<string, { count: number }>;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  overallRate?: number;
  timeout?: number;
  setupClient?: (client: CannonClient) => void;
  requests?: CannonRequest[];
}) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

// ── server process ─────────────────────────────────────────────────────────────
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolvePort(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** What the server wrote on stderr and stdout (warnings and errors, LOG_LEVEL=warn). */
  output: string[];
}

/** Starts `server/main.ts` in its own process and waits for `/v1/health`. */
export async function startServerProcess(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  const listenOn = port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(listenOn), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (d) => output.push(String(d)));
  child.stderr!.on('data', (d) => output.push(String(d)));
  const url = `http://127.0.0.1:${listenOn}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`le serveur s'est arrêté (code ${child.exitCode}) : ${output.join('').slice(-2000)}`);
    try {
      if ((await fetch(`${url}/v1/health`)).ok) return { url, child, output };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('le serveur ne répond pas');
}

export async function stopServerProcess(server: ServerProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill(signal);
  await exited;
}



// ── data ───────────────────────────────────────────────────────────────────────
interface Counsellor {
  token: string;
  sub: string;
  agency: string;
}

export const COUNSELLORS: Counsellor[] = AGENCIES.flatMap((agency) =>
  Array.from({ length: COUNSELLORS_PER_AGENCY }, (_, i) => ({ token: `load-${agency}-${i}`, sub: `conseiller.${agency}.${i}`, agency })),
);

export function writeDevTokens(file: string): void {
  writeFileSync(file, JSON.stringify(Object.fromEntries(COUNSELLORS.map((c) => [c.token, { sub: c.sub, agency: c.agency, name: c.sub }]))));
}

export function makePromotion(counsellor: Counsellor, now = new Date()): Promotion {
  const id = uuidv7(now.getTime());
  return {
    id,
    reference: promotionReference(id),
    createdAt: now.toISOString(),
    counsellorId: counsellor.sub,
    agencyCode: counsellor.agency,
    jobSeeker: { ftId: '1234567A', firstName: 'Lucie', lastName: 'DUPONT', mainRome: 'M1607', promotionConsent: { granted: true } },
    establishment: { siret: '73282932000074', name: 'Boulangerie des Pentes', postcode: '69001', city: 'Lyon' },
    contact: { name: 'M. Leroy', email: 'contact@pentes.example' },
    rome: 'M1607',
    mode: 'named',
    channel: 'email',
    pitch: 'Secrétaire polyvalente, dix ans d’expérience en cabinet, disponible immédiatement, mobile sur la métropole.',
    events: [{ id: uuidv7(now.getTime()), promotionId: id, type: 'sent', at: now.toISOString(), by: counsellor.sub }],
  };
}

function note(promotionId: string, by: string): PromotionEvent {
  return { id: uuidv7(), promotionId, type: 'note', at: new Date().toISOString(), by, note: 'Relance téléphonique' };
}

export function pushBody(clientId: string, firstSeq: number, mutations: { name: string; args: unknown }[]): string {
  const clientTs = new Date().toISOString();
  return JSON.stringify({ clientId, schemaVersion: 1, mutations: mutations.map((m, i) => ({ seq: firstSeq + i, id: uuidv7(), clientTs, ...m })) });
}

async function seed(url: string): Promise<void> {
  for (const counsellor of COUNSELLORS.filter((_, i) => i % COUNSELLORS_PER_AGENCY === 0)) {
    const clientId = randomUUID();
    for (let b = 0; b < SEED_PROMOTIONS / AGENCIES.length / 100; b++) {
      const mutations = Array.from({ length: 100 }, () => ({ name: 'promotion.create', args: makePromotion(counsellor) }));
      const res = await fetch(`${url}/v1/sync/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${counsellor.token}`, 'content-type': 'application/json' },
        body: pushBody(clientId, b * 100 + 1, mutations),
      });
      if (!res.ok) throw new Error(`amorçage refusé : ${res.status} ${await res.text()}`);
    }
  }
}

// ── the load ───────────────────────────────────────────────────────────────────
export interface LoadOptions {
  durationS: number;
  rate?: number;
  connections?: number;
  /** Default: SQLite, then PostgreSQL when available. */
  databases?: ('sqlite' | 'postgres')[];
  log?: (line: string) => void;
}

export interface LoadResult {
  database: string;
  durationS: number;
  requests: number;
  reqPerSec: number;
  pulls: number;
  pushes: number;
  mutationsApplied: number;
  mutationsRefused: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  status5xx: number;
  p50: number;
  p99: number;
  /** Error lines the server logged (level ≥ 50). */
  serverErrors: string[];
}

interface Install {
  counsellor: Counsellor;
  clientId: string;
  seq: number;
  cursor: string;
  own: string[];
}

async function drive(url: string, options: Required<Pick<LoadOptions, 'durationS' | 'rate' | 'connections'>>) {
  const counts = { pulls: 0, pushes: 0, applied: 0, refused: 0 };
  let installs = 0;
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.durationS,
    overallRate: options.rate,
    timeout: 30,
    // Each connection is one extension install: its own clientId, seq and cursor, in a closure of its own.
    setupClient: (client) => {
      const counsellor = COUNSELLORS[installs++ % COUNSELLORS.length]!;
      const install: Install = { counsellor, clientId: randomUUID(), seq: 0, cursor: '', own: [] };
      // A fresh headers object per request: autocannon writes Content-Length into the one it is given.
      const authorization = `Bearer ${counsellor.token}`;
      const pull: CannonRequest = {
        method: 'GET',
        setupRequest: (req) => {
          const cursor = install.cursor ? `&cursor=${install.cursor}` : '';
          return { ...req, headers: { authorization }, path: `/v1/sync/pull?scope=agency:${counsellor.agency}&limit=100${cursor}` };
        },
        onResponse: (status, body) => {
          counts.pulls++;
          if (status === 200) install.cursor = (JSON.parse(body) as { cursor: string }).cursor;
        },
      };
      const push: CannonRequest = {
        method: 'POST',
        path: '/v1/sync/push',
        setupRequest: (req) => {
          const promotion = makePromotion(counsellor);
          const mutations: { name: string; args: unknown }[] = [{ name: 'promotion.create', args: promotion }];
          const previous = install.own.at(-1);
          if (previous) mutations.push({ name: 'promotion.addEvent', args: note(previous, counsellor.sub) });
          install.own.push(promotion.id);
          // Sequential per install: the next batch starts where this one ends.
          const body = pushBody(install.clientId, install.seq + 1, mutations);
          install.seq += mutations.length;
          return { ...req, headers: { authorization, 'content-type': 'application/json' }, body };
        },
        onResponse: (status, body) => {
          counts.pushes++;
          if (status !== 200) return;
          for (const r of (JSON.parse(body) as { results: { status: string }[] }).results) {
            if (r.status === 'applied') counts.applied++;
            else counts.refused++;
          }
        },
      };
      // Two pulls for one push, as an install polls more than it writes.
      client.setRequests([pull, push, { ...pull }]);
    },
  });
  return { result, counts };
}

async function measure(database: string, env: Record<string, string>, options: Required<Pick<LoadOptions, 'durationS' | 'rate' | 'connections'>>): Promise<LoadResult> {
  const server = await startServerProcess(env);
  try {
    await seed(server.url);
    const { result, counts } = await drive(server.url, options);
    const status5xx = Object.entries(result.statusCodeStats ?? {})
      .filter(([code]) => Number(code) >= 500)
      .reduce((n, [, s]) => n + s.count, 0);
    return {
      database,
      durationS: options.durationS,
      requests: result.requests.total,
      reqPerSec: Math.round(result.requests.average),
      pulls: counts.pulls,
      pushes: counts.pushes,
      mutationsApplied: counts.applied,
      mutationsRefused: counts.refused,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      status5xx,
      p50: result.latency.p50,
      p99: result.latency.p99,
      serverErrors: server.output.join('').split('\n').filter((l) => /"level":(50|60)/.test(l)),
    };
  } finally {
    await stopServerProcess(server);
  }
}

export async function runLoad(options: LoadOptions): Promise<LoadResult[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const settings = { durationS: options.durationS, rate: options.rate ?? 500, connections: options.connections ?? 20 };
  const databases = options.databases ?? ['sqlite', 'postgres'];
  const work = mkdtempSync(join(tmpdir(), 'profilence-load-'));
  const tokens = join(work, 'tokens.json');
  writeDevTokens(tokens);
  const common = { PROFILENCE_DEV_TOKENS: tokens, PROFILENCE_RATE_LIMIT_MAX: '1000000' };
  const results: LoadResult[] = [];
  log(`Charge : ${settings.rate} req/s visées, ${settings.connections} postes, ${settings.durationS} s par base, ${SEED_PROMOTIONS} promotions amorcées.`);
  try {
    if (databases.includes('sqlite')) results.push(await measure('SQLite', { ...common, PROFILENCE_DATA_DIR: join(work, 'sqlite') }, settings));
    if (databases.includes('postgres')) {
      const postgres = await freshPostgres('load');
      if (postgres) {
        try {
          results.push(await measure('PostgreSQL', { ...common, DATABASE_URL: postgres.url }, settings));
        } finally {
          await postgres.drop();
        }
      } else {
        log('PostgreSQL absent : mesure SQLite seulement.');
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  printTable(results, log);
  return results;
}

function printTable(rows: LoadResult[], log: (line: string) => void): void {
  const header = ['base', 'req/s', 'requêtes', 'pull', 'push', 'appliquées', 'refusées', 'erreurs', 'non-2xx', '5xx', 'p50 (ms)', 'p99 (ms)'];
  const lines = rows.map((r) =>
    [r.database, r.reqPerSec, r.requests, r.pulls, r.pushes, r.mutationsApplied, r.mutationsRefused, r.errors + r.timeouts, r.non2xx, r.status5xx, r.p50, r.p99].map(String),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i >= 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ');
  log(fmt(header));
  log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const l of lines) log(fmt(l));
  for (const r of rows) for (const line of r.serverErrors.slice(0, 5)) log(`${r.database} — erreur du serveur : ${line.slice(0, 300)}`);
}

export function parseArgs(argv: readonly string[]): { durationS: number } {
  let durationS = 60;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--soak') durationS = 600;
    else if (arg === '--duration' || arg.startsWith('--duration=')) {
      const value = arg.includes('=') ? arg.split('=')[1] : argv[++i];
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 86_400) throw new Error(`--duration : un nombre entier de secondes est attendu (reçu « ${value ?? ''} »).`);
      durationS = n;
    } else {
      throw new Error(`Option inconnue : ${arg} (options : --duration <secondes>, --soak).`);
    }
  }
  return { durationS };
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  let args: { durationS: number };
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  runLoad(args)
    .then((results) => {
      const failed = results.some((r) => r.errors + r.timeouts + r.non2xx + r.mutationsRefused > 0);
      process.exit(failed ? 1 : 0);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
