import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPage } from '@/lib/adapters';
import { detect, read } from '@/lib/adapters/dossier-demandeur';
import type { JobSeekerProfile, PortfolioEntry, ReadResult } from '@/lib/domain/legacy';
import { reference } from './fixtures';
import { parseHtml } from './parse-html';

const profileOf = (result: ReadResult) => {
  expect(result).toMatchObject({ recognized: true, page: 'profile' });
  return (result as { data: JobSeekerProfile }).data;
};
const missingOf = (result: ReadResult) => (result as { missing: string[] }).missing;

/** The reference file of Marie DUPONT with one edit applied to its HTML. */
function editedProfile(edit: (html: string) => string, url = 'http://dossiers.localhost/dossier/1234567A') {
  const { page } = reference('dossier-demandeur', 'dossier-1234567A.html');
  const html = edit(readFileSync(page.htmlPath, 'utf8'));
  return read(parseHtml(html, url), new URL(url));
}

describe('dossier-demandeur: which page', () => {
  it('detects the file and the portfolio by path and DOM, on any host', () => {
    const { document } = reference('dossier-demandeur', 'dossier-1234567A.html');
    expect(detect(new URL('https://dde.intra.example/dde/dossier/1234567A'), document)).toBe('profile');
    expect(detect(new URL('http://dossiers.localhost/dossier/1234567A/?onglet=synthese'), document)).toBe('profile');
    const portfolio = reference('dossier-demandeur', 'portefeuille.html').document;
    expect(detect(new URL('https://dde.intra.example/portefeuille'), portfolio)).toBe('portfolio');
    // An address we do not know: the page is recognised by what it holds (issue 16), else not at all.
    expect(detect(new URL('http://dossiers.localhost/accueil'), portfolio)).toBe('portfolio');
    expect(detect(new URL('http://dossiers.localhost/accueil'), document)).toBeNull();
    expect(detect(new URL('http://dossiers.localhost/consulter?ide=1234567A'), document)).toBe('profile');
  });

  it('does not recognise a file whose identifier differs from the one in the address', () => {
    const url = 'http://dossiers.localhost/dossier/7654321B';
    const { document } = reference('dossier-demandeur', 'dossier-1234567A.html', url);
    expect(readPage(document, url)).toStrictEqual({ url, recognized: false });
  });

  it('does not recognise an address whose identifier is invalid', () => {
    for (const id of ['1234567', '123456A8', '1234567890A']) {
      const url = `http://dossiers.localhost/dossier/${id}`;
      const { document } = reference('dossier-demandeur', 'dossier-1234567A.html', url);
      expect(read(document, new URL(url))).toStrictEqual({ url, recognized: false });
    }
  });

  it('gives exactly {url, recognized: false} for the login page, even at a file address', () => {
    const url = 'http://dossiers.localhost/dossier/1234567A';
    const { document } = reference('dossier-demandeur', 'connexion.html', url);
    expect(read(document, new URL(url))).toStrictEqual({ url, recognized: false });
  });
});

describe('dossier-demandeur: the file', () => {
  it('lists what a partial file lacks, but not what it says is empty', () => {
    const url = 'http://dossiers.localhost/dossier/7654321B';
    const result = reference('dossier-demandeur', 'dossier-7654321B.html', url);
    const read7654321B = read(result.document, new URL(url));
    // No mobility block: missing. E-mail "Non renseigné", licences "Aucun", "Aucun CV déposé": shown as empty, not missing.
    expect(missingOf(read7654321B)).toEqual(['mobility']);
    const profile = profileOf(read7654321B);
    expect(profile).not.toHaveProperty('email');
    expect(profile).not.toHaveProperty('cv');
    expect(profile.drivingLicences).toEqual([]);
  });

  it('reports a row that has disappeared as missing', () => {
    const result = editedProfile((html) => html.replace(/<tr>\s*<td class="libelle">Courriel<\/td>[\s\S]*?<\/tr>/, ''));
    expect(profileOf(result)).not.toHaveProperty('email');
    expect(missingOf(result)).toEqual(['email']);
  });

  it('treats an unreadable consent as not authorised, and says so', () => {
    const result = editedProfile((html) => html.replace('Autoris&eacute;e depuis le 12/03/2025', '???'));
    expect(profileOf(result).promotionConsent).toEqual({ granted: false, reason: 'consent_unreadable' });
    expect(missingOf(result)).toContain('promotionConsent');
  });

  it('keeps text that looks like markup as text, and leaves the page untouched', () => {
    const url = 'http://dossiers.localhost/dossier/1234567A';
    const html = readFileSync(reference('dossier-demandeur', 'dossier-1234567A.html').page.htmlPath, 'utf8')
      .replace('<span id="j_idt47:prenom">Marie</span>', '<span id="j_idt47:prenom">&lt;img src=x onerror=alert(1)&gt;</span>')
      .replace('<li>Rigueur</li>', '<li>&lt;script&gt;alert("x")&lt;/script&gt;</li>');
    const document = parseHtml(html, url);
    const before = document.body.innerHTML;
    const profile = profileOf(read(document, new URL(url)));
    expect(profile.firstName).toBe('<img src=x onerror=alert(1)>');
    expect(profile.softSkills).toContain('<script>alert("x")</script>');
    expect(document.body.innerHTML).toBe(before);
    expect(document.querySelectorAll('img[src="x"], script:not([src])').length).toBe(1); // only the page's own keep-alive script
  });

  it('marks exactly one main job, the first one when the page marks none', () => {
    const result = editedProfile((html) => html.replace(/<span class="principal">[^<]*<\/span>/, ''));
    expect(profileOf(result).targetJobs.map((j) => j.main)).toEqual([true, false]);
  });

  it('never throws, whatever it is given', () => {
    const url = new URL('http://dossiers.localhost/dossier/1234567A');
    const unrecognized = { url: url.href, recognized: false };
    expect(read(parseHtml('', url.href), url)).toStrictEqual(unrecognized);
    expect(read(parseHtml('<p>Nom : DUPONT</p>', url.href), url)).toStrictEqual(unrecognized);
    expect(read({} as Document, url)).toStrictEqual(unrecognized);
    expect(read(null as unknown as Document, url)).toStrictEqual(unrecognized);
    const hostile = new Proxy({}, { get: () => { throw new Error('boom'); } }) as Document;
    expect(read(hostile, url)).toStrictEqual(unrecognized);
  });
});

describe('dossier-demandeur: the portfolio', () => {
  it('reads a combined "Nom et prénom" column', () => {
    const url = 'http://dossiers.localhost/portefeuille';
    const document = parseHtml(
      `<table><tr><th>Identifiant</th><th>Nom et prénom</th><th>Promotion autorisée</th></tr>
       <tr><td>1234567A</td><td><a href="/dossier/1234567A">DUPONT Marie</a></td><td>Oui</td></tr></table>`,
      url,
    );
    const result = read(document, new URL(url));
    expect((result as { data: PortfolioEntry[] }).data).toEqual([
      { ftId: '1234567A', lastName: 'DUPONT', firstName: 'Marie', promotionConsent: true, url: 'http://dossiers.localhost/dossier/1234567A' },
    ]);
    expect(missingOf(result)).toEqual(['agent']);
  });

  it('counts an unreadable consent as refused', () => {
    const url = 'http://dossiers.localhost/portefeuille';
    const document = parseHtml(
      '<table><tr><th>Identifiant</th><th>Nom</th><th>Prénom</th><th>Consentement</th></tr><tr><td>1234567A</td><td>DUPONT</td><td>Marie</td><td>?</td></tr></table>',
      url,
    );
    const result = read(document, new URL(url));
    expect((result as { data: PortfolioEntry[] }).data[0]).toMatchObject({
      promotionConsent: false,
      promotionConsentReason: 'consent_unreadable',
      url: 'http://dossiers.localhost/dossier/1234567A',
    });
    expect(missingOf(result)).toContain('promotionConsent');
  });
});
