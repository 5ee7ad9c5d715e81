/** A fresh database for a benchmark or load test, on the test PostgreSQL or on a throwaway cluster. */
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

export interface Postgres {
  url: string;
  drop(): Promise<void>;
}

/** Null when PostgreSQL is not installed. `prefix` names the database (`bench_1a2b3c4d`). */
export async function freshPostgres(prefix = 'bench'): Promise<Postgres | null> {
  let baseUrl = process.env.PROFILENCE_TEST_DATABASE_URL;
  let stopCluster: (() => void) | undefined;
  if (!baseUrl) {
    const { startTestPostgres } = (await import(pathToFileURL(join(ROOT, 'scripts/postgres.mjs')).href)) as {
      startTestPostgres(): Promise<{ url: string; stop(): void } | null>;
    };
    const started = await startTestPostgres().catch(() => null);
    if (!started) return null;
    baseUrl = started.url;
    stopCluster = started.stop;
  }
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      stopCluster?.();
    },
  };
}
