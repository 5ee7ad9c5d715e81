/**
 * Reader figures (printed, never asserted):
 *   - median time of `readPage` on each reference page and redesigned variant, the page already parsed
 *     (target < 1 ms), with its ratio to a baseline measured in the same run on the same page: one walk over
 *     every element reading its text (what any reader must at least do), so a slower machine shows in both;
 *   - minified size of each content script's reader, bundled as the content script imports it
 *     (`@/lib/adapters/<tool>`), target < 20 kB.
 * Run alone with `npx tsx bench/readers.ts`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { Window } from 'happy-dom';
import { readPage } from '../lib/adapters';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const SETS = ['legacy', 'legacy-variants'].map((set) => join(ROOT, 'tests/fixtures', set));
const TOOLS = ['dossier-demandeur', 'fiche-entreprise', 'messagerie'] as const;
const TIME_TARGET_MS = 1;
const SIZE_TARGET_BYTES = 20_000;

function parse(html: string, url: string): Document {
  const window = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median of many timed runs, after a warm-up, within a time budget. */
function timeRuns(run: () => unknown, budgetMs = 1000): { medianMs: number; runs: number } {
  for (let i = 0; i < 30; i++) run();
  const samples: number[] = [];
  const deadline = performance.now() + budgetMs;
  while (samples.length < 200 || (samples.length < 2000 && performance.now() < deadline)) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
    if (samples.length >= 200 && performance.now() > deadline) break;
  }
  return { medianMs: median(samples), runs: samples.length };
}

/** The baseline: one walk over every element of the page, reading its text. */
function walkText(document: Document): number {
  let length = 0;
  for (const el of Array.from(document.body.querySelectorAll('*'))) length += (el.textContent ?? '').length;
  return length;
}

async function bundleSize(entry: string): Promise<{ bytes: number; gzip: number }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    charset: 'utf8',
    alias: { '@': ROOT },
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { bytes: code.byteLength, gzip: gzipSync(code).byteLength };
}

const mark = (ok: boolean) => (ok ? 'ok' : 'AU-DESSUS DE LA CIBLE');

export async function benchReaders(): Promise<void> {
  console.log(
    `\nLecture des pages de référence et des variantes (readPage, page déjà analysée, médiane ; cible < ${TIME_TARGET_MS} ms ;` +
      ' rapport au parcours de référence : un passage sur chaque élément lisant son texte, même page, même exécution)',
  );
  const ratios: number[] = [];
  let slowest = 0;
  for (const dir of SETS) {
    for (const tool of TOOLS) {
      const toolDir = join(dir, tool);
      let files: string[];
      try {
        files = readdirSync(toolDir).filter((f) => f.endsWith('.html')).sort();
      } catch {
        continue;
      }
      for (const file of files) {
        const { url } = JSON.parse(readFileSync(join(toolDir, file.replace(/\.html$/, '.expected.json')), 'utf8')) as { url: string };
        const document = parse(readFileSync(join(toolDir, file), 'utf8'), url);
        const pageUrl = new URL(url);
        const { medianMs, runs } = timeRuns(() => readPage(document, pageUrl));
        const baseline = timeRuns(() => walkText(document), 300).medianMs;
        const ratio = medianMs / Math.max(baseline, 1e-6);
        ratios.push(ratio);
        slowest = Math.max(slowest, medianMs);
        const name = `${dir.endsWith('variants') ? 'variante ' : ''}${tool}/${file}`.padEnd(66);
        console.log(`  ${name} ${medianMs.toFixed(3).padStart(7)} ms  ×${ratio.toFixed(1).padStart(5)} parcours  (${runs} lectures)  ${mark(medianMs < TIME_TARGET_MS)}`);
      }
    }
  }
  console.log(`  → la plus lente : ${slowest.toFixed(3)} ms ; rapport médian au parcours : ×${median(ratios).toFixed(1)}`);

  console.log(`\nTaille du lecteur de chaque content script (esbuild, minifié, esm, navigateur ; cible < ${SIZE_TARGET_BYTES / 1000} kB)`);
  for (const tool of TOOLS) {
    const { bytes, gzip } = await bundleSize(join(ROOT, 'lib/adapters', tool, 'index.ts'));
    console.log(`  @/lib/adapters/${tool}`.padEnd(40) + `${(bytes / 1000).toFixed(1).padStart(6)} kB  (gzip ${(gzip / 1000).toFixed(1)} kB)  ${mark(bytes < SIZE_TARGET_BYTES)}`);
  }
  const all = await bundleSize(join(ROOT, 'lib/adapters/index.ts'));
  console.log(
    `  (pour mémoire : @/lib/adapters, readPage avec la validation zod, ${(all.bytes / 1000).toFixed(1)} kB — hors content scripts)`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchReaders();
