// @vitest-environment node
/**
 * `bench/load.ts` for 10 s (the server in its own process, 20 installs pulling and pushing at 500 req/s): every
 * request answered, no 5xx, no refused mutation, no error logged by the server. Speed is printed, not asserted.
 * On PostgreSQL too when the runner started one (PROFILENCE_TEST_DATABASE_URL).
 */
import { describe, expect, it } from 'vitest';
import { runLoad } from '../../bench/load';

const DATABASES = process.env.PROFILENCE_TEST_DATABASE_URL ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

describe('central endpoint under load', () => {
  it(
    `serves 10 s of mixed pull and push at 500 req/s on ${DATABASES.join(' and ')} without an error or a 5xx`,
    async () => {
      const results = await runLoad({ durationS: 10, databases: [...DATABASES], log: (line) => console.log(line) });
      expect(results.map((r) => r.database)).toEqual(DATABASES.map((d) => (d === 'sqlite' ? 'SQLite' : 'PostgreSQL')));
      for (const r of results) {
        expect(r.requests, r.database).toBeGreaterThan(500);
        expect(r.pushes, r.database).toBeGreaterThan(50);
        expect(r.mutationsApplied, r.database).toBeGreaterThan(50);
        expect({ errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, status5xx: r.status5xx, refused: r.mutationsRefused }, r.database).toEqual({
          errors: 0,
          timeouts: 0,
          non2xx: 0,
          status5xx: 0,
          refused: 0,
        });
        expect(r.serverErrors, r.database).toEqual([]);
      }
    },
    240_000,
  );
});
