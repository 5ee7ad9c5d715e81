/** The saved pages under tests/fixtures/legacy (reference) and tests/fixtures/legacy-variants (redesigns). */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHtml } from './parse-html';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures');
export const TOOLS = ['dossier-demandeur', 'fiche-entreprise', 'messagerie'] as const;

export interface SavedPage {
  set: 'legacy' | 'legacy-variants';
  tool: (typeof TOOLS)[number];
  name: string;
  htmlPath: string;
  expected: { url: string; recognized: boolean; missing?: string[]; [key: string]: unknown };
}

export function savedPages(set: SavedPage['set']): SavedPage[] {
  return TOOLS.flatMap((tool) => {
    const dir = join(FIXTURES, set, tool);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .sort()
      .map((f) => ({
        set,
        tool,
        name: f,
        htmlPath: join(dir, f),
        expected: JSON.parse(readFileSync(join(dir, f.replace(/\.html$/, '.expected.json')), 'utf8')),
      }));
  });
}

export function loadPage(page: SavedPage, url = page.expected.url): Document {
  return parseHtml(readFileSync(page.htmlPath, 'utf8'), url);
}

/** A reference page by file name, parsed at its expected URL (or another one). */
export function reference(tool: SavedPage['tool'], name: string, url?: string): { document: Document; page: SavedPage } {
  const page = savedPages('legacy').find((p) => p.tool === tool && p.name === name);
  if (!page) throw new Error(`no reference page ${tool}/${name}`);
  return { document: loadPage(page, url), page };
}
