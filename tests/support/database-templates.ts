/**
 * Vitest global setup: migrates one empty database of each kind once per run (the migrations are tested there),
 * and hands their names to the workers; `freshDatabase` then copies a template instead of migrating again for
 * every test (a PostgreSQL migration takes seconds on a busy two-core machine, a copy tenths of one).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDatabase, migrateToLatest } from '../../server/db/database';
import type { DatabaseConfig } from '../../server/config';
import { onAdmin, waitUntilUnused } from './postgres-admin';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated SQLite file to copy. */
    sqliteTemplate: string;
    /** A migrated PostgreSQL database to create test databases from; null without PostgreSQL. */
    postgresTemplate: string | null;
  }
}

async function migrate(config: DatabaseConfig): Promise<void> {
  const { db } = createDatabase(config);
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'profilence-template-'));
  const sqliteTemplate = join(dir, 'template.sqlite');
  await migrate({ kind: 'sqlite', file: sqliteTemplate });
  project.provide('sqliteTemplate', sqliteTemplate);

  const url = process.env.PROFILENCE_TEST_DATABASE_URL;
  let postgresTemplate: string | null = null;
  if (url) {
    postgresTemplate = `tpl_${randomBytes(6).toString('hex')}`;
    await onAdmin(url, `CREATE DATABASE ${postgresTemplate}`);
    const target = new URL(url);
    target.pathname = `/${postgresTemplate}`;
    await migrate({ kind: 'postgres', url: target.toString(), poolSize: 1 });
    await waitUntilUnused(url, postgresTemplate);
  }
  project.provide('postgresTemplate', postgresTemplate);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (url && postgresTemplate) await onAdmin(url, `DROP DATABASE IF EXISTS ${postgresTemplate} WITH (FORCE)`);
  };
}
