// `npm test`: builds the extension, starts a throwaway PostgreSQL when one is installed,
// runs every Vitest project (unit, server, end-to-end) and ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestPostgres } from './postgres.mjs';

const extraArgs = process.argv.slice(2);
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

// Test builds keep the e2e clock hook (`debug.setClock`); `npm run build` / `npm start` builds never do.
if (run('npx', ['wxt', 'build'], { WXT_PROFILENCE_TEST_HOOKS: '1' }) !== 0) {
  console.error("La construction de l'extension a échoué.");
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const pg = await startTestPostgres().catch((err) => {
  console.warn(`PostgreSQL de test non démarré : ${err.message}`);
  return null;
});
if (!pg) console.warn('PostgreSQL absent : les tests PostgreSQL seront ignorés (apt-get install postgresql).');
const stopAll = () => pg?.stop();
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => (stopAll(), process.exit(130)));

const reportDir = mkdtempSync(join(tmpdir(), 'profilence-report-'));
const reportFile = join(reportDir, 'vitest.json');
let status;
try {
  status = run(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...extraArgs],
    pg ? { PROFILENCE_TEST_DATABASE_URL: pg.url } : {},
  );
} finally {
  stopAll();
}

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  skipped = report.numPendingTests + report.numTodoTests;
  // A file that failed to load counts as a failure even when it declared no test.
  for (const file of report.testResults ?? []) if (file.status === 'failed' && file.assertionResults.length === 0) failed++;
} catch {
  failed = Math.max(failed, 1);
}
rmSync(reportDir, { recursive: true, force: true });
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
