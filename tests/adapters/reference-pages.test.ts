/**
 * Every saved page, reference and redesigned, read at the URL of its expected file: the result
 * must carry every expected field with the expected value, pass the zod schema, and be the same
 * through `readPage` and through the tool's own `read` (what the content script runs).
 */
import { describe, expect, it } from 'vitest';
import { readPage } from '@/lib/adapters';
import * as dossierDemandeur from '@/lib/adapters/dossier-demandeur';
import * as ficheEntreprise from '@/lib/adapters/fiche-entreprise';
import * as messagerie from '@/lib/adapters/messagerie';
import { readResultSchema } from '@/lib/domain/legacy';
import { loadPage, savedPages, type SavedPage } from './fixtures';

const readers = { 'dossier-demandeur': dossierDemandeur, 'fiche-entreprise': ficheEntreprise, messagerie };

/** No null and no key holding undefined anywhere: optional fields are absent. */
function expectNoNullOrUndefined(value: unknown, path = 'result'): void {
  expect(value, path).not.toBeNull();
  expect(value, path).not.toBeUndefined();
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) expectNoNullOrUndefined(child, `${path}.${key}`);
  }
}

function checkPage(page: SavedPage) {
  const document = loadPage(page);
  const result = readPage(document, page.expected.url);
  const { missing, ...expected } = page.expected;

  if (!expected.recognized) {
    expect(result).toStrictEqual(expected);
  } else {
    // Every expected field, with its value; the data is compared whole, so no stray optional field passes.
    expect(result).toMatchObject({ ...expected, data: expect.anything() });
    expect((result as { data: unknown }).data).toEqual(expected.data);
    if (!('agent' in expected)) expect(result).not.toHaveProperty('agent');
    expect(result).toHaveProperty('missing');
    if (missing) expect((result as { missing: string[] }).missing).toEqual(missing);
  }
  expectNoNullOrUndefined(JSON.parse(JSON.stringify(result)));
  expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  expect(readResultSchema.safeParse(result).success).toBe(true);
  expect(readers[page.tool].read(document, new URL(page.expected.url))).toEqual(result);
}

describe.each(['legacy', 'legacy-variants'] as const)('saved pages in tests/fixtures/%s', (set) => {
  const pages = savedPages(set);
  it('are there', () => {
    expect(pages.length).toBeGreaterThanOrEqual(set === 'legacy' ? 11 : 8);
  });
  it.each(pages.map((p) => [`${p.tool}/${p.name}`, p] as const))('%s reads as expected', (_, page) => {
    checkPage(page);
  });
});
