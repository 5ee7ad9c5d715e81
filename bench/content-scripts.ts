/**
 * Size of the content scripts as shipped (reader + messaging + WXT runtime), from the built
 * extension; builds it first when .output is missing. Target: under 20 kB each, minified.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIR = '.output/chrome-mv3/content-scripts';

export async function benchContentScripts(): Promise<void> {
  if (!existsSync(DIR)) spawnSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  if (!existsSync(DIR)) {
    console.log('Scripts de contenu : extension non construite (npx wxt build).');
    return;
  }
  console.log('\nScripts de contenu livrés (minifiés), cible < 20 kB');
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.js')).sort()) {
    const bytes = readFileSync(join(DIR, file));
    const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
    console.log(`  ${file.padEnd(28)} ${kb(bytes.length).padStart(9)}   gzip ${kb(gzipSync(bytes).length)}`);
  }
}
