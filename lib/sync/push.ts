/**
 * Push: the outbox leaves in `seq` order, in batches of at most 100 mutations and 256 KB. A batch that got
 * no acknowledgement is sent again as it was; the server answers `duplicate` for what it already applied.
 */
import { MAX_BATCH_BYTES, MAX_BATCH_MUTATIONS, SCHEMA_VERSION, type PushResponse } from '../domain/sync';
import type { OutboxRow, ProfilenceDb } from '../store/db';
import { getMeta, META_KEYS, setMeta } from '../store/meta';
import { acknowledge } from '../store/outbox';
import { SyncError, isSyncError } from './errors';
import { mutationTarget } from '../domain/mutations';
import { SYNC_META, type InFlightBatch, type StoredCursor } from './keys';
import { startFullDownload } from './pull';
import type { SyncTransport } from './transport';

export type PushStep = 'push:before-send' | 'push:after-reply' | 'push:after-ack';

export interface PushContext {
  db: ProfilenceDb;
  transport: SyncTransport;
  clientId: string;
  now: () => Date;
  step?: (step: PushStep) => void | Promise<void>;
  /** Safety stops: a server that keeps answering 409 or 413 does not keep the engine busy forever. */
  maxRounds?: number;
}

export interface PushOutcome {
  batches: number;
  applied: number;
  duplicates: number;
  rejected: number;
}

const encoder = new TextEncoder();
const bytes = (value: unknown) => encoder.encode(JSON.stringify(value)).length;

/** As many of `rows` (oldest first) as fit in one request: ≤ 100 mutations and ≤ 256 KB of body. */
export function fitBatch(rows: readonly OutboxRow[], clientId: string): OutboxRow[] {
  let used = bytes({ clientId, schemaVersion: SCHEMA_VERSION, mutations: [] });
  const batch: OutboxRow[] = [];
  for (const row of rows) {
    if (batch.length >= MAX_BATCH_MUTATIONS) break;
    const size = bytes(toWire(row)) + (batch.length ? 1 : 0);
    // A single row larger than the limit still goes alone: the server's 413 then reports it.
    if (batch.length && used + size > MAX_BATCH_BYTES) break;
    batch.push(row);
    used += size;
  }
  return batch;
}

const toWire = ({ seq, id, name, args, clientTs }: OutboxRow) => ({ seq, id, name, args, clientTs });

/** The batch to send: the unacknowledged one if any (resent as it was), else the next rows that fit. */
export async function nextBatch(db: ProfilenceDb, clientId: string): Promise<OutboxRow[]> {
  const inFlight = await getMeta<InFlightBatch | null>(db, SYNC_META.inFlight);
  if (inFlight) {
    const again = await db.outbox.where('seq').between(inFlight.from, inFlight.to, true, true).toArray();
    if (again.length) return again;
  }
  const batch = fitBatch(await db.outbox.orderBy('seq').limit(MAX_BATCH_MUTATIONS).toArray(), clientId);
  await setMeta(db, SYNC_META.inFlight, batch.length ? { from: batch[0]!.seq, to: batch.at(-1)!.seq } : null);
  return batch;
}

/**
 * `409 { expectedSeq }`. Rows below it were applied by the server (their acknowledgement was lost): they
 * leave the outbox. Rows numbered above a server that forgot some (restored from a backup) are renumbered
 * from `expectedSeq` (the server recognises a resent record by its id, so nothing is applied twice) and the
 * scope is downloaded again.
 */
export async function resumeFrom(db: ProfilenceDb, expectedSeq: number, now: Date): Promise<void> {
  await db.transaction('rw', db.outbox, db.rejections, db.meta, async () => {
    const first = (await db.outbox.orderBy('seq').first())?.seq;
    await setMeta(db, SYNC_META.inFlight, null);
    if (first === undefined || first === expectedSeq) return;
    if (first < expectedSeq) {
      await acknowledge(db, expectedSeq - 1, [], now);
      return;
    }
    const rows = await db.outbox.orderBy('seq').toArray();
    await db.outbox.clear();
    await db.outbox.bulkAdd(rows.map((row, i) => ({ ...row, seq: expectedSeq + i })));
    await setMeta(db, META_KEYS.outboxSeq, expectedSeq + rows.length - 1);
    // A server that forgot acknowledged writes was restored: the pull cursor means nothing to it any more.
    const stored = await getMeta<StoredCursor>(db, SYNC_META.cursor);
    if (stored) await startFullDownload(db, stored.scope);
  });
}

/** Halves the unacknowledged batch after a 413. */
async function split(db: ProfilenceDb, batch: readonly OutboxRow[]): Promise<void> {
  const half = batch.slice(0, Math.ceil(batch.length / 2));
  await setMeta(db, SYNC_META.inFlight, { from: half[0]!.seq, to: half.at(-1)!.seq });
}

/**
 * Acknowledges a reply. The targets of refused mutations, and of `duplicate` ones (whose first answer, maybe
 * a refusal, was lost), are noted: the next complete pull tells which of them the server really kept.
 */
async function acknowledgeReply(ctx: PushContext, batch: readonly OutboxRow[], reply: PushResponse): Promise<number> {
  const { db } = ctx;
  const bySeq = new Map(batch.map((row) => [row.seq, row]));
  const doubtful = reply.results
    .filter((r) => r.status !== 'applied')
    .map((r) => bySeq.get(r.seq))
    .map((row) => row && mutationTarget(row)?.id)
    .filter((id): id is string => id !== undefined);
  return db.transaction('rw', db.outbox, db.rejections, db.meta, async () => {
    const { rejected } = await acknowledge(db, reply.lastSeq, reply.results, ctx.now());
    await setMeta(db, SYNC_META.inFlight, null);
    if (doubtful.length) {
      const known = (await getMeta<string[]>(db, SYNC_META.unconfirmed)) ?? [];
      await setMeta(db, SYNC_META.unconfirmed, [...new Set([...known, ...doubtful])]);
    }
    return rejected;
  });
}

export async function pushOutbox(ctx: PushContext): Promise<PushOutcome> {
  const { db, transport, clientId } = ctx;
  const outcome: PushOutcome = { batches: 0, applied: 0, duplicates: 0, rejected: 0 };
  const maxRounds = ctx.maxRounds ?? 8;
  let gaps = 0;
  let splits = 0;
  for (;;) {
    const batch = await nextBatch(db, clientId);
    if (batch.length === 0) return outcome;
    await ctx.step?.('push:before-send');
    let reply: PushResponse;
    try {
      reply = await transport.push({ clientId, schemaVersion: SCHEMA_VERSION, mutations: batch.map(toWire) });
    } catch (err) {
      if (isSyncError(err) && err.kind === 'sequence_gap' && err.details.expectedSeq !== undefined && ++gaps <= maxRounds) {
        await resumeFrom(db, err.details.expectedSeq, ctx.now());
        continue;
      }
      if (isSyncError(err) && err.kind === 'too_large' && batch.length > 1 && ++splits <= maxRounds) {
        await split(db, batch);
        continue;
      }
      throw err;
    }
    await ctx.step?.('push:after-reply');
    const last = batch.at(-1)!.seq;
    if (reply.lastSeq < last) {
      throw new SyncError('server', 'Accusé de réception incomplet du serveur : nouvel essai dans quelques instants.');
    }
    outcome.batches++;
    for (const r of reply.results) {
      if (r.status === 'applied') outcome.applied++;
      else if (r.status === 'duplicate') outcome.duplicates++;
    }
    outcome.rejected += await acknowledgeReply(ctx, batch, reply);
    await ctx.step?.('push:after-ack');
  }
}
