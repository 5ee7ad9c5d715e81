// `npm test`: builds the extension while a throwaway PostgreSQL starts, runs every Vitest project (unit and server
// on SQLite and PostgreSQL, end-to-end in Chromium), prints the slowest files, and ends with exactly one line
// "N passed, N failed, N skipped". Tests that need a missing tool are skipped and counted; with CI=true a missing
// tool is a failure instead.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { startTestPostgres } from './postgres.mjs';

const IN_CI = process.env.CI === 'true';
const extraArgs = process.argv.slice(2);
const run = (cmd, args, env = {}) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(1));
  });
const closingLine = (passed, failed, skipped) => console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);

/** In CI every tool must be there: each missing one is a failure (outside CI its tests are skipped, and counted). */
function missingInCi(pg) {
  if (!IN_CI) return [];
  const tools = [
    ['Chromium', process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'],
    ['Firefox ESR', process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'],
  ];
  const missing = tools.filter(([, path]) => !existsSync(path)).map(([name, path]) => `${name} (${path})`);
  if (!pg) missing.push('PostgreSQL');
  return missing;
}

// Test builds keep the e2e clock hook (`debug.setClock`); `npm run build` / `npm start` builds never do.
const [built, pg] = await Promise.all([
  run('npx', ['wxt', 'build'], { WXT_PROFILENCE_TEST_HOOKS: '1' }),
  startTestPostgres().catch((err) => {
    console.warn(`PostgreSQL de test non démarré : ${err.message}`);
    return null;
  }),
]);
const stopAll = () => pg?.stop();
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => (stopAll(), process.exit(130)));
if (built !== 0) {
  stopAll();
  console.error("La construction de l'extension a échoué.");
  closingLine(0, 1, 0);
  process.exit(1);
}
if (!pg) console.warn('PostgreSQL absent : les tests PostgreSQL sont ignorés et comptés (apt-get install postgresql).');
const missing = missingInCi(pg);
for (const tool of missing) console.error(`CI : ${tool} absent — en CI aucun test n'est ignoré ; installez-le (.ci/run le fait).`);

const reportDir = mkdtempSync(join(tmpdir(), 'profilence-report-'));
const reportFile = join(reportDir, 'vitest.json');
let status;
try {
  status = await run(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...extraArgs],
    pg ? { PROFILENCE_TEST_DATABASE_URL: pg.url } : {},
  );
} finally {
  stopAll();
}

let passed = 0;
let failed = missing.length;
let skipped = 0;
try {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  passed = report.numPassedTests;
  failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  skipped = report.numPendingTests + report.numTodoTests;
  const files = report.testResults ?? [];
  // A file that failed to load counts as a failure even when it declared no test.
  for (const file of files) if (file.status === 'failed' && file.assertionResults.length === 0) failed++;
  // The suite must stay under five minutes on two cores: show where the time goes.
  const slowest = files
    .map((f) => ({ name: relative(process.cwd(), f.name), seconds: (f.endTime - f.startTime) / 1000 }))
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, 5);
  console.log(`Fichiers les plus lents : ${slowest.map((f) => `${f.name} ${f.seconds.toFixed(1)} s`).join(', ')}`);
} catch {
  failed = Math.max(failed, 1);
}
rmSync(reportDir, { recursive: true, force: true });
if (status !== 0 && failed === 0) failed = 1;
closingLine(passed, failed, skipped);
process.exit(failed > 0 ? 1 : 0);
