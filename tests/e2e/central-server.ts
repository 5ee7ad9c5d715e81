/**
 * The central endpoint an e2e file syncs with: the real server on a SQLite file in a temporary folder (the tests read
 * its rows: server-rows.ts), on a free port of 127.0.0.1, with the settings of a quiet test run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import type { ServerConfig } from '../../server/config';

export interface CentralServer {
  app: FastifyInstance;
  url: string;
  /** Holds `profilence.sqlite`. */
  dataDir: string;
  close(): Promise<void>;
}

export async function startCentralServer(
  name: string,
  auth: ServerConfig['auth'],
  more: Pick<Partial<ServerConfig>, 'extensionOrigins'> = {},
): Promise<CentralServer> {
  const dataDir = mkdtempSync(join(tmpdir(), `profilence-${name}-`));
  const app = await buildApp({
    host: '127.0.0.1',
    port: 0,
    database: { kind: 'sqlite', file: join(dataDir, 'profilence.sqlite') },
    auth,
    rateLimit: { max: 100_000, timeWindowMs: 60_000 },
    trustProxy: false,
    log: { level: 'warn' },
    tombstoneRetentionDays: 180,
    maintenanceIntervalMs: 0,
    ...more,
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    url,
    dataDir,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
