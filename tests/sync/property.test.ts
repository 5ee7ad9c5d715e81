// @vitest-environment node
/**
 * Property: 2–4 installs write at random (promotions, events, descriptive changes), sync, crash (also in the
 * middle of a sync) and meet network faults; after a quiet phase every install holds exactly what the
 * server holds, and every event written anywhere exists exactly once.
 *
 * Runs on the real routes in-process (`app.inject`), each run in an agency of its own so runs never see each
 * other. 25 runs per setup by default, with a fresh seed printed; PROFILENCE_PROPERTY_RUNS raises the runs,
 * PROFILENCE_PROPERTY_SEED replays a seed (tests/support/property.ts). Request time-outs are reached at once
 * (fake deadlines), so a slow machine never cuts a real request short and a hung one costs no waiting.
 * With PostgreSQL it also runs against TWO server instances sharing one database, each install's requests
 * alternating between them.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PromotionRefused } from '../../lib/store';
import type { PromotionEventType } from '../../lib/domain/promotion';
import type { SyncStep } from '../../lib/sync';
import { comparable, deleteClientDatabases, SyncClient } from './clients';
import { propertyRuns, propertySeed, replayHint } from '../support/property';
import { faultyFetch, useFakeDeadlines, type Fault } from './faults';
import { postgresMissing } from '../server/database';
import { injectFetch, startServers, type DevTokenEntry, type TestServers } from './server';

const RUNS = propertyRuns(25);
const SEED = propertySeed();
const MAX_CLIENTS = 4;
/** Agencies available to the runs, shrinking included. */
const AGENCIES = RUNS * 4 + 200;

const agencyOf = (i: number) => String(20000 + i);
const tokenOf = (agency: number, client: number) => `prop-${agency}-${client}`;
const DEV_TOKENS: Record<string, DevTokenEntry> = {};
for (let a = 0; a < AGENCIES; a++) {
  for (let c = 0; c < MAX_CLIENTS; c++) {
    DEV_TOKENS[tokenOf(a, c)] = { sub: `conseiller.${c}`, agency: agencyOf(a), name: `Conseiller ${c}` };
  }
}

const EVENT_TYPES: PromotionEventType[] = ['sent', 'note', 'followed_up', 'employer_replied', 'interview', 'declined', 'hired'];
const FAULTS: Fault[] = [
  'network-before',
  'network-after',
  '503-before',
  '503-after',
  'timeout-before',
  'timeout-after',
  'twice',
  'skip-ahead',
  { status: 401 },
  { status: 429, retryAfter: '1' },
];
const CRASH_STEPS: SyncStep[] = [
  'sync:identity',
  'push:before-send',
  'push:after-reply',
  'push:after-ack',
  'pull:after-page',
  'pull:after-apply',
];

type Command =
  | { kind: 'create'; client: number }
  | { kind: 'event'; client: number; pick: number; pitch: number; type: PromotionEventType }
  | { kind: 'update'; client: number; pick: number; pitch: number; type: PromotionEventType }
  | { kind: 'sync'; client: number }
  | { kind: 'syncTwice'; client: number }
  | { kind: 'crash'; client: number }
  | { kind: 'crashDuringSync'; client: number; step: SyncStep }
  /** A write made by the counsellor while a sync runs, at `step`. */
  | { kind: 'writeDuringSync'; client: number; step: SyncStep; pick: number; pitch: number; type: PromotionEventType }
  | { kind: 'fault'; client: number; fault: Fault };

const client = fc.nat(MAX_CLIENTS - 1);
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), client }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('event' as const), client, pick: fc.nat(50), pitch: fc.constant(0), type: fc.constantFrom(...EVENT_TYPES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('update' as const), client, pick: fc.nat(50), pitch: fc.nat(5), type: fc.constant('note' as const) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), client }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('syncTwice' as const), client }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('crash' as const), client }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('crashDuringSync' as const), client, step: fc.constantFrom(...CRASH_STEPS) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('fault' as const), client, fault: fc.constantFrom(...FAULTS) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('writeDuringSync' as const),
      client,
      step: fc.constantFrom<SyncStep>('push:after-ack', 'pull:before-fetch', 'pull:after-page'),
      pick: fc.nat(50),
      pitch: fc.nat(5),
      type: fc.constantFrom(...EVENT_TYPES),
    }),
  },
);
const scenario = fc.record({
  clients: fc.integer({ min: 2, max: MAX_CLIENTS }),
  commands: fc.array(command, { minLength: 4, maxLength: 24 }),
});

interface Setup {
  name: string;
  instances: number;
  kind: 'sqlite' | 'postgres';
}

const SETUPS: Setup[] = [
  { name: 'sqlite', instances: 1, kind: 'sqlite' },
  { name: 'postgres', instances: 1, kind: 'postgres' },
  { name: 'two instances sharing one PostgreSQL', instances: 2, kind: 'postgres' },
];

// Registered even without PostgreSQL, skipped, so the closing line counts them.
for (const setup of SETUPS) describe.skipIf(setup.kind === 'postgres' && postgresMissing())(`sync property (${setup.name})`, () => {
  let servers: TestServers;
  let nextAgency = 0;

  beforeAll(async () => {
    servers = await startServers(setup.kind, { instances: setup.instances, devTokens: DEV_TOKENS });
  });
  afterAll(async () => {
    await servers.close();
  });

  const stats = { runs: 0, commands: 0, syncs: 0, faults: 0, crashes: 0, requests: 0 };

  /** Every write still in the outbox shows in the local data: a pulled copy never hides it. */
  async function expectPendingVisible(c: SyncClient): Promise<void> {
    const rows = await c.db.outbox.orderBy('seq').toArray();
    const latest = new Map<string, unknown>();
    for (const row of rows) {
      const args = row.args as { id: string; promotionId: string; changes: Record<string, unknown> };
      if (row.name === 'promotion.create') expect(await c.db.promotions.get(args.id), 'pending create hidden').toBeDefined();
      if (row.name === 'promotion.addEvent') {
        const p = await c.db.promotions.get(args.promotionId);
        expect(p?.events.some((e) => e.id === args.id), 'pending event hidden').toBe(true);
      }
      if (row.name === 'promotion.update') for (const [k, v] of Object.entries(args.changes)) latest.set(`${args.id} ${k}`, v);
    }
    for (const [key, value] of latest) {
      const [id, field] = key.split(' ') as [string, string];
      expect((await c.db.promotions.get(id))?.[field as 'pitch'], 'pending change hidden').toEqual(value);
    }
  }

  async function runScenario({ clients: count, commands }: { clients: number; commands: Command[] }): Promise<void> {
    const agency = nextAgency++ % AGENCIES;
    const fetches = servers.apps.map(injectFetch);
    const faults = new Map<SyncClient, Fault[]>();
    const crashes = new Map<SyncClient, SyncStep>();
    const during = new Map<SyncClient, { step: SyncStep; write: () => Promise<void> }>();
    const written = { promotions: new Set<string>(), events: new Set<string>() };

    const make = (i: number) => {
      let turn = i; // each install alternates between the instances
      const wire = faultyFetch(
        (url, init) => fetches[turn++ % fetches.length]!(url, init),
        () => {
          stats.requests++;
          const fault = faults.get(installs[i]!)?.shift() ?? 'pass';
          if (fault !== 'pass') stats.faults++;
          return fault;
        },
      );
      return new SyncClient({
        token: tokenOf(agency, i),
        agencyCode: agencyOf(agency),
        counsellor: `Conseiller ${i}`,
        fetch: wire,
        timeoutMs: 250,
        random: () => 0,
        onStep: async (step, self) => {
          const planned = during.get(self);
          if (planned?.step === step) {
            during.delete(self);
            await planned.write();
          }
          if (crashes.get(self) === step) {
            crashes.delete(self);
            self.db.close();
            throw new Error(`crash at ${step}`);
          }
        },
      });
    };
    const installs: SyncClient[] = [];
    for (let i = 0; i < count; i++) installs.push(make(i));

    const sync = async (c: SyncClient) => {
      if ((await c.engine.status()).state === 'auth_required') await c.engine.credentialsChanged(); // signs in again
      stats.syncs++;
      const report = await c.sync({ force: true });
      if (String(report.error ?? '').includes('crash at')) {
        stats.crashes++;
        c.open();
      }
      await expectPendingVisible(c);
      return report;
    };

    /** Which install created each promotion: only its author edits it (lib/domain/authorship.ts; the UI hides the rest). */
    const authorOf = new Map<string, SyncClient>();

    /** An event on one of the promotions this install knows, or a descriptive change on one of its own. */
    const write = async (c: SyncClient, cmd: { kind: 'event' | 'update'; client: number; pick: number; pitch: number; type: PromotionEventType }) => {
      const known = await c.promotions();
      // A draft is its author's work in progress: colleagues record follow-ups (and notes) once it is out, so a
      // draft leaves draft only on its author's install, and the author never edits what the server sent.
      const local = known.filter((p) =>
        authorOf.get(p.id) === c ? true : cmd.kind === 'event' && (p.status !== 'draft' || cmd.type === 'note'),
      );
      if (local.length === 0) return;
      const target = local[cmd.pick % local.length]!;
      try {
        if (cmd.kind === 'update') {
          await c.updatePitch(target.id, `Argumentaire ${cmd.pitch} de ${cmd.client}`);
          return;
        }
        const updated = await c.addEvent(target.id, cmd.type);
        written.events.add(updated.events.at(-1)!.id);
      } catch (err) {
        if (!(err instanceof PromotionRefused)) throw err; // not allowed from this status: nothing written
      }
    };

    stats.runs++;
    stats.commands += commands.length;
    try {
      for (const cmd of commands) {
        const c = installs[cmd.client % count]!;
        switch (cmd.kind) {
          case 'create': {
            const p = await c.createPromotion({ pitch: `Argumentaire initial ${cmd.client}` });
            written.promotions.add(p.id);
            authorOf.set(p.id, c);
            break;
          }
          case 'event':
          case 'update':
            await write(c, cmd);
            break;
          case 'writeDuringSync':
            during.set(c, { step: cmd.step, write: () => write(c, { ...cmd, kind: cmd.pitch % 2 ? 'update' : 'event' }) });
            await sync(c);
            during.delete(c);
            break;
          case 'sync':
            await sync(c);
            break;
          case 'syncTwice':
            await Promise.all([sync(c), sync(c)]);
            break;
          case 'crash':
            c.crash();
            break;
          case 'crashDuringSync':
            crashes.set(c, cmd.step);
            await sync(c);
            crashes.delete(c);
            break;
          case 'fault':
            faults.set(c, [...(faults.get(c) ?? []), cmd.fault]);
            break;
        }
      }

      // Quiet phase: faults end, everyone syncs until nothing moves.
      faults.clear();
      crashes.clear();
      for (let round = 0; round < 6; round++) {
        const reports = [];
        for (const c of installs) reports.push(await sync(c));
        const pending = await Promise.all(installs.map((c) => c.pending()));
        if (round >= 1 && reports.every((r) => !r.error) && pending.every((n) => n === 0)) break;
      }

      const fresh = make(MAX_CLIENTS - 1);
      const report = await fresh.sync();
      expect(report.error).toBeUndefined();
      const truth = (await fresh.promotions()).map(comparable);

      expect(truth.map((p) => p.id).sort()).toEqual([...written.promotions].sort());
      const serverEvents = truth.flatMap((p) => p.events.map((e) => e.id));
      expect(serverEvents.length).toBe(new Set(serverEvents).size);
      expect(new Set(serverEvents)).toEqual(written.events);
      for (const c of installs) {
        expect(await c.pending()).toBe(0);
        expect(await c.db.rejections.count()).toBe(0);
        expect((await c.promotions()).map(comparable)).toEqual(truth);
      }
    } finally {
      await deleteClientDatabases();
    }
  }

  it(
    `converges: every install equals the server, every event once (${RUNS} runs)`,
    async () => {
      console.info(replayHint(`sync property (${setup.name})`, SEED, RUNS));
      useFakeDeadlines();
      try {
        await fc.assert(fc.asyncProperty(scenario, runScenario), { numRuns: RUNS, seed: SEED, endOnFailure: true });
      } finally {
        vi.useRealTimers();
      }
      console.info(`sync property (${setup.name}): ${JSON.stringify(stats)}`);
    },
    20 * 60_000,
  );
});
