import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  test: {
    // Vitest's default is one worker per core minus one: a single worker on the two-core CI machine. Most of a
    // file's time is spent waiting (PostgreSQL, a browser, a server process), so two files run side by side.
    maxWorkers: 2,
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          environment: 'node',
          // Migrates one SQLite and one PostgreSQL database per run; server tests copy them.
          globalSetup: ['tests/support/database-templates.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias: { '@': root } },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // One browser at a time: the machine has two cores. Vitest runs such a project after all the others, so
          // `npm test` starts it in a Vitest process of its own, beside the unit one.
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
