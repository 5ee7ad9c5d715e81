/** One query layer (Kysely) over SQLite (default, one machine) or PostgreSQL (several API instances). */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import { migrations } from './migrations/index';
import { reusingPlans } from './postgres-plans';
import { SAFETY_AUTOCHECKPOINT_PAGES, startCheckpointer } from './sqlite-checkpointer';
import type { DatabaseSchema, Db, Dialect } from './schema';

export interface OpenDatabase {
  db: Db;
  dialect: Dialect;
}

const INT8_OID = 20;

/** `onCheckpointError`: SQLite only, a background checkpoint that failed (server/db/sqlite-checkpointer.ts). */
export function createDatabase(config: DatabaseConfig, onCheckpointError?: (message: string) => void): OpenDatabase {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: config.poolSize,
      // An unreachable database fails fast (health answers 503) instead of hanging requests.
      connectionTimeoutMillis: 5000,
      // Versions and sequence numbers are bigint columns: read them as numbers (they stay far below 2^53).
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    return { db: new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool: reusingPlans(pool) }) }), dialect: 'postgres' };
  }
  mkdirSync(dirname(config.file), { recursive: true });
  const sqlite = new SqliteDatabase(config.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  // Reads through the OS page cache instead of copying each page into SQLite's own (bench/server.ts).
  sqlite.pragma('mmap_size = 268435456');
  sqlite.pragma(`wal_autocheckpoint = ${SAFETY_AUTOCHECKPOINT_PAGES}`);
  const checkpointer = startCheckpointer(config.file, onCheckpointError);
  // Kysely's SQLite driver holds its single connection for a whole transaction: transactions never interleave.
  const database = reusingStatements(sqlite, () => checkpointer.stop());
  return { db: new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database }) }), dialect: 'sqlite' };
}

/** Statements kept per SQL text (least recently used dropped past this many). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every query it runs; preparing cost as much as running a 100-row pull
 * (server/README.md, performance). The same SQL text now reuses its statement. Safe because the driver runs one
 * query at a time on its single connection and never leaves a statement half-iterated (no streaming here).
 */
function reusingStatements(sqlite: SqliteDatabase.Database, beforeClose: () => void): { prepare(sql: string): SqliteDatabase.Statement; close(): void } {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    prepare(text) {
      let statement = statements.get(text);
      if (statement) {
        statements.delete(text); // re-inserted last: the map's order is the recency order
      } else {
        statement = sqlite.prepare(text);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
      }
      statements.set(text, statement);
      return statement;
    },
    close: () => {
      beforeClose();
      sqlite.close();
    },
  };
}

export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(`Migration de la base impossible${failed ? ` (${failed.migrationName})` : ''} : ${reason}`);
  }
}

export async function isReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
