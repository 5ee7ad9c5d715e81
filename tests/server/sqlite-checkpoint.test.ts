/**
 * SQLite's checkpoints run beside the requests (server/db/sqlite-checkpointer.ts): what a push committed reaches
 * the database file itself within a second, while the server keeps running, and nothing waits for it.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, migrateToLatest } from '../../server/db/database';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The audit rows a copy of the database file alone holds, without its WAL (none while even the table is only in the WAL; -1 for a torn copy). */
function auditRowsInFileAlone(file: string, dir: string): number {
  const copy = join(dir, 'copy.sqlite');
  for (const stale of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(stale, { force: true });
  copyFileSync(file, copy);
  const reader = new SqliteDatabase(copy);
  try {
    const table = reader.prepare("select 1 from sqlite_master where name = 'audit_log'").get();
    return table ? (reader.prepare('select count(*) as n from audit_log').get() as { n: number }).n : 0;
  } catch (err) {
    // Copied while a checkpoint was writing the file: a torn copy, read again at the next try.
    if ((err as { code?: string }).code === 'SQLITE_CORRUPT') return -1;
    throw err;
  } finally {
    reader.close();
  }
}

describe('SQLite checkpoints', () => {
  it('copies committed writes into the database file while the server keeps its connection open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'profilence-checkpoint-'));
    dirs.push(dir);
    const file = join(dir, 'profilence.sqlite');
    const warnings: string[] = [];
    const { db } = createDatabase({ kind: 'sqlite', file }, (message) => warnings.push(message));
    try {
      await migrateToLatest(db);
      for (let i = 0; i < 50; i++) {
        await sql`insert into audit_log (id, at, sub, agency_code, action, scope, count, details) values (${`a${i}`}, ${new Date().toISOString()}, 'jeanne.martin', '69031', 'pull', 'agency:69031', 1, '{}')`.execute(db);
      }
      // Committed, but only in the WAL until a checkpoint: far below SQLite's own automatic threshold.
      let inFile = auditRowsInFileAlone(file, dir);
      for (let waited = 0; inFile < 50 && waited < 5000; waited += 100) {
        await new Promise((r) => setTimeout(r, 100));
        inFile = auditRowsInFileAlone(file, dir);
      }
      expect(inFile).toBe(50);
      expect(warnings).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});
