// @vitest-environment node
/**
 * A server process killed with SIGKILL while extension installs are pushing, then restarted on the same
 * database. The installs run the real sync engine (lib/sync) over HTTP; one acknowledgement is lost for sure
 * (the server committed the batch, then died before the install read the answer). They resend; the server
 * answers `duplicate`; in the end the server holds every write once, every install holds what the server holds,
 * and the audit log shows each mutation applied exactly once.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import Dexie from 'dexie';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { COUNSELLORS, startServerProcess, stopServerProcess, writeDevTokens, type ServerProcess } from '../../bench/load';
import type { Change, PullResponse } from '../../lib/domain/sync';
import { addEvent, createPromotion, getMeta, META_KEYS, openDb, type ProfilenceDb } from '../../lib/store';
import { createHttpTransport, createSyncEngine, type FetchLike, type SyncEngine } from '../../lib/sync';
import { describeEachDatabase, freshDatabase } from '../server/database';

const LYON = COUNSELLORS.filter((c) => c.agency === '69031').slice(0, 3);
const WRITES_PER_INSTALL = 8;

interface Install {
  db: ProfilenceDb;
  engine: SyncEngine;
  token: string;
  duplicates: number;
  failures: number;
}

const work = mkdtempSync(join(tmpdir(), 'profilence-crash-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function write(install: Install, counsellor: string, n: number): Promise<void> {
  const promotion = await createPromotion(
    install.db,
    {
      jobSeeker: { ftId: '1234567A', firstName: 'Lucie', lastName: 'DUPONT', mainRome: 'M1607', promotionConsent: { granted: true } },
      establishment: { siret: '73282932000074', name: 'Boulangerie des Pentes', postcode: '69001', city: 'Lyon' },
      mode: 'named',
      channel: 'phone',
      pitch: `Promotion ${n} de ${counsellor}`,
    },
    { counsellorId: counsellor, agencyCode: '69031' },
  );
  await addEvent(install.db, promotion.id, { type: 'sent', by: counsellor });
  await addEvent(install.db, promotion.id, { type: 'note', by: counsellor, note: `Note ${n}` });
}

async function sync(install: Install): Promise<boolean> {
  const report = await install.engine.syncNow({ force: true });
  install.duplicates += report.push?.duplicates ?? 0;
  if (report.error) install.failures++;
  return !report.error && (await install.db.outbox.count()) === 0;
}

async function pullAll(url: string, token: string): Promise<Change[]> {
  const changes: Change[] = [];
  let cursor = '';
  for (;;) {
    const res = await fetch(`${url}/v1/sync/pull?scope=agency:69031&limit=1000${cursor ? `&cursor=${cursor}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const page = (await res.json()) as PullResponse;
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return changes;
  }
}

/** Every applied mutation of the audit log, as `clientId:seq`. */
async function appliedInAudit(env: Record<string, string>): Promise<string[]> {
  const rows: { details: string }[] = env.DATABASE_URL
    ? await (async () => {
        const client = new pg.Client({ connectionString: env.DATABASE_URL });
        await client.connect();
        const { rows: r } = await client.query("select details from audit_log where action = 'push'");
        await client.end();
        return r;
      })()
    : (new SqliteDatabase(join(env.PROFILENCE_DATA_DIR!, 'profilence.sqlite'), { readonly: true }).prepare("select details from audit_log where action = 'push'").all() as { details: string }[]);
  return rows.flatMap((row) => {
    const details = JSON.parse(row.details) as { clientId: string; mutations: { seq: number; status: string }[] };
    return details.mutations.filter((m) => m.status === 'applied').map((m) => `${details.clientId}:${m.seq}`);
  });
}

describeEachDatabase('a server killed during pushes, on %s', (kind) => {
  it('loses nothing and applies nothing twice once restarted on the same database', async () => {
    const tokens = join(work, `tokens-${kind}.json`);
    writeDevTokens(tokens);
    const postgres = kind === 'postgres' ? await freshDatabase('postgres') : null;
    const env: Record<string, string> = {
      PROFILENCE_DEV_TOKENS: tokens,
      PROFILENCE_RATE_LIMIT_MAX: '1000000',
      ...(postgres?.config.kind === 'postgres' ? { DATABASE_URL: postgres.config.url } : { PROFILENCE_DATA_DIR: join(work, `data-${randomUUID()}`) }),
    };
    let server: ServerProcess = await startServerProcess(env);
    let pushes = 0;
    let killed: Promise<void> | undefined;
    const installs: Install[] = [];
    try {
      // The fourth push is committed by the server, which is then killed before the install reads the answer.
      const fetchThrough: FetchLike = async (url, init) => {
        const isPush = url.endsWith('/v1/sync/push');
        const response = await fetch(url, init);
        if (isPush && ++pushes === 4 && !killed) {
          killed = stopServerProcess(server, 'SIGKILL');
          await killed;
          throw new TypeError('fetch failed');
        }
        return response;
      };
      for (const counsellor of LYON) {
        const db = openDb(`crash-${randomUUID()}`);
        const transport = createHttpTransport({ baseUrl: () => server.url, token: () => counsellor.token, fetch: fetchThrough, timeoutMs: 5000 });
        installs.push({ db, engine: createSyncEngine({ db, transport, random: () => 0.5 }), token: counsellor.token, duplicates: 0, failures: 0 });
      }

      // The installs write and sync side by side; the server dies under them.
      await Promise.all(
        installs.map(async (install, i) => {
          for (let n = 0; n < WRITES_PER_INSTALL; n++) {
            await write(install, LYON[i]!.sub, n);
            await sync(install);
          }
        }),
      );
      expect(killed, 'le serveur a bien été tué pendant les envois').toBeDefined();
      expect(installs.some((i) => i.failures > 0)).toBe(true);

      // Restarted on the same database (another port): the installs resend until their outboxes are empty.
      server = await startServerProcess(env);
      for (let round = 0; round < 10; round++) {
        const done = await Promise.all(installs.map(sync));
        if (done.every(Boolean)) break;
      }
      for (const install of installs) expect(await install.db.outbox.count()).toBe(0);
      // The lost acknowledgement came back as a duplicate rather than a second application.
      expect(installs.reduce((n, i) => n + i.duplicates, 0)).toBeGreaterThanOrEqual(1);

      // The server holds every promotion once, with every event once.
      const expected = new Map<string, Set<string>>();
      for (const install of installs) {
        for (const p of await install.db.promotions.toArray()) {
          if (!expected.has(p.id)) expected.set(p.id, new Set());
          for (const e of p.events) expected.get(p.id)!.add(e.id);
        }
      }
      expect(expected.size).toBe(LYON.length * WRITES_PER_INSTALL);
      const changes = (await pullAll(server.url, LYON[0]!.token)).filter((c) => c.entity === 'promotion');
      expect(changes.map((c) => c.id).sort()).toEqual([...expected.keys()].sort());
      for (const change of changes) {
        const events = (change.data as { events: { id: string }[] }).events.map((e) => e.id);
        expect(events.length, 'événements en double').toBe(new Set(events).size);
        expect(new Set(events)).toEqual(expected.get(change.id));
      }
      // Every install ends with what the server has (each saw its colleagues' promotions too).
      for (const install of installs) {
        await sync(install);
        const local = await install.db.promotions.toArray();
        expect(local.map((p) => p.id).sort()).toEqual([...expected.keys()].sort());
        for (const p of local) expect(new Set(p.events.map((e) => e.id))).toEqual(expected.get(p.id));
      }
      // The server's last_seq of each install is its last outbox seq, and the audit log has each seq applied once.
      await stopServerProcess(server);
      const applied = await appliedInAudit(env);
      expect(applied.length).toBe(new Set(applied).size);
      for (const install of installs) {
        const clientId = await getMeta<string>(install.db, META_KEYS.clientId);
        const lastSeq = (await getMeta<number>(install.db, META_KEYS.outboxSeq))!;
        expect(lastSeq).toBe(WRITES_PER_INSTALL * 3);
        expect(applied.filter((a) => a.startsWith(`${clientId}:`)).map((a) => Number(a.split(':')[1])).sort((a, b) => a - b)).toEqual(
          Array.from({ length: lastSeq }, (_, i) => i + 1),
        );
      }
    } finally {
      await stopServerProcess(server);
      for (const install of installs) {
        install.db.close();
        await Dexie.delete(install.db.name);
      }
      await postgres?.drop();
    }
  }, 120_000);
});
