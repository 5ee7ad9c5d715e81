/**
 * Reader figures where content scripts really run: Debian's Chromium, headless (printed, never asserted).
 * Each reference page and redesigned variant is served at its own URL, the reader each content script calls
 * (`readWithEvidence` for the job-seeker files, `read` for the others) is injected bundled as it ships, and its
 * median time is measured inside the page, target < 1 ms. The same run measures the baseline of bench/readers.ts
 * (one walk over every element reading its text) in the same page, and gives the ratio.
 * Without Chromium, says so and measures nothing. Run alone with `npx tsx bench/readers-browser.ts`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const SETS = ['legacy', 'legacy-variants'].map((set) => join(ROOT, 'tests/fixtures', set));
const TOOLS = ['dossier-demandeur', 'fiche-entreprise', 'messagerie'] as const;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TIME_TARGET_MS = 1;

/** The three readers as the content scripts import them, on `window.profilenceReaders`. */
async function readersBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: [
        "import { readWithEvidence } from '@/lib/adapters/dossier-demandeur';",
        "import { read as readEstablishment } from '@/lib/adapters/fiche-entreprise';",
        "import { read as readMail } from '@/lib/adapters/messagerie';",
        "window.profilenceReaders = { 'dossier-demandeur': readWithEvidence, 'fiche-entreprise': readEstablishment, messagerie: readMail };",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    charset: 'utf8',
    alias: { '@': ROOT },
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

interface Timing {
  readMs: number;
  walkMs: number;
  runs: number;
  recognized: boolean;
}

/**
 * Runs in the page: the reader's and the walk's median times. A string, so that the TypeScript runner's helpers
 * (`__name`) never reach the page.
 */
const IN_PAGE = `(name) => {
  const read = window.profilenceReaders[name];
  const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
  // The page's clock is coarse (0.1 ms): reads are timed in batches of at least 5 ms, divided by the batch size.
  const time = (run) => {
    for (let i = 0; i < 30; i++) run();
    let batch = 1;
    for (;;) {
      const start = performance.now();
      for (let i = 0; i < batch; i++) run();
      if (performance.now() - start >= 5) break;
      batch *= 2;
    }
    const samples = [];
    const deadline = performance.now() + 600;
    while (samples.length < 15 || (samples.length < 200 && performance.now() < deadline)) {
      const start = performance.now();
      for (let i = 0; i < batch; i++) run();
      samples.push((performance.now() - start) / batch);
    }
    return { ms: median(samples), runs: samples.length * batch };
  };
  const url = new URL(location.href);
  const reading = time(() => read(document, url));
  const walk = time(() => {
    let length = 0;
    for (const el of document.body.querySelectorAll('*')) length += (el.textContent || '').length;
    return length;
  });
  return { readMs: reading.ms, walkMs: walk.ms, runs: reading.runs, recognized: read(document, url).recognized };
}`;

export async function benchReadersInBrowser(): Promise<void> {
  console.log(`\nLecture dans Chromium (le navigateur des content scripts ; lecteur tel que livré, médiane ; cible < ${TIME_TARGET_MS} ms)`);
  if (!existsSync(CHROMIUM)) {
    console.log(`  Chromium absent (${CHROMIUM}) : mesure non faite.`);
    return;
  }
  const bundle = await readersBundle();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  try {
    const page = await browser.newPage();
    let served = '';
    // Every legacy origin answers with the page under measure: the reader sees its real URL.
    await page.route('**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: served }));
    let slowest = 0;
    for (const dir of SETS) {
      for (const tool of TOOLS) {
        const toolDir = join(dir, tool);
        if (!existsSync(toolDir)) continue;
        for (const file of readdirSync(toolDir).filter((f) => f.endsWith('.html')).sort()) {
          const { url } = JSON.parse(readFileSync(join(toolDir, file.replace(/\.html$/, '.expected.json')), 'utf8')) as { url: string };
          // The saved pages' scripts stay out: the reader reads the markup as saved.
          served = readFileSync(join(toolDir, file), 'utf8').replace(/<script\b[\s\S]*?<\/script>/gi, '');
          await page.goto(url);
          await page.addScriptTag({ content: bundle });
          const timing = (await page.evaluate(`(${IN_PAGE})(${JSON.stringify(tool)})`)) as Timing;
          slowest = Math.max(slowest, timing.readMs);
          const name = `${dir.endsWith('variants') ? 'variante ' : ''}${tool}/${file}`.padEnd(66);
          const ratio = timing.readMs / Math.max(timing.walkMs, 1e-3);
          console.log(
            `  ${name} ${timing.readMs.toFixed(3).padStart(7)} ms  ×${ratio.toFixed(1).padStart(5)} parcours  (${timing.runs} lectures)` +
              `  ${timing.recognized || file.match(/connexion|session|erreur|introuvable/) ? '' : 'NON RECONNUE  '}${timing.readMs < TIME_TARGET_MS ? 'ok' : 'AU-DESSUS DE LA CIBLE'}`,
          );
        }
      }
    }
    console.log(`  → la plus lente dans Chromium : ${slowest.toFixed(3)} ms`);
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchReadersInBrowser();
