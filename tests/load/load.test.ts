// @vitest-environment node
/**
 * `bench/load.ts` for 5 s per database (the server in its own process, 20 installs pulling and pushing at 500 req/s):
 * every request answered, no 5xx, no refused mutation, no error logged by the server. Speed is printed, not asserted
 * (`npm run bench:load` measures it for 60 s). On PostgreSQL too when the runner started one, skipped and counted
 * otherwise.
 */
import { expect, it } from 'vitest';
import { runLoad } from '../../bench/load';
import { describeEachDatabase } from '../server/database';

const DURATION_S = 5;

describeEachDatabase('central endpoint under load on %s', (kind) => {
  it(
    `serves ${DURATION_S} s of mixed pull and push at 500 req/s without an error or a 5xx`,
    async () => {
      const results = await runLoad({ durationS: DURATION_S, databases: [kind], log: (line) => console.log(line) });
      expect(results.map((r) => r.database)).toEqual([kind === 'sqlite' ? 'SQLite' : 'PostgreSQL']);
      for (const r of results) {
        // The load really ran and wrote (how fast is the benchmark's business, not a test's).
        expect(r.requests, r.database).toBeGreaterThan(50);
        expect(r.pushes, r.database).toBeGreaterThan(10);
        expect(r.mutationsApplied, r.database).toBeGreaterThan(10);
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
