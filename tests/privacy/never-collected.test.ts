/**
 * « Never collect the social security number (NIR), health or disability data » (docs/domain.md), end to end: a
 * job-seeker file that shows them gives a reading, a promotion snapshot and a pool entry without them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { read } from '@/lib/adapters/dossier-demandeur';
import type { JobSeekerProfile } from '@/lib/domain/legacy';
import { jobSeekerSnapshot } from '@/lib/store';
import { poolEntryFromProfile } from '@/lib/store/pool-entries';
import { parseHtml } from '../adapters/parse-html';

const SENSITIVE_ROWS = `
  <tr><td class="libelle">N&deg; de s&eacute;curit&eacute; sociale</td><td class="valeur"><span>2 85 07 75 123 456 78</span></td></tr>
  <tr><td class="libelle">Reconnaissance travailleur handicap&eacute; (RQTH)</td><td class="valeur"><span>Oui, jusqu'au 12/03/2027</span></td></tr>
  <tr><td class="libelle">Restrictions m&eacute;dicales</td><td class="valeur"><span>Port de charges lourdes contre-indiqu&eacute;</span></td></tr>
  <tr><td class="libelle">NIR</td><td class="valeur"><span>285077512345678</span></td></tr>`;
const SENSITIVE = /2 85 07 75|285077512345678|RQTH|handicap|m[ée]dical|charges lourdes|s[ée]curit[ée] sociale/i;

describe('data never collected', () => {
  it('reads a file showing a NIR, a disability status and medical restrictions without keeping any of them', () => {
    const path = resolve(import.meta.dirname, '../fixtures/legacy/dossier-demandeur/dossier-1234567A.html');
    const original = readFileSync(path, 'utf8');
    const anchor = original.indexOf('<td class="libelle">Courriel</td>');
    expect(anchor).toBeGreaterThan(0);
    const rowStart = original.lastIndexOf('<tr>', anchor);
    const html = original.slice(0, rowStart) + SENSITIVE_ROWS + original.slice(rowStart);
    expect(html).toMatch(SENSITIVE);

    const url = 'http://dossiers.localhost/dossier/1234567A';
    const result = read(parseHtml(html, url), new URL(url));
    expect(result).toMatchObject({ recognized: true, page: 'profile' });
    const profile = (result as { data: JobSeekerProfile }).data;
    expect(profile.ftId).toBe('1234567A'); // the page was read…
    expect(JSON.stringify(result)).not.toMatch(SENSITIVE); // …without what must never be collected
    expect(JSON.stringify(jobSeekerSnapshot(profile))).not.toMatch(SENSITIVE);
    expect(JSON.stringify(poolEntryFromProfile(profile, 'Secrétaire polyvalente'))).not.toMatch(SENSITIVE);
  });
});
