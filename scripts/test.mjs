// `npm test`: builds the extension while a throwaway PostgreSQL starts, runs the Vitest projects (unit and server
// on SQLite and PostgreSQL; end-to-end in Chromium, one browser at a time, in a second Vitest process beside the
// first so the browsers' waiting overlaps the unit files), prints the slowest files, and ends with exactly one line
// "N passed, N failed, N skipped". Tests that need a missing tool are skipped and counted; with CI=true a missing
// tool is a failure instead.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { startTestPostgres } from './postgres.mjs';

const IN_CI = process.env.CI === 'true';
const startedAt = Date.now();
const extraArgs = process.argv.slice(2);
const children = new Set();
/** Runs a command; its output goes to the terminal, or into `buffer` (to print later) when one is given. */
const run = (cmd, args, env = {}, buffer = null) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: buffer ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...process.env, ...env } });
    children.add(child);
    if (buffer) for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => buffer.push(chunk));
    child.on('exit', (code) => (children.delete(child), resolve(code ?? 1)));
    child.on('error', () => (children.delete(child), resolve(1)));
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
// Chrome first, then the Firefox build that tests/e2e/firefox.test.ts loads in Firefox ESR (one after the other:
// they share WXT's generated files).
const buildBoth = async () => {
  const chrome = await run('npx', ['wxt', 'build'], { WXT_PROFILENCE_TEST_HOOKS: '1' });
  return chrome !== 0 ? chrome : run('npx', ['wxt', 'build', '-b', 'firefox'], { WXT_PROFILENCE_TEST_HOOKS: '1' });
};
const [built, pg] = await Promise.all([
  buildBoth(),
  startTestPostgres().catch((err) => {
    console.warn(`PostgreSQL de test non démarré : ${err.message}`);
    return null;
  }),
]);
const stopAll = () => {
  for (const child of children) child.kill('SIGTERM');
  pg?.stop();
};
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
const env = pg ? { PROFILENCE_TEST_DATABASE_URL: pg.url } : {};
const vitest = (project, buffer) =>
  run(
    'npx',
    ['vitest', 'run', '--project', project, '--passWithNoTests', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reportDir, `${project}.json`)}`, ...extraArgs],
    env,
    buffer,
  );
const e2eOutput = [];
let statuses;
try {
  statuses = await Promise.all([vitest('unit', null), vitest('e2e', e2eOutput)]);
} finally {
  stopAll();
}
console.log('\n— De bout en bout (Chromium) —');
process.stdout.write(Buffer.concat(e2eOutput));

let passed = 0;
let failed = missing.length;
let skipped = 0;
const files = [];
for (const project of ['unit', 'e2e']) {
  try {
    const report = JSON.parse(readFileSync(join(reportDir, `${project}.json`), 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
    skipped += report.numPendingTests + report.numTodoTests;
    // A file that failed to load counts as a failure even when it declared no test.
    for (const file of report.testResults ?? []) {
      if (file.status === 'failed' && file.assertionResults.length === 0) failed++;
      files.push({ name: relative(process.cwd(), file.name), seconds: (file.endTime - file.startTime) / 1000 });
    }
  } catch {
    failed++; // no report: that Vitest run did not finish
  }
}
// The suite must stay under five minutes on two cores: show where the time goes.
const slowest = files.sort((a, b) => b.seconds - a.seconds).slice(0, 5);
console.log(`Fichiers les plus lents : ${slowest.map((f) => `${f.name} ${f.seconds.toFixed(1)} s`).join(', ')}`);
const elapsed = Math.round((Date.now() - startedAt) / 1000);
console.log(`Durée totale : ${Math.floor(elapsed / 60)} min ${String(elapsed % 60).padStart(2, '0')} s (objectif : moins de 5 min sur 2 cœurs).`);
rmSync(reportDir, { recursive: true, force: true });
if (statuses.some((status) => status !== 0) && failed === 0) failed = 1;
closingLine(passed, failed, skipped);
process.exit(failed > 0 ? 1 : 0);
