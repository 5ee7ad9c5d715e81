/** Statements on the test PostgreSQL's maintenance database (create, copy and drop test databases). */
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/** Runs `query` on its own short connection to `url`. */
export async function onAdmin<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, query: string, values?: unknown[]): Promise<T[]> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return (await admin.query<T>(query, values)).rows;
  } finally {
    await admin.end();
  }
}

/**
 * Waits until nobody is connected to database `name`: a closed pool lets its last sockets go a moment later, and
 * dropping the database under them would kill them with an error nobody listens to.
 */
export async function waitUntilUnused(url: string, name: string, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const [row] = await onAdmin<{ n: string }>(url, 'select count(*) as n from pg_stat_activity where datname = $1', [name]);
    if (Number(row?.n ?? 0) === 0) return;
    await sleep(20); // node:timers/promises: still real when a test fakes the global setTimeout
  }
}
