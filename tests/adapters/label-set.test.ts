// The label set of a page: the same layout gives the same hash whatever the record shown; a redesign another;
// never a value of the page.
import { describe, expect, it } from 'vitest';
import { read } from '@/lib/adapters/dossier-demandeur';
import { labelSet, labelSetHash } from '@/lib/adapters/kit/label-set';
import { renderProfile } from '@/demo/tools/dossier-demandeur';
import { renderRedesignedProfile } from '@/demo/tools/dossier-demandeur-refonte';
import { renderEstablishment } from '@/demo/tools/fiche-entreprise';
import { ESTABLISHMENTS } from '@/demo/seed/establishments';
import { JOB_SEEKERS } from '@/demo/seed/job-seekers';
import { parseHtml } from './parse-html';

const fileOf = (html: string, ftId: string) => parseHtml(html, `http://dossiers.localhost/dossier/${ftId}`);
const [marie, other] = [JOB_SEEKERS[0]!, JOB_SEEKERS.find((s) => s.mobility && s.events.length > 0 && s.ftId !== JOB_SEEKERS[0]!.ftId)!];

describe('the label set of a page', () => {
  it('is the same for two job seekers shown by the same layout, and for two establishments', () => {
    const hash = labelSetHash(fileOf(renderProfile(marie), marie.ftId));
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(labelSetHash(fileOf(renderProfile(other), other.ftId))).toBe(hash);
    const [a, b] = ESTABLISHMENTS;
    const page = (e: typeof a) => parseHtml(renderEstablishment(e!), `http://entreprises.localhost/etablissement/${e!.siret}`);
    expect(labelSetHash(page(a))).toMatch(/^[0-9a-f]{16}$/);
    expect(labelSetHash(page(a))).toBe(labelSetHash(page(b)));
  });

  it('changes with a redesign that renames labels, and the reader then misses the field', () => {
    const before = fileOf(renderProfile(marie), marie.ftId);
    const after = fileOf(renderRedesignedProfile(marie), marie.ftId);
    expect(labelSetHash(after)).not.toBe(labelSetHash(before));
    expect(labelSetHash(after)).toMatch(/^[0-9a-f]{16}$/);
    expect(labelSet(after)).toContain('sujet');
    expect(labelSet(before)).toContain('objet');
    const reading = read(after, new URL(`http://dossiers.localhost/refonte/dossier/${marie.ftId}`));
    expect(reading.recognized && reading.missing).toContain('email');
  });

  it('holds label texts only: not the title naming the job seeker, nor list items, cells, numbers or addresses', () => {
    const keys = labelSet(fileOf(renderProfile(marie), marie.ftId)).join(' | ');
    for (const value of [marie.firstName, marie.lastName, marie.ftId, marie.email ?? '@']) expect(keys.toLowerCase()).not.toContain(value.toLowerCase());
    const doc = parseHtml(
      `<h1>Dossier de Jean DUPONT</h1><h2>Identité</h2><table><tr><th scope="row">DUPONT</th><td><label>Jean</label></td></tr></table>
       <ul><li><h3>Cariste H/F</h3></li></ul><dl><dt>Né le 12/03/1990</dt><dt>Courriel :</dt><dt>jean@exemple.fr</dt></dl>
       <nav aria-label="Fil d'Ariane"></nav><button aria-label="Fermer"></button>`,
      'http://dossiers.localhost/dossier/1234567A',
    );
    expect(labelSet(doc)).toEqual(['courriel', 'fermer', "fil d'ariane", 'identite']);
  });

  it('is absent from a page without labels', () => {
    expect(labelSetHash(parseHtml('<p>Bonjour</p>', 'http://dossiers.localhost/'))).toBeUndefined();
  });
});
