/** The app over a database the test prepared itself (the harness makes its own), with the harness's tokens. */
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import type { DatabaseConfig } from '../../server/config';
import type { HttpTimeouts } from '../../server/http/timeouts';
import { DEV_TOKENS } from './harness';

export function appOn(database: DatabaseConfig, timeouts: Partial<HttpTimeouts> = {}): Promise<FastifyInstance> {
  return buildApp(
    {
      host: '127.0.0.1',
      port: 0,
      database,
      auth: { devTokens: DEV_TOKENS },
      rateLimit: { max: 100_000, timeWindowMs: 60_000 },
      trustProxy: false,
      log: { level: 'warn', stream: new Writable({ write: (_chunk, _encoding, done) => done() }) },
      tombstoneRetentionDays: 180,
      maintenanceIntervalMs: 0,
    },
    timeouts,
  );
}
