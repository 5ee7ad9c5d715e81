/**
 * Builds the app on a fresh database: a SQLite file in a temp folder, and, when the test runner started a
 * throwaway PostgreSQL (PROFILENCE_TEST_DATABASE_URL), a freshly created database dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../server/app';
import type { DatabaseConfig, DevTokenEntry, ServerConfig } from '../../server/config';

export type DatabaseKind = 'sqlite' | 'postgres';

const PG_URL = process.env.PROFILENCE_TEST_DATABASE_URL;
export const DATABASES: DatabaseKind[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export const TOKENS = {
  jeanne: 'test-token-jeanne',
  paul: 'test-token-paul',
  manager: 'test-token-manager',
  villeurbanne: 'test-token-villeurbanne',
} as const;

export const DEV_TOKENS: Record<string, DevTokenEntry> = {
  [TOKENS.jeanne]: { sub: 'jeanne.martin', agency: '69031', name: 'Jeanne MARTIN' },
  [TOKENS.paul]: { sub: 'paul.bernard', agency: '69031', name: 'Paul BERNARD' },
  [TOKENS.manager]: { sub: 'claire.durand', agency: '69031', name: 'Claire DURAND', roles: ['manager'] },
  [TOKENS.villeurbanne]: { sub: 'karim.benali', agency: '69032', name: 'Karim BENALI' },
};

export interface Harness {
  app: FastifyInstance;
  kind: DatabaseKind;
  /** Log lines written by the app (JSON strings), for checks on warnings and redaction. */
  logs: string[];
  close(): Promise<void>;
}

export async function freshDatabase(kind: DatabaseKind): Promise<{ config: DatabaseConfig; drop(): Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'profilence-server-'));
    return {
      config: { kind: 'sqlite', file: join(dir, 'test.sqlite') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (!PG_URL) throw new Error('PROFILENCE_TEST_DATABASE_URL absent');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    config: { kind: 'postgres', url: url.toString(), poolSize: 10 },
    drop: async () => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export type ConfigOverrides = Partial<Omit<ServerConfig, 'database' | 'log'>> & { logLevel?: string };

export async function startHarness(kind: DatabaseKind, overrides: ConfigOverrides = {}): Promise<Harness> {
  const database = await freshDatabase(kind);
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  const { logLevel, ...rest } = overrides;
  const config: ServerConfig = {
    host: '127.0.0.1',
    port: 0,
    database: database.config,
    auth: { devTokens: DEV_TOKENS },
    rateLimit: { max: 100_000, timeWindowMs: 60_000 },
    trustProxy: false,
    log: { level: logLevel ?? 'warn', stream },
    tombstoneRetentionDays: 180,
    maintenanceIntervalMs: 0,
    ...rest,
  };
  let app: FastifyInstance;
  try {
    app = await buildApp(config);
  } catch (err) {
    await database.drop();
    throw err;
  }
  return {
    app,
    kind,
    logs,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
