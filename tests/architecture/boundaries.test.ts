// @vitest-environment node
// Who may import what (docs/architecture.md): the browser only through lib/platform, lib/domain pure, the server
// on the shared pure rules only, and the extension's pages asking the background instead of importing it.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { importGraph, sourceFiles } from './import-graph';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const graph = importGraph(ROOT, sourceFiles(ROOT, ['lib', 'server', 'components', 'entrypoints']));
const importsOf = (prefix: string) => [...graph].filter(([file]) => file.startsWith(prefix));

/** `file → target` for every import of a file under `from` that `allowed` refuses. */
function offending(from: string, allowed: (target: string) => boolean): string[] {
  return importsOf(from).flatMap(([file, targets]) => targets.filter((t) => !allowed(t)).map((t) => `${file} → ${t}`));
}

/** Where a file reaches the browser's extension APIs itself: `browser.x`, `chrome.x`, or `wxt/browser`. */
function browserUses(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  if (!/\b(browser|chrome)\b/.test(text)) return [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && ['browser', 'chrome'].includes(node.expression.text)) {
      found.push(`${file}: ${node.getText(source)}`);
    }
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && node.moduleSpecifier.text === 'wxt/browser') {
      found.push(`${file}: import from 'wxt/browser'`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('boundaries', () => {
  it('reaches browser APIs only through lib/platform', () => {
    const extension = [...graph.keys()].filter((f) => !f.startsWith('server/') && !f.startsWith('lib/platform/'));
    expect(extension.flatMap(browserUses)).toEqual([]);
  });

  it('keeps lib/domain pure: it imports only lib/domain', () => {
    expect(offending('lib/domain/', (t) => t.startsWith('lib/domain/'))).toEqual([]);
  });

  it('lets the server use only the shared pure rules of the extension (lib/domain, lib/stats)', () => {
    expect(offending('server/', (t) => t.startsWith('server/') || t.startsWith('lib/domain/') || t.startsWith('lib/stats/'))).toEqual([]);
    expect(offending('lib/stats/', (t) => t.startsWith('lib/stats/') || t.startsWith('lib/domain/'))).toEqual([]);
  });

  it("has the extension's pages ask the background by message, never import it", () => {
    const notBackground = (t: string) => !t.startsWith('lib/background/');
    const pages = ['components/', 'entrypoints/sidepanel/', 'entrypoints/popup/', 'entrypoints/options/', 'entrypoints/dashboard/'];
    expect(pages.flatMap((folder) => offending(folder, notBackground))).toEqual([]);
  });

  it('sees a browser call and a forbidden import when there is one', () => {
    expect(browserUses('lib/platform/index.ts').length).toBeGreaterThan(5);
    expect(offending('lib/background/', (t) => !t.startsWith('lib/store/'))).not.toEqual([]);
  });
});
