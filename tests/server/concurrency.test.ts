// @vitest-environment node
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { PushResponse } from '../../lib/domain/sync';
import { addEvent, create, makeEvent, makePromotion, postPush, pullAll, TestClient, type MutationInput } from './fixtures';
import { describeEachDatabase, startHarness, TOKENS, type Harness } from './harness';

describeEachDatabase('version counter under concurrent pushes on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(kind);
  });
  afterEach(async () => {
    await h.close();
  });

  it('gives strictly increasing versions without gaps, each mutation applied exactly once', async () => {
    const clients = [
      new TestClient(h.app, TOKENS.jeanne),
      new TestClient(h.app, TOKENS.paul),
      new TestClient(h.app, TOKENS.manager),
      new TestClient(h.app, TOKENS.jeanne), // a second install of the same counsellor
    ];
    const batchesPerClient = 12;
    const perBatch = 5;
    const expectedIds = new Set<string>();
    const results: PushResponse[] = [];

    // Each client sends its batches in order, every one twice at once (a resend racing the original);
    // the four clients run side by side.
    await Promise.all(
      clients.map(async (client) => {
        for (let b = 0; b < batchesPerClient; b++) {
          const mutations: MutationInput[] = Array.from({ length: perBatch }, () => {
            const p = makePromotion();
            expectedIds.add(p.id);
            return create(p);
          });
          const body = client.batch(mutations);
          const replies = await Promise.all([postPush(h.app, client.token, body), postPush(h.app, client.token, body)]);
          for (const r of replies) {
            expect(r.statusCode, r.body).toBe(200);
            results.push(r.json());
          }
        }
      }),
    );

    const applied = results.flatMap((r) => r.results).filter((r) => r.status === 'applied');
    expect(applied).toHaveLength(clients.length * batchesPerClient * perBatch);

    const { changes } = await pullAll(h.app, TOKENS.paul, 'agency:69031', 37);
    expect(changes).toHaveLength(expectedIds.size);
    expect(new Set(changes.map((c) => c.id))).toEqual(expectedIds);
    expect(changes.map((c) => c.version)).toEqual(Array.from({ length: expectedIds.size }, (_, i) => i + 1));
  });

  it('never loses an event added concurrently to the same promotion', async () => {
    const owner = new TestClient(h.app, TOKENS.jeanne);
    const promotion = makePromotion();
    await owner.push([create(promotion)]);
    const writers = [TOKENS.jeanne, TOKENS.paul, TOKENS.manager, TOKENS.paul].map((t) => new TestClient(h.app, t));
    const events = writers.map(() => Array.from({ length: 10 }, () => makeEvent(promotion.id, { type: 'note', note: 'Relance' })));
    await Promise.all(
      writers.map(async (writer, i) => {
        for (const event of events[i]!) await writer.push([addEvent(event)]);
      }),
    );
    const { changes } = await pullAll(h.app, TOKENS.jeanne);
    const data = changes[0]!.data as { events: { id: string; version: number }[] };
    expect(data.events).toHaveLength(40);
    expect(new Set(data.events.map((e) => e.id)).size).toBe(40);
    expect(data.events.map((e) => e.version)).toEqual(Array.from({ length: 40 }, (_, i) => i + 2));
    expect(changes[0]!.version).toBe(41);
  });
});
