import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_SEEKERS } from '../../demo/seed/job-seekers';
import { ESTABLISHMENTS } from '../../demo/seed/establishments';
import { startDemo, type DemoServer } from '../../demo/server';
import { escapeHtml } from '../../demo/html';
import { call, DOSSIERS, ENTREPRISES, MESSAGERIE, normalisedText, parse } from './support';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemo({ port: 0 });
});
afterAll(async () => {
  await demo.close();
});

/** Checks the structure a PDF reader relies on: header, objects at the xref offsets, startxref, EOF. */
function checkPdf(pdf: Buffer): void {
  const raw = pdf.toString('latin1');
  expect(raw.startsWith('%PDF-1.4\n')).toBe(true);
  expect(raw.trimEnd().endsWith('%%EOF')).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n%%EOF\s*$/.exec(raw)?.[1]);
  expect(raw.slice(startxref, startxref + 4)).toBe('xref');
  const table = /xref\n0 (\d+)\n([\s\S]*?)trailer/.exec(raw.slice(startxref))!;
  const count = Number(table[1]);
  const entries = table[2]!.split('\n').filter(Boolean);
  expect(entries).toHaveLength(count);
  entries.slice(1).forEach((entry, i) => {
    const offset = Number(entry.slice(0, 10));
    expect(raw.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
  });
  const stream = /\/Length (\d+) >>\nstream\n/.exec(raw)!;
  const start = stream.index + stream[0].length;
  expect(raw.slice(start + Number(stream[1]), start + Number(stream[1]) + '\nendstream'.length)).toBe('\nendstream');
}

describe('demo server', () => {
  it('listens on a free port and builds absolute URLs per tool', () => {
    expect(demo.port).toBeGreaterThan(0);
    expect(demo.url('dossier-demandeur', '/portefeuille')).toBe(`http://dossiers.localhost:${demo.port}/portefeuille`);
    expect(demo.url('entreprises', 'recherche?q=lyon')).toBe(`http://entreprises.localhost:${demo.port}/recherche?q=lyon`);
    expect(demo.url('messagerie')).toBe(`http://messagerie.localhost:${demo.port}/`);
  });

  it('routes by Host header, with an index page on each host and a pointer for unknown hosts', async () => {
    const dossiers = await call(demo, DOSSIERS, '/');
    const entreprises = await call(demo, ENTREPRISES, '/');
    const messagerie = await call(demo, MESSAGERIE, '/');
    expect(dossiers.status).toBe(200);
    expect(dossiers.text).toContain('href="/portefeuille"');
    expect(entreprises.text).toContain('href="/etablissement/73282932000074"');
    expect(messagerie.text).toContain('href="/mail/nouveau"');
    // Links between the tools carry the port the browser used.
    expect(dossiers.text).toContain(`<a href="http://entreprises.localhost:${demo.port}/">Fiche Entreprise</a>`);
    expect(messagerie.text).toContain(`<a href="http://dossiers.localhost:${demo.port}/">Dossier demandeur</a>`);
    const other = await call(demo, 'localhost', '/portefeuille');
    expect(other.status).toBe(404);
    expect(other.text).toContain(`http://dossiers.localhost:${demo.port}/`);
  });

  it('shows the whole portfolio, one row per job seeker with a link to the file', async () => {
    const res = await call(demo, DOSSIERS, '/portefeuille');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const { document, close } = parse(res.text, demo.url('dossiers', '/portefeuille'));
    const rows = [...document.querySelectorAll('#j_idt40\\:portefeuille_data tr')];
    expect(rows).toHaveLength(JOB_SEEKERS.length);
    expect(rows.map((r) => r.querySelector('td')?.textContent)).toEqual(JOB_SEEKERS.map((s) => s.ftId));
    expect(document.querySelector('.bandeau-conseiller')?.textContent?.replace(/\s+/g, ' ')).toBe('Conseiller : Jeanne MARTIN — Agence Lyon Part-Dieu (69031)');
    await close();
  });

  it('serves every job seeker file, case-insensitively and with a trailing slash, and 404 for others', async () => {
    for (const s of JOB_SEEKERS) {
      const res = await call(demo, DOSSIERS, `/dossier/${s.ftId}`);
      expect(res.status, s.ftId).toBe(200);
      expect(res.text).toContain(`<span id="j_idt${s.jsf.panel}:identifiant">${s.ftId}</span>`);
    }
    expect((await call(demo, DOSSIERS, '/dossier/1234567a/')).status).toBe(200);
    const missing = await call(demo, DOSSIERS, '/dossier/9999999Z');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('Dossier introuvable');
    expect(missing.text).toContain('Conseiller&nbsp;: <b>Jeanne MARTIN</b>');
    expect((await call(demo, DOSSIERS, '/dossier/%E0%A4%A')).status).toBe(404);
    const unknown = await call(demo, DOSSIERS, '/nulle-part');
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('Page introuvable');
  });

  it('downloads a real PDF CV with its file name, and 404 when the file has none', async () => {
    const withCv = JOB_SEEKERS.filter((s) => s.cv);
    for (const s of withCv) {
      const res = await call(demo, DOSSIERS, `/dossier/${s.ftId}/cv`);
      expect(res.status, s.ftId).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${s.cv!.fileName}"`);
      checkPdf(res.body);
    }
    const marie = await call(demo, DOSSIERS, '/dossier/1234567A/cv');
    expect(marie.headers['content-disposition']).toBe('attachment; filename="CV_Marie_DUPONT.pdf"');
    expect(marie.body.toString('latin1')).toContain('(Marie DUPONT) Tj');
    expect(marie.body.toString('latin1')).toContain('(Secr\xe9tariat) Tj');
    const none = await call(demo, DOSSIERS, '/dossier/7654321B/cv');
    expect(none.status).toBe(404);
  });

  it('shows the login page', async () => {
    const res = await call(demo, DOSSIERS, '/connexion');
    expect(res.status).toBe(200);
    expect(res.text).toContain('action="/j_security_check"');
    const login = await call(demo, DOSSIERS, '/j_security_check', { method: 'POST', body: 'j_username=x' });
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe('/portefeuille');
  });

  it('renders markup-looking seed values as text', async () => {
    const camille = JOB_SEEKERS.find((s) => s.skills.some((k) => k.includes('<b>')))!;
    const skill = camille.skills.find((k) => k.includes('<b>'))!;
    const res = await call(demo, DOSSIERS, `/dossier/${camille.ftId}`);
    expect(res.text).toContain(escapeHtml(skill));
    expect(res.text).not.toContain('<b>, <table>');
    const { document, close } = parse(res.text, demo.url('dossiers', `/dossier/${camille.ftId}`));
    const items = [...document.querySelectorAll(`[id="j_idt${camille.jsf.panel}:savoirFaire"] li`)].map((li) => li.textContent);
    expect(items).toContain(skill);
    expect(document.querySelector('#contenu b')).toBeNull();
    await close();

    const acp = await call(demo, ENTREPRISES, '/etablissement/88126453500017');
    expect(acp.text).toContain('AUDIT &amp; CONSEIL PRESQU&#39;ÎLE');
    const nol = await call(demo, ENTREPRISES, '/etablissement/90182736000016');
    expect(nol.text).toContain('&lt;confirmés&gt;');
  });

  it('searches establishments by name, city or SIRET like the reference search page', async () => {
    const lyon = await call(demo, ENTREPRISES, '/recherche?q=lyon');
    const { document, close } = parse(lyon.text, demo.url('entreprises', '/recherche?q=lyon'));
    const sirets = [...document.querySelectorAll('#resultats tbody tr')].map((r) => r.querySelector('td.text-monospace')?.textContent);
    expect(sirets.slice(0, 5)).toEqual(['73282932000074', '35600000009075', '81234567600017', '79845123300026', '84217690100010']);
    const expected = ESTABLISHMENTS.filter((e) => /lyon/i.test(`${e.name} ${e.tradeName} ${e.address.city}`)).map((e) => e.siret);
    expect(sirets).toEqual(expected);
    expect(normalisedText(document)).toContain(`${expected.length} établissements trouvés pour « lyon »`);
    await close();

    const byCity = await call(demo, ENTREPRISES, '/recherche?q=v%C3%A9nissieux');
    expect(byCity.text).toContain('/etablissement/48316925600011');
    const bySiret = await call(demo, ENTREPRISES, '/recherche?q=356%20000%20000%2009075');
    expect(bySiret.text).toContain('1 établissement trouvé');
    const byAccentless = await call(demo, ENTREPRISES, '/recherche?q=proprete');
    expect(byAccentless.text).toContain('/etablissement/79845123300026');
    const none = await call(demo, ENTREPRISES, '/recherche?q=introuvable');
    expect(none.text).toContain('Aucun établissement trouvé');
    const escaped = await call(demo, ENTREPRISES, '/recherche?q=%3Cscript%3E');
    expect(escaped.text).toContain('value="&lt;script&gt;"');
    expect(escaped.text).not.toContain('<script>"');
  });

  it('serves every establishment file, and the technical error page (500) for an unknown SIRET', async () => {
    for (const e of ESTABLISHMENTS) {
      const res = await call(demo, ENTREPRISES, `/etablissement/${e.siret}`);
      expect(res.status, e.siret).toBe(200);
      expect(res.text).toContain(`<dd class="col-sm-7 text-monospace">${e.siretDisplay ?? e.siret}</dd>`);
    }
    const error = await call(demo, ENTREPRISES, '/etablissement/12345678912345');
    expect(error.status).toBe(500);
    expect(error.text).toContain('Une erreur technique est survenue');
    expect(error.text).toContain('Connecté&nbsp;: <strong>Jeanne MARTIN</strong> | Agence 69031 &ndash; Lyon Part-Dieu');
    const other = await call(demo, ENTREPRISES, '/nulle-part');
    expect(other.status).toBe(404);
  });

  it('refuses methods a page does not take', async () => {
    expect((await call(demo, DOSSIERS, '/portefeuille', { method: 'DELETE' })).status).toBe(405);
    expect((await call(demo, MESSAGERIE, '/mail/envoyer')).status).toBe(405);
  });
});

describe('startDemo', () => {
  it('can run a second demo side by side on another free port', async () => {
    const second = await startDemo({ port: 0 });
    expect(second.port).not.toBe(demo.port);
    expect((await call(second, DOSSIERS, '/portefeuille')).status).toBe(200);
    await second.close();
    expect((await call(demo, DOSSIERS, '/portefeuille')).status).toBe(200);
  });
});
