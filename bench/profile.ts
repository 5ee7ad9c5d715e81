/**
 * Top of a V8 CPU profile by self time, grouped by function and file: what `node --cpu-prof` wrote while
 * `PROFILENCE_BENCH_CPU_PROF=<dir> npx tsx bench/server.ts` ran. `npx tsx bench/profile.ts <dir or file> [lines]`.
 * One table per `.cpuprofile` (one per server process), plus the share of a few groups (SQLite, pg, JSON…).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame comes from, short: `node_modules/<package>` or the project path, with the line. */
function place(url: string, line: number): string {
  if (!url) return '(native)';
  const modules = url.lastIndexOf('node_modules/');
  const path = modules >= 0 ? url.slice(modules + 'node_modules/'.length) : url.replace(/^.*\/(server|lib|bench)\//, '$1/');
  return `${path.replace(/^file:\/\//, '')}:${line + 1}`;
}

export function summarise(file: string, top = 25): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const dt = profile.timeDeltas[i] ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'}  ${place(url, lineNumber)}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  const busy = total - (self.get(`(idle)  (native)`) ?? 0);
  console.log(`\n${basename(file)} : ${(total / 1e6).toFixed(1)} s échantillonnées, ${(busy / 1e6).toFixed(1)} s occupées`);
  const rows = [...self.entries()].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]);
  for (const [key, us] of rows.slice(0, top)) console.log(`${((100 * us) / busy).toFixed(1).padStart(5)} %  ${key}`);
  const groups: Record<string, RegExp> = {
    'better-sqlite3': /better-sqlite3/,
    'pg / pg-protocol': /node_modules\/pg/,
    kysely: /kysely/,
    zod: /node_modules\/zod/,
    fastify: /fastify|find-my-way|light-my-request|avvio/,
    pino: /pino/,
    'garbage collector': /^\(garbage collector\)/,
  };
  const shares = Object.entries(groups).map(([name, re]) => {
    const us = rows.filter(([k]) => re.test(k)).reduce((s, [, v]) => s + v, 0);
    return `${name} ${((100 * us) / busy).toFixed(1)} %`;
  });
  console.log(`  par groupe (temps propre) : ${shares.join(', ')}`);
}

const target = process.argv[2];
if (target) {
  const files = statSync(target).isDirectory()
    ? readdirSync(target).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(target, f)).sort()
    : [target];
  for (const f of files) summarise(f, Number(process.argv[3] ?? 25));
}
