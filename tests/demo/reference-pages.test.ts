/**
 * The demo renders the reference records into the same pages as the reference
 * captures (tests/fixtures/legacy/): same text and same element structure (tags,
 * ids, classes, form field names), so what readers learn on the captures holds on
 * the demo and the other way round.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type DemoServer } from '../../demo/server';
import { call, DOSSIERS, ENTREPRISES, fixture, MESSAGERIE, normalisedText, parse } from './support';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemo({ port: 0 });
});
afterAll(async () => {
  await demo.close();
});

/** One line per element: tag, id, classes and name, in document order. */
function structure(document: Document): string[] {
  return [...document.querySelectorAll('*')].map((el) => {
    const id = el.getAttribute('id');
    const cls = el.getAttribute('class');
    const name = el.getAttribute('name');
    return `${el.tagName.toLowerCase()}${id ? `#${id}` : ''}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''}${name ? `[name=${name}]` : ''}`;
  });
}

const CASES: [host: string, path: string, capture: string][] = [
  [DOSSIERS, '/dossier/1234567A', 'dossier-demandeur/dossier-1234567A.html'],
  [DOSSIERS, '/dossier/12345678901', 'dossier-demandeur/dossier-12345678901.html'],
  [DOSSIERS, '/dossier/7654321B', 'dossier-demandeur/dossier-7654321B.html'],
  [DOSSIERS, '/connexion', 'dossier-demandeur/connexion.html'],
  [ENTREPRISES, '/etablissement/73282932000074', 'fiche-entreprise/etablissement-73282932000074.html'],
  [ENTREPRISES, '/etablissement/35600000009075', 'fiche-entreprise/etablissement-35600000009075.html'],
  [MESSAGERIE, '/mail/nouveau', 'messagerie/nouveau-message.html'],
];

describe('demo pages match the reference captures', () => {
  it.each(CASES)('%s%s is the page of %s', async (host, path, capture) => {
    const res = await call(demo, host, path);
    expect(res.status).toBe(200);
    const url = `http://${host}${path}`;
    const ours = parse(res.text, url);
    const theirs = parse(fixture(capture), url);
    expect(normalisedText(ours.document)).toBe(normalisedText(theirs.document));
    expect(structure(ours.document)).toEqual(structure(theirs.document));
    expect(ours.document.title).toBe(theirs.document.title);
    await ours.close();
    await theirs.close();
  });

  it('the portfolio keeps the reference columns and its first rows are the reference rows', async () => {
    const res = await call(demo, DOSSIERS, '/portefeuille');
    const ours = parse(res.text, 'http://dossiers.localhost/portefeuille');
    const theirs = parse(fixture('dossier-demandeur/portefeuille.html'), 'http://dossiers.localhost/portefeuille');
    const headers = (d: Document) => [...d.querySelectorAll('thead th')].map((th) => `${th.id}:${th.textContent}`);
    expect(headers(ours.document)).toEqual(headers(theirs.document));
    const rows = (d: Document) =>
      [...d.querySelectorAll('tbody[id$="portefeuille_data"] tr')].map((tr) => (tr.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim());
    const reference = rows(theirs.document);
    expect(rows(ours.document).slice(0, reference.length)).toEqual(reference);
    await ours.close();
    await theirs.close();
  });

  it('the search page for "lyon" keeps the reference table, reference results first', async () => {
    const res = await call(demo, ENTREPRISES, '/recherche?q=lyon');
    const ours = parse(res.text, 'http://entreprises.localhost/recherche?q=lyon');
    const theirs = parse(fixture('fiche-entreprise/recherche.html'), 'http://entreprises.localhost/recherche?q=lyon');
    const rows = (d: Document) => [...d.querySelectorAll('#resultats tr')].map((tr) => (tr.textContent ?? '').replace(/\s+/g, ' ').trim());
    const reference = rows(theirs.document);
    expect(rows(ours.document).slice(0, reference.length)).toEqual(reference);
    await ours.close();
    await theirs.close();
  });
});
