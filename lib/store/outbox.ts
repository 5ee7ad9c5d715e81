/**
 * The outbox: mutations waiting for the central endpoint, written in the same transaction as the
 * change they describe, so a change is never kept without being sent nor sent without being kept.
 */
import { uuidv7 } from '../domain/ids';
import { mutationSchema, type MutationName, type PushResponse } from '../domain/sync';
import type { OutboxRow, ProfilenceDb, RejectionRow } from './db';
import { getMeta, META_KEYS, setMeta } from './meta';
import { describeIssues, InvalidRecord } from './validation';

/**
 * Appends a mutation. Call it inside a transaction over `outbox` and `meta` together with the write
 * it describes. `seq` comes from a counter kept in `meta`, not from IndexedDB's key generator:
 * the protocol needs 1, 2, 3… without gaps, and key generators are not reliably rolled back when
 * a transaction aborts.
 */
export async function enqueue(db: ProfilenceDb, name: MutationName, args: unknown, now: Date = new Date()): Promise<OutboxRow> {
  const counter = (await getMeta<number>(db, META_KEYS.outboxSeq)) ?? 0;
  const lastRow = await db.outbox.orderBy('seq').last();
  const seq = Math.max(counter, lastRow?.seq ?? 0) + 1;
  const candidate = { seq, id: uuidv7(now.getTime()), name, args, clientTs: now.toISOString() };
  const parsed = mutationSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new InvalidRecord(`Modification non enregistrée : ${describeIssues(parsed.error)}`);
  }
  const row: OutboxRow = { ...candidate, args: parsed.data.args };
  await db.outbox.add(row);
  await setMeta(db, META_KEYS.outboxSeq, seq);
  return row;
}

/** The oldest pending mutations, in `seq` order. */
export async function pendingMutations(db: ProfilenceDb, limit = 100): Promise<OutboxRow[]> {
  return db.outbox.orderBy('seq').limit(limit).toArray();
}

export async function pendingCount(db: ProfilenceDb): Promise<number> {
  return db.outbox.count();
}

/**
 * Applies the endpoint's reply: rows with `seq ≤ lastSeq` leave the outbox; those it rejected are
 * kept in `rejections` with their code, in the same transaction.
 */
export async function acknowledge(
  db: ProfilenceDb,
  lastSeq: number,
  results: PushResponse['results'],
  now: Date = new Date(),
): Promise<{ removed: number; rejected: number }> {
  return db.transaction('rw', db.outbox, db.rejections, async () => {
    const done = await db.outbox.where('seq').belowOrEqual(lastSeq).toArray();
    const bySeq = new Map(done.map((row) => [row.seq, row]));
    const rejections: RejectionRow[] = [];
    for (const result of results) {
      const row = bySeq.get(result.seq);
      if (result.status !== 'rejected' || !row) continue;
      rejections.push({ ...row, code: result.code, message: result.message, rejectedAt: now.toISOString() });
    }
    if (rejections.length) await db.rejections.bulkPut(rejections);
    await db.outbox.bulkDelete(done.map((row) => row.seq));
    return { removed: done.length, rejected: rejections.length };
  });
}

/** Refused mutations, most recent first. */
export async function listRejections(db: ProfilenceDb): Promise<RejectionRow[]> {
  return db.rejections.orderBy('rejectedAt').reverse().toArray();
}

/** The counsellor has read a refusal and dismisses it. */
export async function dismissRejection(db: ProfilenceDb, seq: number): Promise<void> {
  await db.rejections.delete(seq);
}
