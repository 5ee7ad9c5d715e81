/**
 * The import graph of the source folders, for the architecture tests: every `import`/`export … from` (type-only
 * ones included) and `import()` of a file, resolved when it names a file of the project (relative or through the
 * `@/`, `~/`, `@@/`, `~~/` aliases); packages are left out.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const EXTENSIONS = ['.ts', '.tsx', '.mts'];
const ALIASES = ['@@/', '~~/', '@/', '~/'];

/** Source files under `dirs` (relative to `root`), as root-relative paths with `/`. */
export function sourceFiles(root: string, dirs: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue;
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (EXTENSIONS.some((e) => entry.endsWith(e)) && !entry.endsWith('.d.ts')) found.push(relative(root, path).split(sep).join('/'));
    }
  };
  for (const dir of dirs) if (existsSync(join(root, dir))) walk(join(root, dir));
  return found.sort();
}

/** The project file `specifier` names from `from` (root-relative), or undefined for a package or a missing file. */
export function resolveImport(root: string, from: string, specifier: string): string | undefined {
  let base: string | undefined;
  if (specifier.startsWith('./') || specifier.startsWith('../')) base = resolve(root, dirname(from), specifier);
  else {
    const alias = ALIASES.find((a) => specifier.startsWith(a));
    if (alias) base = resolve(root, specifier.slice(alias.length));
  }
  if (!base) return undefined;
  const stem = base.replace(/\.(m?js|jsx)$/, '');
  const candidates = [base, ...EXTENSIONS.map((e) => stem + e), ...EXTENSIONS.map((e) => join(base!, `index${e}`))];
  const file = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  return file && relative(root, file).split(sep).join('/');
}

/** File → the project files it imports. */
export function importGraph(root: string, files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    const targets = importedFiles.flatMap((i) => resolveImport(root, file, i.fileName) ?? []);
    graph.set(file, [...new Set(targets)].sort());
  }
  return graph;
}

/**
 * The import cycles: each group of files that import one another, directly or not (a strongly connected
 * component of two files or more, or a file importing itself), with one cycle through it to show the way.
 */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): { files: string[]; path: string[] }[] {
  // Tarjan's algorithm, iterative so a deep graph cannot overflow the stack.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const next = (v: string) => (graph.get(v) ?? []).filter((w) => graph.has(w));

  for (const start of [...graph.keys()].sort()) {
    if (index.has(start)) continue;
    const work: { v: string; i: number }[] = [{ v: start, i: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = next(frame.v);
      if (frame.i < edges.length) {
        const w = edges[frame.i++]!;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ v: w, i: 0 });
        } else if (onStack.has(w)) low.set(frame.v, Math.min(low.get(frame.v)!, index.get(w)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.v, Math.min(low.get(parent.v)!, low.get(frame.v)!));
      if (low.get(frame.v) === index.get(frame.v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== frame.v);
        if (component.length > 1 || next(frame.v).includes(frame.v)) components.push(component.sort());
      }
    }
  }
  return components.map((files) => ({ files, path: cycleThrough(files, next) })).sort((a, b) => a.files[0]!.localeCompare(b.files[0]!));
}

/** A shortest way from the first file of the component back to itself (breadth-first inside the component). */
function cycleThrough(files: readonly string[], next: (v: string) => string[]): string[] {
  const inside = new Set(files);
  const first = files[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [first];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of next(v)) {
      if (!inside.has(w)) continue;
      if (w === first) {
        const path = [first];
        for (let at: string | undefined = v; at !== undefined && at !== first; at = cameFrom.get(at)) path.splice(1, 0, at);
        return [...path, first];
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return [first];
}
