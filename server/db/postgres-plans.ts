/**
 * PostgreSQL's counterpart of the SQLite statement cache (database.ts): Kysely sends every query unnamed, so the
 * server parses and plans the same text again on every request. Named, a statement is parsed once per
 * connection and PostgreSQL may keep its plan (`plan_cache_mode = auto`). Only parameterised single statements
 * are named (a named statement cannot hold several commands), never one with `*` (its columns follow the table:
 * after a migration adds one, by another instance during a rolling deploy, a kept plan would fail with « cached
 * plan must not change result type »), and only the first `MAX_NAMED` distinct texts: each connection keeps every
 * statement it prepared, so the set must stay bounded. Batch inserts vary with their row count; past the bound
 * they simply go unnamed, as before.
 */
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

export const MAX_NAMED = 300;

export function reusingPlans(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  const nameOf = (text: string, parameters: readonly unknown[]): string | undefined => {
    if (parameters.length === 0 || text.includes(';') || text.includes('*')) return undefined;
    let name = names.get(text);
    if (!name && names.size < MAX_NAMED) names.set(text, (name = `pf_${names.size + 1}`));
    return name;
  };
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      return {
        // A cursor (Kysely's streaming, unused here) goes through untouched.
        query: ((text: string | object, parameters: readonly unknown[] = []) =>
          typeof text === 'string'
            ? client.query({ text, values: [...parameters], name: nameOf(text, parameters) })
            : client.query(text as never)) as unknown as PostgresPoolClient['query'],
        release: (destroy?: boolean) => client.release(destroy),
      };
    },
    end: () => pool.end(),
  };
}
