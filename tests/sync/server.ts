/**
 * Real central endpoints for the sync tests: `buildApp` on a fresh database (`freshDatabase`: SQLite, or
 * PostgreSQL when the runner started one). Several instances may share one database (scale-out).
 */
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import type { DevTokenEntry, OidcConfig, ServerConfig } from '../../server/config';
import type { FetchLike } from '../../lib/sync';
import { freshDatabase, type DatabaseKind } from '../server/database';

export type { DevTokenEntry };
export { DATABASES, describeEachDatabase, PG_URL, type DatabaseKind } from '../server/database';

export const TOKENS = {
  jeanne: 'sync-token-jeanne',
  paul: 'sync-token-paul',
  claire: 'sync-token-claire',
  karim: 'sync-token-karim',
  /** Jeanne again, after signing in anew. */
  jeanne2: 'sync-token-jeanne-2',
} as const;

const DEV_TOKENS: Record<string, DevTokenEntry> = {
  [TOKENS.jeanne]: { sub: 'jeanne.martin', agency: '69031', name: 'Jeanne MARTIN' },
  [TOKENS.jeanne2]: { sub: 'jeanne.martin', agency: '69031', name: 'Jeanne MARTIN' },
  [TOKENS.paul]: { sub: 'paul.bernard', agency: '69031', name: 'Paul BERNARD' },
  [TOKENS.claire]: { sub: 'claire.durand', agency: '69031', name: 'Claire DURAND', roles: ['manager'] },
  [TOKENS.karim]: { sub: 'karim.benali', agency: '69032', name: 'Karim BENALI' },
};

export interface TestServers {
  kind: DatabaseKind;
  /** One or more instances over the same database. */
  apps: FastifyInstance[];
  /** Base URLs when listening on loopback. */
  urls: string[];
  close(): Promise<void>;
}

export interface ServerOptions {
  instances?: number;
  /** Listen on 127.0.0.1 (port 0); otherwise use `injectFetch`. */
  listen?: boolean;
  rateLimit?: { max: number; timeWindowMs: number };
  /** More development tokens, e.g. one agency per property run. */
  devTokens?: Record<string, DevTokenEntry>;
  /** Also accept this identity provider's access tokens. */
  oidc?: OidcConfig;
}

export async function startServers(kind: DatabaseKind, options: ServerOptions = {}): Promise<TestServers> {
  const database = await freshDatabase(kind, { poolSize: 8 });
  const silent = new Writable({ write: (_c, _e, cb) => cb() });
  const config: ServerConfig = {
    host: '127.0.0.1',
    port: 0,
    database: database.config,
    auth: { devTokens: { ...DEV_TOKENS, ...options.devTokens }, oidc: options.oidc },
    rateLimit: options.rateLimit ?? { max: 1_000_000, timeWindowMs: 60_000 },
    trustProxy: false,
    log: { level: 'error', stream: silent },
    tombstoneRetentionDays: 180,
    maintenanceIntervalMs: 0,
  };
  const apps: FastifyInstance[] = [];
  const urls: string[] = [];
  try {
    for (let i = 0; i < (options.instances ?? 1); i++) {
      const app = await buildApp(config);
      apps.push(app);
      if (options.listen) urls.push(await app.listen({ host: '127.0.0.1', port: 0 }));
    }
  } catch (err) {
    await Promise.all(apps.map((a) => a.close()));
    await database.drop();
    throw err;
  }
  return {
    kind,
    apps,
    urls,
    close: async () => {
      await Promise.all(apps.map((a) => a.close()));
      await database.drop();
    },
  };
}

/** A `fetch` answered in-process by `app.inject`: the real routes, no socket (fast property runs). */
export function injectFetch(app: FastifyInstance): FetchLike {
  return async (url, init) => {
    const { pathname, search } = new URL(url);
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>));
    const res = await app.inject({
      method: (init.method ?? 'GET') as 'GET' | 'POST',
      url: pathname + search,
      headers,
      ...(init.body !== undefined ? { payload: init.body as string } : {}),
    });
    const out = new Headers();
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out.set(k, Array.isArray(v) ? v.join(', ') : String(v));
    return new Response(res.statusCode === 204 ? null : res.body, { status: res.statusCode, headers: out });
  };
}
