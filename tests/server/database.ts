/**
 * The one way server tests get a database: a SQLite file in a temp folder, or a freshly created PostgreSQL
 * database (on the server the runner started, PROFILENCE_TEST_DATABASE_URL) dropped afterwards. Both are copies
 * of the templates migrated once per run (tests/support/database-templates.ts) when the run has them.
 * Without PostgreSQL its cases are registered and skipped, so the closing line counts them; in CI they fail.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, inject } from 'vitest';
import type { DatabaseConfig } from '../../server/config';
import { onAdmin, waitUntilUnused } from '../support/postgres-admin';
import { missingTool } from '../support/tools';

export type DatabaseKind = 'sqlite' | 'postgres';
export const PG_URL = process.env.PROFILENCE_TEST_DATABASE_URL;
export const DATABASES: readonly DatabaseKind[] = ['sqlite', 'postgres'];

/** Why the PostgreSQL cases cannot run here (null when they can); throws in CI. */
export function postgresMissing(): string | null {
  return missingTool('PostgreSQL (PROFILENCE_TEST_DATABASE_URL, npm test en démarre un)', Boolean(PG_URL));
}

/**
 * `describe.each(DATABASES)` that registers the PostgreSQL suite even without PostgreSQL, skipped.
 * `name` may hold `%s` for the database kind.
 */
export function describeEachDatabase(name: string, body: (kind: DatabaseKind) => void): void {
  for (const kind of DATABASES) {
    const title = name.includes('%s') ? name.replace('%s', kind) : `${name} (${kind})`;
    describe.skipIf(kind === 'postgres' && postgresMissing())(title, () => body(kind));
  }
}

export interface FreshDatabase {
  config: DatabaseConfig;
  drop(): Promise<void>;
}

/** A new PostgreSQL database, a copy of the run's migrated template when there is one. */
async function createPostgres(adminUrl: string, unmigrated = false): Promise<string> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const template = unmigrated ? undefined : inject('postgresTemplate');
  await onAdmin(adminUrl, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  return name;
}

async function dropPostgres(adminUrl: string, name: string): Promise<void> {
  await waitUntilUnused(adminUrl, name);
  await onAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

// PostgreSQL creates and drops while the tests run: the next database is copied during the current test, and a
// dropped one goes in the background; the file's last hook waits for both.
let spare: Promise<string> | undefined;
const dropping = new Set<Promise<void>>();
afterAll(async () => {
  await Promise.allSettled(dropping);
  const unused = spare;
  spare = undefined;
  if (unused && PG_URL) await dropPostgres(PG_URL, await unused);
});

/**
 * An empty database of this kind, already migrated when the run has templates (`unmigrated`: never, for tests of
 * the migrations themselves); `drop()` deletes it.
 */
export async function freshDatabase(
  kind: DatabaseKind,
  options: { poolSize?: number; unmigrated?: boolean } = {},
): Promise<FreshDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'profilence-test-db-'));
    const file = join(dir, 'test.sqlite');
    const template = options.unmigrated ? undefined : inject('sqliteTemplate');
    if (template) copyFileSync(template, file);
    return { config: { kind: 'sqlite', file }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const adminUrl = PG_URL;
  if (!adminUrl) throw new Error('PostgreSQL absent : PROFILENCE_TEST_DATABASE_URL non défini (npm test démarre un PostgreSQL jetable).');
  let name: string;
  if (options.unmigrated) name = await createPostgres(adminUrl, true);
  else {
    name = await (spare ?? createPostgres(adminUrl));
    spare = createPostgres(adminUrl);
    spare.catch(() => {}); // a failure shows when the next test awaits it
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    config: { kind: 'postgres', url: url.toString(), poolSize: options.poolSize ?? 10 },
    drop: async () => {
      const dropped = dropPostgres(adminUrl, name)
        .catch((err: Error) => console.warn(`Base de test ${name} non supprimée : ${err.message}`))
        .finally(() => dropping.delete(dropped));
      dropping.add(dropped);
    },
  };
}
