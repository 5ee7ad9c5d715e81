import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detect, read } from '@/lib/adapters/fiche-entreprise';
import type { Establishment, ReadResult } from '@/lib/domain/legacy';
import { reference } from './fixtures';
import { parseHtml } from './parse-html';

const establishmentOf = (result: ReadResult) => {
  expect(result).toMatchObject({ recognized: true, page: 'establishment' });
  return (result as { data: Establishment }).data;
};
const missingOf = (result: ReadResult) => (result as { missing: string[] }).missing;

const URL_73 = 'http://entreprises.localhost/etablissement/73282932000074';
function edited(edit: (html: string) => string, url = URL_73) {
  const html = edit(readFileSync(reference('fiche-entreprise', 'etablissement-73282932000074.html').page.htmlPath, 'utf8'));
  return read(parseHtml(html, url), new URL(url));
}

describe('fiche-entreprise: which page', () => {
  it('detects an establishment and the search by path and DOM, on any host', () => {
    const { document } = reference('fiche-entreprise', 'etablissement-73282932000074.html');
    expect(detect(new URL('https://crm.intra.example/fe/etablissement/73282932000074/'), document)).toBe('establishment');
    expect(detect(new URL('https://crm.intra.example/fe/recherche?q=x'), reference('fiche-entreprise', 'recherche.html').document)).toBe('search');
    expect(detect(new URL('http://entreprises.localhost/besoins'), document)).toBeNull();
  });

  it('does not recognise an invalid SIRET in the address, even with the page of a valid one', () => {
    const url = 'http://entreprises.localhost/etablissement/73282932000075';
    const { document } = reference('fiche-entreprise', 'etablissement-73282932000074.html', url);
    expect(read(document, new URL(url))).toStrictEqual({ url, recognized: false });
  });

  it('does not recognise the page of another establishment than the one in the address', () => {
    const url = 'http://entreprises.localhost/etablissement/35600000009075';
    const { document } = reference('fiche-entreprise', 'etablissement-73282932000074.html', url);
    expect(read(document, new URL(url))).toStrictEqual({ url, recognized: false });
  });

  it('does not recognise a page whose SIRET is not valid', () => {
    const result = edited((html) => html.replace('<dd class="col-sm-7 text-monospace">73282932000074</dd>', '<dd>73282932000075</dd>'));
    expect(result).toStrictEqual({ url: URL_73, recognized: false });
  });

  it('gives exactly {url, recognized: false} for the error page, banner present', () => {
    const { document, page } = reference('fiche-entreprise', 'erreur.html');
    expect(read(document, new URL(page.expected.url))).toStrictEqual({ url: page.expected.url, recognized: false });
  });
});

describe('fiche-entreprise: an establishment', () => {
  it('maps contacts by column header, not by position', () => {
    const swapped = edited((html) =>
      html
        .replace('<th scope="col">Courriel</th>', '<th scope="col">__MAIL__</th>')
        .replace('<th scope="col">Nom</th>', '<th scope="col">Courriel</th>')
        .replace('<th scope="col">__MAIL__</th>', '<th scope="col">Nom</th>'),
    );
    // Headers swapped, cells left in place: the e-mail column now holds names, so no e-mail is read and names are e-mails.
    const contacts = establishmentOf(swapped).contacts;
    expect(contacts.map((c) => c.lastName)).toEqual(['claire.roussel@example.com', 'o.garnier@example.com']);
    expect(contacts.every((c) => c.email === undefined)).toBe(true);
  });

  it('never reads the history of contacts as contacts', () => {
    const noContacts = edited((html) => html.replace(/<table class="table table-sm table-striped mb-0" id="interlocuteurs">[\s\S]*?<\/table>/, ''));
    expect(establishmentOf(noContacts).contacts).toEqual([]);
    expect(missingOf(noContacts)).toEqual(['contacts']);
  });

  it('lists what it could not find', () => {
    const result = edited((html) => html.replace(/<dt class="col-sm-5">Code NAF<\/dt>\s*<dd[^>]*>[^<]*<\/dd>/, '').replace(/<div class="card" id="carte-besoins">[\s\S]*?<\/ul>\s*<\/div>/, ''));
    const data = establishmentOf(result);
    expect(data).not.toHaveProperty('naf');
    expect(data.needs).toEqual([]);
    expect(missingOf(result)).toEqual(['naf', 'needs']);
  });

  it('reads "Aucun besoin" as no needs, not as missing ones', () => {
    const { document, page } = reference('fiche-entreprise', 'etablissement-35600000009075.html');
    const result = read(document, new URL(page.expected.url));
    expect(establishmentOf(result).needs).toEqual([]);
    expect(missingOf(result)).toEqual([]);
  });

  it('never throws, whatever it is given', () => {
    const url = new URL(URL_73);
    const unrecognized = { url: URL_73, recognized: false };
    expect(read(parseHtml('<dl><dt>SIRET</dt><dd>73282932000074</dd></dl>', URL_73), url)).toStrictEqual(unrecognized);
    expect(read({} as Document, url)).toStrictEqual(unrecognized);
    const hostile = new Proxy({}, { get: () => { throw new Error('boom'); } }) as Document;
    expect(read(hostile, url)).toStrictEqual(unrecognized);
  });
});
