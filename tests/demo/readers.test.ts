/**
 * Reads every demo page with the extension's readers (lib/adapters) and compares
 * the result with the seed record: proof that the demo pages are built like the
 * legacy ones, and a second set of pages for the readers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPage } from '../../lib/adapters';
import { ESTABLISHMENTS } from '../../demo/seed/establishments';
import { expectedEstablishment, expectedHit, expectedMissing, expectedPortfolioEntry, expectedProfile } from '../../demo/seed/expected';
import { JOB_SEEKERS } from '../../demo/seed/job-seekers';
import { startDemo, type DemoServer } from '../../demo/server';
import { searchEstablishments } from '../../demo/routes/entreprises';
import { call, DOSSIERS, ENTREPRISES, MESSAGERIE, multipart, parse } from './support';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemo({ port: 0, clock: () => new Date('2026-11-20T13:32:00Z') });
});
afterAll(async () => {
  await demo.close();
});

const AGENT = { name: 'Jeanne MARTIN', agencyCode: '69031', agencyName: 'Lyon Part-Dieu' };

async function read(host: string, path: string) {
  const url = `http://${host}:${demo.port}${path}`;
  const res = await call(demo, host, path);
  const { document, close } = parse(res.text, url);
  const result = readPage(document, url);
  await close();
  return { status: res.status, result };
}

describe('the readers recognise every demo page', () => {
  it('the portfolio: every job seeker, nothing missing', async () => {
    const { result } = await read(DOSSIERS, '/portefeuille');
    expect(result).toMatchObject({ recognized: true, tool: 'dossier-demandeur', page: 'portfolio', agent: AGENT, missing: [] });
    expect(result.recognized && result.data).toEqual(JOB_SEEKERS.map((s) => expectedPortfolioEntry(s, demo.port)));
  });

  it.each(JOB_SEEKERS.map((s) => [s.ftId, s] as const))('the file of %s equals its seed record, only an absent mobility block missing', async (ftId, seeker) => {
    const { result } = await read(DOSSIERS, `/dossier/${ftId}`);
    expect(result).toMatchObject({ recognized: true, tool: 'dossier-demandeur', page: 'profile', agent: AGENT });
    if (!result.recognized) return;
    expect(result.data).toEqual(expectedProfile(seeker, demo.port));
    // A file without a mobility block is incomplete, like the reference 7654321B: the reader says so.
    expect(result.missing).toEqual(expectedMissing(seeker));
  });

  it.each(['lyon', 'villeurbanne', '', 'introuvable'])('the search page for "%s" lists the matching establishments', async (q) => {
    const { result } = await read(ENTREPRISES, `/recherche?q=${encodeURIComponent(q)}`);
    expect(result).toMatchObject({ recognized: true, tool: 'fiche-entreprise', page: 'search', agent: AGENT, missing: [] });
    expect(result.recognized && result.data).toEqual(searchEstablishments(q).map((e) => expectedHit(e, demo.port)));
  });

  it.each(ESTABLISHMENTS.map((e) => [e.siret, e] as const))('the file of establishment %s equals its seed record', async (siret, e) => {
    const { result } = await read(ENTREPRISES, `/etablissement/${siret}`);
    expect(result).toMatchObject({ recognized: true, tool: 'fiche-entreprise', page: 'establishment', agent: AGENT });
    if (!result.recognized) return;
    expect(result.missing).toEqual([]);
    expect(result.data).toEqual(expectedEstablishment(e));
  });

  it('the compose form and the confirmation of a sent message', async () => {
    const compose = await read(MESSAGERIE, '/mail/nouveau');
    expect(compose.result).toMatchObject({ recognized: true, tool: 'messagerie', page: 'compose', data: {} });

    const { body, contentType } = multipart({ to: 'Claire.Roussel@example.com; o.garnier@example.com', cc: 'jeanne.martin@example.fr', subject: 'Proposition de profil', body: 'Bonjour' }, []);
    const sent = await call(demo, MESSAGERIE, '/mail/envoyer', { method: 'POST', body, headers: { 'content-type': contentType } });
    const location = String(sent.headers.location);
    const { result } = await read(MESSAGERIE, location);
    expect(result).toMatchObject({ recognized: true, tool: 'messagerie', page: 'sent', missing: [] });
    expect(result.recognized && result.data).toEqual({
      messageId: location.split('/').pop(),
      to: ['claire.roussel@example.com', 'o.garnier@example.com'],
      subject: 'Proposition de profil',
      sentAt: '2026-11-20T14:32:00+01:00',
    });
  });

  it.each([
    [DOSSIERS, '/'],
    [DOSSIERS, '/connexion'],
    [DOSSIERS, '/dossier/9999999Z'],
    [DOSSIERS, '/nulle-part'],
    [ENTREPRISES, '/'],
    [ENTREPRISES, '/etablissement/12345678912345'],
    [ENTREPRISES, '/nulle-part'],
    [MESSAGERIE, '/'],
    [MESSAGERIE, '/mail/boite-envoi'],
    [MESSAGERIE, '/mail/envoye/00000000-0000-4000-8000-000000000000'],
  ])('%s%s is not a page the readers know', async (host, path) => {
    const { result } = await read(host, path);
    expect(result).toEqual({ url: `http://${host}:${demo.port}${path}`, recognized: false });
  });
});
