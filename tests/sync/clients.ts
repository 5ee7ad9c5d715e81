/** Extension installs for the sync tests: a fake-indexeddb database each, an engine, and the store's writes. */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { addEvent, createPromotion, openDb, updatePromotion, type ProfilenceDb, type StoredPromotion } from '../../lib/store';
import type { PromotionEventType } from '../../lib/domain/promotion';
import {
  createHttpTransport,
  createSyncEngine,
  type FetchLike,
  type SyncEngine,
  type SyncReport,
  type SyncRequest,
  type SyncStep,
} from '../../lib/sync';

export class FakeClock {
  constructor(public t = Date.parse('2026-03-12T09:00:00Z')) {}
  now = () => this.t;
  advance(ms: number) {
    this.t += ms;
  }
}

export interface ClientOptions {
  token: string;
  fetch: FetchLike;
  clock?: FakeClock;
  random?: () => number;
  timeoutMs?: number;
  pageSize?: number;
  onStep?: (step: SyncStep, client: SyncClient) => void | Promise<void>;
  agencyCode?: string;
  counsellor?: string;
}

const opened = new Set<SyncClient>();

/** Closes and deletes every test database (call in afterEach/afterAll). */
export async function deleteClientDatabases(): Promise<void> {
  for (const client of opened) {
    client.db.close();
    await Dexie.delete(client.dbName);
  }
  opened.clear();
}

let counter = 0;
const uniqueTime = (clock: FakeClock) => new Date(clock.now() + ++counter);

export class SyncClient {
  readonly dbName = `profilence-sync-${crypto.randomUUID()}`;
  db!: ProfilenceDb;
  engine!: SyncEngine;
  token: string;
  fetch: FetchLike;
  readonly clock: FakeClock;
  crashes = 0;

  constructor(readonly options: ClientOptions) {
    this.token = options.token;
    this.fetch = options.fetch;
    this.clock = options.clock ?? new FakeClock();
    opened.add(this);
    this.open();
  }

  /** (Re)opens the same IndexedDB database with a new engine, as a restarted service worker would. */
  open(): void {
    this.db = openDb(this.dbName);
    const transport = createHttpTransport({
      baseUrl: 'http://sync.test',
      token: () => this.token,
      fetch: (url, init) => this.fetch(url, init),
      timeoutMs: this.options.timeoutMs ?? 2_000,
      now: this.clock.now,
    });
    this.engine = createSyncEngine({
      db: this.db,
      transport,
      clock: this.clock,
      random: this.options.random ?? (() => 0.5),
      pageSize: this.options.pageSize,
      onStep: this.options.onStep ? (step) => this.options.onStep!(step, this) : undefined,
    });
  }

  /** The process dies: nothing in memory survives, the committed IndexedDB transactions do. */
  crash(): void {
    this.crashes++;
    this.db.close();
    this.open();
  }

  sync(request: SyncRequest = { force: true }): Promise<SyncReport> {
    return this.engine.syncNow(request);
  }

  get ctx() {
    return { counsellorId: this.options.counsellor ?? 'Jeanne MARTIN', agencyCode: this.options.agencyCode ?? '69031', now: uniqueTime(this.clock) };
  }

  createPromotion(overrides: { agencyCode?: string; pitch?: string; ftId?: string } = {}): Promise<StoredPromotion> {
    return createPromotion(
      this.db,
      {
        jobSeeker: {
          ftId: overrides.ftId ?? '1234567A',
          firstName: 'Lucie',
          lastName: 'DUPONT',
          mainRome: 'M1607',
          promotionConsent: { granted: true, since: '2025-01-10' },
        },
        establishment: { siret: '73282932000074', name: 'Boulangerie des Pentes', postcode: '69001', city: 'Lyon' },
        contact: { name: 'M. Leroy', email: 'contact@pentes.example' },
        mode: 'named',
        channel: 'email',
        pitch: overrides.pitch ?? 'Secrétaire polyvalente, disponible immédiatement.',
      },
      { ...this.ctx, ...(overrides.agencyCode ? { agencyCode: overrides.agencyCode } : {}) },
    );
  }

  addEvent(promotionId: string, type: PromotionEventType, at?: string): Promise<StoredPromotion> {
    const now = uniqueTime(this.clock);
    return addEvent(
      this.db,
      promotionId,
      { type, by: this.options.counsellor ?? 'Jeanne MARTIN', at, ...(type === 'declined' ? { reason: 'no_position' as const } : {}) },
      now,
    );
  }

  /** A descriptive change through the store, as the promotion screen writes it: refused once the promotion is sent. */
  async updatePitch(promotionId: string, pitch: string): Promise<void> {
    await updatePromotion(this.db, promotionId, { pitch }, uniqueTime(this.clock));
  }

  promotions(): Promise<StoredPromotion[]> {
    return this.db.promotions.orderBy('id').toArray();
  }

  pending(): Promise<number> {
    return this.db.outbox.count();
  }
}

/** A promotion as compared between installs: events as a set (sorted by id), no install-local fields. */
export function comparable(p: StoredPromotion) {
  const { syncGeneration: _g, ...rest } = p;
  return { ...rest, events: [...p.events].sort((a, b) => (a.id < b.id ? -1 : 1)) };
}

/** Syncs every client until none has anything pending and a last round changes nothing. */
export async function quiesce(clients: readonly SyncClient[], rounds = 2): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    for (const c of clients) await c.sync({ force: true });
  }
  for (const c of clients) {
    const report = await c.sync({ force: true });
    if (report.error) throw report.error;
  }
}
