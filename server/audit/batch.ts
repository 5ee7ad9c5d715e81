/**
 * Audit rows for reads, written in batches: a pull is answered only once its row is committed (the log says who
 * read how much before the data leaves), but the rows of the pulls that arrive while one insert runs go together
 * in the next one — one write per batch instead of one per pull (group commit).
 */
import type { AuditLogTable, Db } from '../db/schema';
import { auditRow, type AuditEntry } from './log';

/** Rows per insert at most: well under SQLite's and PostgreSQL's parameter limits (8 columns each). */
const MAX_BATCH = 100;

interface Waiting {
  row: AuditLogTable;
  done: (err?: unknown) => void;
}

export type AuditWriter = (entry: AuditEntry) => Promise<void>;

export function batchedAudit(db: Db): AuditWriter {
  let waiting: Waiting[] = [];
  let writing = false;

  const write = async () => {
    writing = true;
    while (waiting.length) {
      const batch = waiting.slice(0, MAX_BATCH);
      waiting = waiting.slice(batch.length);
      try {
        await db.insertInto('audit_log').values(batch.map((w) => w.row)).execute();
        for (const w of batch) w.done();
      } catch (err) {
        // Every pull of the failed batch fails too: none is answered without its audit row.
        for (const w of batch) w.done(err);
      }
    }
    writing = false;
  };

  return (entry) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({
        row: auditRow(entry),
        done: (err) => (err === undefined ? resolve() : reject(err)),
      });
      if (!writing) void write();
    });
}
