/**
 * Sync figures (printed, never asserted): the extension's engine against the real endpoint on loopback
 * (SQLite in a temp folder), with a fake-indexeddb store as in the tests:
 *   - push of 1,000 local mutations (500 promotions, each with its « sent » event), 100 per batch;
 *   - pull of 5,000 changes into a fresh store (pages of 500, each applied with its cursor in one transaction).
 * Run alone with `npx tsx bench/sync.ts`.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import Dexie from 'dexie';
import type { FastifyInstance } from 'fastify';
import { uuidv7 } from '../lib/domain/ids';
import { promotionReference, type Promotion } from '../lib/domain/promotion';
import { addEvent, clientId, createPromotion, openDb, type ProfilenceDb } from '../lib/store';
import { createHttpTransport, type SyncTransport } from '../lib/sync';
import { pullChanges } from '../lib/sync/pull';
import { pushOutbox } from '../lib/sync/push';
import { buildApp } from '../server/app';

const MUTATIONS = 1000;
const CHANGES = 5000;
const RUNS = 3;
const TOKEN = 'bench-sync-jeanne';
const SCOPE = 'agency:69031';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => `${n.toFixed(0)} ms`;

async function startEndpoint(): Promise<{ app: FastifyInstance; url: string; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'profilence-bench-sync-'));
  const app = await buildApp({
    host: '127.0.0.1',
    port: 0,
    database: { kind: 'sqlite', file: join(dir, 'bench.sqlite') },
    auth: { devTokens: { [TOKEN]: { sub: 'jeanne.martin', agency: '69031', name: 'Jeanne MARTIN' } } },
    rateLimit: { max: 1_000_000, timeWindowMs: 60_000 },
    trustProxy: false,
    log: { level: 'error', stream: new Writable({ write: (_c, _e, cb) => cb() }) },
    tombstoneRetentionDays: 180,
    maintenanceIntervalMs: 0,
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    url,
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const transportTo = (url: string): SyncTransport => createHttpTransport({ baseUrl: url, token: () => TOKEN, timeoutMs: 60_000 });

function freshStore(): ProfilenceDb {
  return openDb(`profilence-bench-${crypto.randomUUID()}`);
}

async function dropStore(db: ProfilenceDb) {
  db.close();
  await Dexie.delete(db.name);
}

const ctx = { counsellorId: 'Jeanne MARTIN', agencyCode: '69031' };
const jobSeeker = { ftId: '1234567A', firstName: 'Lucie', lastName: 'DUPONT', mainRome: 'M1607', promotionConsent: { granted: true } };
const establishment = { siret: '73282932000074', name: 'Boulangerie des Pentes', postcode: '69001', city: 'Lyon' };

async function benchPush(): Promise<void> {
  const times: number[] = [];
  let batches = 0;
  for (let run = 0; run < RUNS; run++) {
    const endpoint = await startEndpoint();
    const db = freshStore();
    for (let i = 0; i < MUTATIONS / 2; i++) {
      const p = await createPromotion(db, { jobSeeker, establishment, mode: 'named', channel: 'phone', pitch: `Argumentaire ${i}` }, ctx);
      await addEvent(db, p.id, { type: 'sent', by: 'Jeanne MARTIN' });
    }
    const started = performance.now();
    const outcome = await pushOutbox({ db, transport: transportTo(endpoint.url), clientId: await clientId(db), now: () => new Date() });
    times.push(performance.now() - started);
    batches = outcome.batches;
    if (outcome.applied !== MUTATIONS || (await db.outbox.count()) !== 0) throw new Error(`push incomplet : ${JSON.stringify(outcome)}`);
    await dropStore(db);
    await endpoint.close();
  }
  const t = median(times);
  console.log(`  push de ${MUTATIONS} modifications locales (${batches} envois)     médiane ${ms(t)}  (${Math.round(MUTATIONS / (t / 1000))} modifications/s)`);
}

function promotion(i: number): Promotion {
  const id = uuidv7();
  return {
    id,
    reference: promotionReference(id),
    createdAt: new Date().toISOString(),
    counsellorId: 'Paul BERNARD',
    agencyCode: '69031',
    jobSeeker: { ...jobSeeker, ftId: `${String(1000000 + i).slice(0, 7)}A` },
    establishment,
    rome: 'M1607',
    mode: 'named',
    channel: 'email',
    pitch: `Argumentaire ${i} : secrétaire polyvalente, disponible immédiatement, permis B.`,
    events: [{ id: uuidv7(), promotionId: id, type: 'sent', at: new Date().toISOString(), by: 'Paul BERNARD' }],
  };
}

async function benchPull(): Promise<void> {
  const endpoint = await startEndpoint();
  try {
    // 5,000 changes written by a colleague's install, 100 per batch.
    const seeder = crypto.randomUUID();
    const transport = transportTo(endpoint.url);
    for (let seq = 1; seq <= CHANGES; seq += 100) {
      const mutations = Array.from({ length: 100 }, (_, k) => ({
        seq: seq + k,
        id: uuidv7(),
        name: 'promotion.create',
        args: promotion(seq + k),
        clientTs: new Date().toISOString(),
      }));
      await transport.push({ clientId: seeder, schemaVersion: 1, mutations });
    }
    const times: number[] = [];
    let pages = 0;
    for (let run = 0; run < RUNS; run++) {
      const db = freshStore();
      const started = performance.now();
      const outcome = await pullChanges({ db, transport, scope: SCOPE });
      times.push(performance.now() - started);
      pages = outcome.pages;
      if ((await db.promotions.count()) !== CHANGES) throw new Error('pull incomplet');
      await dropStore(db);
    }
    const t = median(times);
    console.log(`  pull de ${CHANGES} changements dans un magasin neuf (${pages} pages)  médiane ${ms(t)}  (${Math.round(CHANGES / (t / 1000))} changements/s)`);
  } finally {
    await endpoint.close();
  }
}

export async function benchSync(): Promise<void> {
  console.log(`Synchronisation (moteur de l'extension, serveur réel sur SQLite en boucle locale, fake-indexeddb ; ${RUNS} essais)`);
  await benchPush();
  await benchPull();
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  await benchSync();
}
