/** Builds the app on a fresh database (`freshDatabase`): SQLite, and PostgreSQL when the runner started one. */
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import type { DevTokenEntry, ServerConfig } from '../../server/config';
import { freshDatabase, type DatabaseKind } from './database';

export { DATABASES, describeEachDatabase, freshDatabase, type DatabaseKind } from './database';

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
