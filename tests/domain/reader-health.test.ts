import { describe, expect, it } from 'vitest';
import type { ReadResult } from '@/lib/domain/legacy';
import { countReading, emptyDay, healthReportSchema, toolOfPath } from '@/lib/domain/reader-health';

const profile = (missing: string[], labelSet?: string): ReadResult =>
  ({
    url: 'http://dossiers.localhost:8090/dossier/1234567A',
    recognized: true,
    tool: 'dossier-demandeur',
    page: 'profile',
    data: { ftId: '1234567A', lastName: 'DUPONT', firstName: 'Marie' },
    missing,
    ...(labelSet ? { labelSet } : {}),
  }) as unknown as ReadResult;

describe("the readers' health counts of a day", () => {
  it('counts readings per tool and page, each missed field once per reading, and each label-set variant', () => {
    let day = emptyDay('2026-12-02');
    day = countReading(day, profile(['email', 'email', 'cv'], 'aaaaaaaaaaaaaaaa'));
    day = countReading(day, profile([], 'aaaaaaaaaaaaaaaa'));
    day = countReading(day, profile(['email'], 'bbbbbbbbbbbbbbbb'));
    expect(day).toEqual({
      day: '2026-12-02',
      pages: [
        {
          tool: 'dossier-demandeur',
          page: 'profile',
          readings: 3,
          misses: [
            { field: 'email', count: 2 },
            { field: 'cv', count: 1 },
          ],
          variants: [
            { hash: 'aaaaaaaaaaaaaaaa', count: 2 },
            { hash: 'bbbbbbbbbbbbbbbb', count: 1 },
          ],
        },
      ],
    });
  });

  it('keeps nothing of the page but its tool and kind: no address, no value, no name', () => {
    const day = countReading(emptyDay('2026-12-02'), profile(['email']));
    const text = JSON.stringify(day);
    for (const personal of ['1234567A', 'DUPONT', 'Marie', 'dossiers.localhost']) expect(text).not.toContain(personal);
  });

  it('counts an unrecognised page under the tool its path names, or « unknown »', () => {
    let day = emptyDay('2026-12-02');
    day = countReading(day, { url: 'https://dde.intra.example/portefeuille/archives', recognized: false });
    day = countReading(day, { url: 'https://crm.intra.example/etablissement/modifier/x', recognized: false, labelSet: 'cccccccccccccccc' });
    day = countReading(day, { url: 'https://intra.example/accueil', recognized: false });
    expect(day.pages.map((p) => [p.tool, p.page, p.readings, p.variants.length])).toEqual([
      ['dossier-demandeur', 'unrecognised', 1, 0],
      ['fiche-entreprise', 'unrecognised', 1, 1],
      ['unknown', 'unrecognised', 1, 0],
    ]);
    expect(toolOfPath('https://webmail.example/mail/boite')).toBe('messagerie');
    expect(toolOfPath('pas une adresse')).toBe('unknown');
  });

  it('leaves the day it was given as it was (the store writes the new one)', () => {
    const day = countReading(emptyDay('2026-12-02'), profile(['email']));
    const before = JSON.stringify(day);
    countReading(day, profile(['email', 'cv']));
    expect(JSON.stringify(day)).toBe(before);
  });
});

describe('the report an install sends', () => {
  const valid = {
    clientId: '0b0f3c8e-7d3c-4a53-9a51-3f7f0f1f6a11',
    schemaVersion: 1,
    day: '2026-12-02',
    pages: [{ tool: 'dossier-demandeur', page: 'profile', readings: 2, misses: [{ field: 'email', count: 1 }], variants: [{ hash: 'aaaaaaaaaaaaaaaa', count: 2 }] }],
  };

  it('is accepted as counted', () => {
    expect(healthReportSchema.parse(valid)).toEqual(valid);
  });

  it.each([
    ['more misses than readings', { ...valid, pages: [{ ...valid.pages[0], misses: [{ field: 'email', count: 3 }] }] }, 'plus de manques'],
    ['a field name that is a value', { ...valid, pages: [{ ...valid.pages[0], misses: [{ field: 'marie.dupont@example.fr', count: 1 }] }] }, 'Nom de champ invalide'],
    ['a page twice', { ...valid, pages: [valid.pages[0], valid.pages[0]] }, 'une page apparaît deux fois'],
    ['an address', { ...valid, url: 'http://dossiers.localhost/dossier/1234567A' }, ''],
    ['an agency chosen by the client', { ...valid, agencyCode: '69032' }, ''],
  ])('is refused with %s', (_what, body, message) => {
    const parsed = healthReportSchema.safeParse(body);
    expect(parsed.success).toBe(false);
    if (message) expect(parsed.error!.issues.map((i) => i.message).join(' ')).toContain(message);
  });
});
