/**
 * `labelIntroducing` (issue 16, point 2): the value a counsellor clicks gives the label that introduces it, never
 * the value; taught for a field whose own label the page renamed, that label makes the reader find the field —
 * in every form a label/value pair or a list can take (tests/adapters/layouts.ts).
 */
import { describe, expect, it } from 'vitest';
import { readPage } from '@/lib/adapters';
import { labelIntroducing } from '@/lib/adapters/kit/label-of';
import type { TaughtLabels } from '@/lib/adapters/kit/taught';
import type { ReadResult } from '@/lib/domain/legacy';
import { BLOCK_PAIR_FORMS, LIST_FORMS, PAIR_FORMS, listHtml, pairHtml, valueElementOf, type PairForm } from './layouts';
import { parseHtml } from './parse-html';

const FILE_URL = 'http://dde.intra.example/v5/dossier/1234567A';

/** A job seeker's file with identity, and one more block under test (in an element with id "under-test"). */
function file(block: string): Document {
  const html = `<!DOCTYPE html><html lang="fr"><body><p>Conseiller : Jeanne MARTIN — Agence Lyon Part-Dieu (69031)</p><main>
    <dl><dt>Identifiant</dt><dd>1234567A</dd><dt>Nom</dt><dd>DUPONT</dd><dt>Prénom</dt><dd>Marie</dd></dl>
    <div id="under-test">${block}</div></main></body></html>`;
  return parseHtml(html, FILE_URL);
}

const read = (document: Document, taught?: TaughtLabels) => {
  const result = readPage(document, FILE_URL, taught ? { taught } : undefined);
  expect(result).toMatchObject({ recognized: true, page: 'profile' });
  return result as Extract<ReadResult, { page: 'profile' }>;
};

/** The value element of the block under test, as `pairHtml` laid it out. */
function clicked(document: Document, form: PairForm, inner?: string): Element {
  const container = document.getElementById('under-test')!;
  const value = valueElementOf(container, form);
  return inner ? (value.querySelector(inner) ?? value) : value;
}

describe('labelIntroducing: a scalar value in every form', () => {
  // « Prise de poste » is no label of the reader's: availability is missing until it is taught.
  it.each(PAIR_FORMS.map((f) => [f]))('%s', (form) => {
    const document = file(pairHtml('Prise de poste <span>(obligatoire)</span>', '<span>Immédiate</span>', form, 'Immédiate'));
    expect(read(document).missing).toContain('availability');
    const label = labelIntroducing(clicked(document, form));
    expect(label).toBe('Prise de poste');
    const taught = read(document, { availability: [label!] });
    expect(taught.data.availability).toEqual({ immediate: true });
    expect(taught.missing).not.toContain('availability');
  });
});

describe('labelIntroducing: a list in every form', () => {
  const items = ['Tenir une caisse', 'Conseiller un client', 'Gérer les stocks'];
  const cases = BLOCK_PAIR_FORMS.flatMap((form) => LIST_FORMS.map((list) => [form, list] as const));
  it.each(cases)('%s holding a list as %s', (form, list) => {
    const document = file(pairHtml('Atouts métier', listHtml(items, list), form));
    expect(read(document).missing).toContain('skills');
    // The counsellor clicks one item when there are items to click, else the whole value.
    const item = clicked(document, form, 'li, .tag, div > div');
    const label = labelIntroducing(item);
    expect(label).toBe('Atouts métier');
    const taught = read(document, { skills: [label!] });
    expect(taught.data.skills).toEqual(items);
  });
});

describe('labelIntroducing: other places', () => {
  it('gives the column header of a cell in a table of rows', () => {
    const document = parseHtml(
      '<table><thead><tr><th>Correspondant</th><th>Fonction</th></tr></thead><tbody><tr><td>Claire ROUSSEL</td><td>DRH</td></tr></tbody></table>',
      FILE_URL,
    );
    expect(labelIntroducing(document.querySelector('td')!)).toBe('Correspondant');
    expect(labelIntroducing(document.querySelectorAll('td')[1]!)).toBe('Fonction');
  });

  it('gives the section heading of a list under a heading, a hint between them', () => {
    const document = file('<section><h3>Atouts métier</h3><p>Validés par le conseiller</p><ul><li>Tenir une caisse</li><li>Conseiller un client</li></ul></section>');
    const label = labelIntroducing(document.querySelector('#under-test li')!);
    expect(label).toBe('Atouts métier');
    expect(read(document, { skills: [label!] }).data.skills).toEqual(['Tenir une caisse', 'Conseiller un client']);
  });

  it('never gives the value itself, and nothing where no label introduces the value', () => {
    const document = file('<p>Texte libre sans étiquette</p>');
    expect(labelIntroducing(document.querySelector('#under-test p')!)).toBeUndefined();
    // The identifier's value gives its label, never itself; its label gives nothing.
    expect(labelIntroducing(document.querySelector('dd')!)).toBe('Identifiant');
    expect(labelIntroducing(document.querySelector('dt')!)).toBeUndefined();
    expect(labelIntroducing(document.body)).toBeUndefined();
  });

  it('teaches a renamed field of an establishment: the SIRET in a tab, the contacts by their column', () => {
    const url = 'http://crm.intra.example/v5/etablissement/73282932000074';
    const document = parseHtml(
      `<p>Conseiller : Jeanne MARTIN — Agence Lyon Part-Dieu (69031)</p>
       <dl><dt>SIRET</dt><dd>732 829 320 00074</dd><dt>Raison sociale</dt><dd>LOGICIELS DU RHÔNE</dd>
       <dt>Adresse</dt><dd>12 rue de la Villette<br>69003 Lyon</dd><dt>Effectif</dt><dd>20 à 49 salariés</dd><dt>Code NAF</dt><dd>62.01Z - Programmation informatique</dd></dl>
       <h2>Interlocuteurs</h2><table><thead><tr><th>Correspondant</th><th>Fonction</th></tr></thead>
       <tbody><tr><td>Claire ROUSSEL</td><td>DRH</td></tr></tbody></table><p>Aucun besoin repéré</p>`,
      url,
    );
    const before = readPage(document, url) as Extract<ReadResult, { page: 'establishment' }>;
    expect(before.missing).toContain('contacts');
    const label = labelIntroducing(document.querySelector('td')!);
    const after = readPage(document, url, { taught: { contacts: [label!] } }) as Extract<ReadResult, { page: 'establishment' }>;
    expect(after.data.contacts).toEqual([{ lastName: 'ROUSSEL', firstName: 'Claire', role: 'DRH' }]);
    expect(after.missing).not.toContain('contacts');
  });
});
