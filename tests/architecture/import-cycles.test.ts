// @vitest-environment node
// No import cycle between the source files, not even through `import type`: a cycle means two modules that can
// only be understood (and loaded) together, and the first step of a rule written twice.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph, sourceFiles } from './import-graph';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCES = ['lib', 'server', 'components', 'entrypoints'];

describe('import cycles', () => {
  it(`finds none in ${SOURCES.join('/, ')}/`, () => {
    const cycles = importCycles(importGraph(ROOT, sourceFiles(ROOT, SOURCES)));
    expect(cycles.map((c) => c.path.join(' → '))).toEqual([]);
  });

  it('sees a cycle made of a type-only import and an alias import, and the way round it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'profilence-cycles-'));
    try {
      const write = (path: string, text: string) => {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      };
      write('lib/a/index.ts', "import type { B } from '../b';\nexport type A = { b?: B };\n");
      write('lib/b.ts', "import { c } from '@/lib/c';\nexport type B = number;\nexport const b = c;\n");
      write('lib/c.tsx', "export { type A } from './a';\nexport const c = 1;\nexport const later = () => import('zod');\n");
      write('lib/d.ts', "import { b } from './b.js';\nexport const d = b;\n");
      const found = importCycles(importGraph(dir, sourceFiles(dir, ['lib'])));
      expect(found).toEqual([{ files: ['lib/a/index.ts', 'lib/b.ts', 'lib/c.tsx'], path: ['lib/a/index.ts', 'lib/b.ts', 'lib/c.tsx', 'lib/a/index.ts'] }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
