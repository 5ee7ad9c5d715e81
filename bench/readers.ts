/**
 * Reader figures (printed, never asserted):
 *   - median time of `readPage` on each reference page, the page already parsed (target < 1 ms);
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
const LEGACY = join(ROOT, 'tests/fixtures/legacy');
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

/** Median of many timed reads, after a warm-up, within a time budget per page. */
function timeReads(document: Document, url: URL): { medianMs: number; runs: number } {
  for (let i = 0; i < 30; i++) readPage(document, url);
  const samples: number[] = [];
  const deadline = performance.now() + 1500;
  while (samples.length < 300 || (samples.length < 2000 && performance.now() < deadline)) {
    const start = performance.now();
    readPage(document, url);
    samples.push(performance.now() - start);
    if (samples.length >= 300 && performance.now() > deadline) break;
  }
  return { medianMs: median(samples), runs: samples.length };
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
  console.log(`\nLecture des pages de référence (readPage, page déjà analysée, médiane ; cible < ${TIME_TARGET_MS} ms)`);
  for (const tool of TOOLS) {
    const dir = join(LEGACY, tool);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
      const { url } = JSON.parse(readFileSync(join(dir, file.replace(/\.html$/, '.expected.json')), 'utf8')) as { url: string };
      const document = parse(readFileSync(join(dir, file), 'utf8'), url);
      const { medianMs, runs } = timeReads(document, new URL(url));
      const name = `${tool}/${file}`.padEnd(52);
      console.log(`  ${name} ${medianMs.toFixed(3).padStart(7)} ms  (${runs} lectures)  ${mark(medianMs < TIME_TARGET_MS)}`);
    }
  }

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
