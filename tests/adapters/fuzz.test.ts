/**
 * Readers fuzzed with mutated reference pages (fast-check): elements removed, duplicated or
 * swapped, text replaced by hostile or odd strings. Whatever the page, a reader never throws and
 * gives either « not recognised » or a result that passes the schema, with page text kept as text.
 * 20 runs per page by default, seed printed (PROFILENCE_PROPERTY_RUNS / PROFILENCE_PROPERTY_SEED: tests/support/property.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPage } from '@/lib/adapters';
import { readResultSchema } from '@/lib/domain/legacy';
import { propertyRuns, propertySeed, replayHint } from '../support/property';
import { loadPage, savedPages } from './fixtures';

const RUNS = propertyRuns(20);
const SEED = propertySeed();
console.info(replayHint('lecteurs sur pages mutées', SEED, RUNS));
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '\u0000\u202e\ufeff',
  'Non renseigné',
  '   ',
  '12/13/2025',
  '99999999999999',
  'Autorisée depuis le 31/02/2025',
  'x'.repeat(5000),
];

type Mutation =
  | { kind: 'remove'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'text'; at: number; text: string }
  | { kind: 'swap'; at: number; with: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('text' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 40 })) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
);

function mutate(document: Document, mutations: Mutation[]): void {
  for (const m of mutations) {
    const elements = Array.from(document.body.querySelectorAll('*'));
    if (elements.length === 0) return;
    const target = elements[m.at % elements.length]!;
    if (m.kind === 'remove') target.remove();
    else if (m.kind === 'duplicate') target.after(target.cloneNode(true));
    else if (m.kind === 'text') target.textContent = m.text;
    else {
      const other = elements[m.with % elements.length]!;
      if (other !== target && !other.contains(target) && !target.contains(other)) {
        const marker = document.createComment('');
        target.replaceWith(marker);
        other.replaceWith(target);
        marker.replaceWith(other);
      }
    }
  }
}

describe('readers under mutated pages', () => {
  const pages = savedPages('legacy').filter((p) => p.expected.recognized);

  it.each(pages.map((p) => [`${p.tool}/${p.name}`, p] as const))('%s: never throws, always valid or not recognised', (_, page) => {
    const original = loadPage(page);
    const pristine = original.body.innerHTML;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        // One parse per page; each run restores the body (parsing is what costs here, not reading).
        const document = original;
        document.body.innerHTML = pristine;
        mutate(document, mutations);
        const result = readPage(document, page.expected.url);
        expect(readResultSchema.safeParse(result).success).toBe(true);
        // Markup typed into a field stays text: no value may carry a parsed element, only characters.
        expect(JSON.stringify(result)).not.toContain('[object HTML');
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
