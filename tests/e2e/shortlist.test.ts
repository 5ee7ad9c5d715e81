// A shortlist for a company's need (issue 17), as a counsellor does it in Chromium with the built extension, the demo
// tools and a central endpoint on SQLite: a need put on the board from the establishment page, two files recommended
// to the pool in the panel and a colleague's recommendation pulled from the server, three profiles ticked under the
// need, one e-mail sent from the webmail. Checked on what left: the one e-mail the demo webmail received (three
// paragraphs, three references, the two named CVs) and the three promotions the server stored, each sent.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { findReferences } from '../../lib/domain/reply-references';
import { addToPool } from '../../lib/store';
import { deleteClientDatabases, SyncClient } from '../sync/clients';
import { useExtension, waitForTestIdText } from './harness';
import { startCentralServer, type CentralServer } from './central-server';
import { storedPromotionRecords, until } from './server-rows';

const SIRET = '88126453500017'; // AUDIT & CONSEIL PRESQU'ÎLE, Lyon 2e: needs M1203 and M1607 on its page
const MARIE = '1234567A'; // Marie DUPONT, Lyon 3e, M1607, consent, CV
const SOPHIE = '1357924R'; // Sophie GIRARD, Tassin-la-Demi-Lune, M1607, consent, CV
const KARIM = '7777777X'; // recommended by a colleague: the pool only (no file open here)
const TOKENS = { jeanne: 'shortlist-token-jeanne', paul: 'shortlist-token-paul' };

describe('a shortlist for a company need (Chromium, built extension, demo tools, central endpoint)', () => {
  let central: CentralServer | undefined;
  let serverUrl: string;
  let dataDir: string;
  const { browser, demo } = useExtension({
    demo: true,
    async setup() {
      central = await startCentralServer('shortlist', {
          devTokens: {
            [TOKENS.jeanne]: { sub: 'jeanne.martin', agency: '69031', name: 'Jeanne MARTIN' },
            [TOKENS.paul]: { sub: 'paul.bernard', agency: '69031', name: 'Paul BERNARD' },
          },
        });
      ({ url: serverUrl, dataDir } = central);
    },
  });
  afterAll(async () => {
    await central?.close();
    await deleteClientDatabases();
  });

  async function open(url: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(url);
    return page;
  }

  /** The CV as the job-seeker tool serves it. */
  async function cvSha256(ftId: string): Promise<string> {
    const page = await open(demo.url('dossier-demandeur', '/'));
    const bytes = await page.evaluate(async (path) => Array.from(new Uint8Array(await (await fetch(path)).arrayBuffer())), `/dossier/${ftId}/cv`);
    await page.close();
    return createHash('sha256').update(Uint8Array.from(bytes)).digest('hex');
  }

  /** « Recommander pour une promotion » on the file open in `file`. */
  async function recommend(panel: Page, file: Page, firstName: string) {
    await file.bringToFront();
    await waitForTestIdText(panel, 'profile-name', firstName);
    await panel.getByTestId('pool-recommend').click();
    await panel.getByRole('button', { name: 'Ajouter au vivier' }).click();
    await waitForTestIdText(panel, 'pool-entry', 'Recommandé par');
  }

  it('sends three profiles in one e-mail and records three promotions, each confirmed sent', { timeout: 120_000 }, async () => {
    // A colleague recommended Karim to the agency pool from his own install.
    const paul = new SyncClient({ token: TOKENS.paul, counsellor: 'paul.bernard', fetch: (url, init) => fetch(url.replace('http://sync.test', serverUrl), init) });
    await addToPool(
      paul.db,
      { ftId: KARIM, firstName: 'Karim', mainRome: 'M1607', romeLabel: 'Secrétariat', postcode: '69100', city: 'Villeurbanne', pitch: 'Accueil, standard téléphonique, tenue d’agenda.', promotionConsent: { granted: true, since: '2026-01-05' } },
      paul.ctx,
    );
    await paul.sync();
    expect(await paul.pending()).toBe(0);

    // Jeanne's extension syncs with the endpoint.
    const options = await browser.openExtensionPage('options.html');
    const settings = options.getByTestId('sync-settings-form');
    await settings.getByLabel(/Adresse du serveur central/).fill(serverUrl);
    await settings.getByLabel(/Jeton de développement/).fill(TOKENS.jeanne);
    await settings.getByRole('button', { name: 'Enregistrer' }).click();
    await waitForTestIdText(options, 'sync-settings-status', 'Connecté : Jeanne MARTIN (jeanne.martin), agence 69031', 30_000);

    // Karim's entry came down with the first sync.
    const panel = await browser.openExtensionPage('sidepanel.html');
    await panel.setViewportSize({ width: 420, height: 1400 });
    await panel.getByRole('tab', { name: 'Vivier' }).click();
    await waitForTestIdText(panel, 'pool-item', 'Karim', 30_000);
    await panel.getByRole('tab', { name: 'Page' }).click();

    const webmail = await open(demo.url('messagerie', '/'));
    const establishment = await open(demo.url('fiche-entreprise', `/etablissement/${SIRET}`));

    // Marie's and Sophie's files, recommended to the pool; their tabs stay open (named: name and CV).
    await recommend(panel, await open(demo.url('dossier-demandeur', `/dossier/${MARIE}`)), 'Marie');
    await recommend(panel, await open(demo.url('dossier-demandeur', `/dossier/${SOPHIE}`)), 'Sophie');

    // The establishment's M1607 need goes on the board.
    await establishment.bringToFront();
    await waitForTestIdText(panel, 'establishment-name', "AUDIT & CONSEIL PRESQU'ÎLE");
    await panel.getByRole('button', { name: 'Ajouter au tableau des besoins' }).click();
    const source = panel.getByLabel("Partir d'un besoin repéré sur la fiche");
    await source.selectOption((await source.locator('option', { hasText: 'M1607' }).getAttribute('value'))!);
    expect(await panel.getByLabel(/Code ROME/).inputValue()).toBe('M1607');
    await panel.getByRole('button', { name: 'Ajouter au tableau', exact: true }).click();
    await waitForTestIdText(panel, 'need-item', 'M1607');

    // « Proposer une sélection »: the three pool profiles for this need, Karim's pulled from the server.
    await panel.getByRole('button', { name: 'Proposer une sélection' }).click();
    await until(() => panel.getByTestId('shortlist-candidate').count(), (n) => n === 3);
    // The counsellor clicks the profiles' labels (the DSFR draws the boxes over the inputs).
    for (const name of ['Marie', 'Sophie', 'Karim']) {
      await panel.getByTestId('shortlist').locator('label', { hasText: new RegExp(`^${name} — Secrétariat`) }).click();
      expect(await panel.getByLabel(new RegExp(`^${name} — Secrétariat`)).isChecked()).toBe(true);
    }
    // Files open: named by default; Karim is known to the pool only, so anonymous only.
    expect(await panel.getByRole('group', { name: 'Envoi du profil de Marie' }).getByLabel('Nominatif, CV joint').isChecked()).toBe(true);
    expect(await panel.getByRole('group', { name: 'Envoi du profil de Sophie' }).getByLabel('Nominatif, CV joint').isChecked()).toBe(true);
    const karim = panel.getByRole('group', { name: 'Envoi du profil de Karim' });
    expect(await karim.getByLabel('Nominatif, CV joint').isDisabled()).toBe(true);
    expect(await karim.getByLabel('Anonyme').isChecked()).toBe(true);
    const preview = await waitForTestIdText(panel, 'shortlist-preview', 'Candidature 3');
    expect(preview).toContain('Bonjour Madame MICHEL');
    await panel.getByTestId('shortlist').screenshot({ path: join(tmpdir(), 'profilence-shortlist.png') });

    await panel.getByRole('button', { name: "Préparer l'e-mail" }).click();
    // The panel follows the counsellor to the webmail tab and says what to check.
    await waitForTestIdText(panel, 'mail-queue', 'h.michel.acp-expertise@example.fr');

    // The webmail shows the one filled message; the counsellor sends it.
    await webmail.waitForURL(/\/mail\/nouveau/);
    await webmail.waitForFunction(() => ((document.querySelector('input[name="subject"]') as HTMLInputElement | null)?.value.match(/PRF-/g) ?? []).length === 3);
    await webmail.screenshot({ path: join(tmpdir(), 'profilence-shortlist-webmail.png'), fullPage: true });
    await webmail.getByRole('button', { name: 'Envoyer' }).click();
    await webmail.waitForURL(/\/mail\/envoye\//);

    const received = demo.mailbox.list();
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail!.to).toEqual(['h.michel.acp-expertise@example.fr']);
    const references = findReferences(mail!.subject);
    expect(references).toHaveLength(3);
    expect(mail!.subject).toBe(`Proposition de candidatures – réf. ${references.join(', ')}`);
    for (const [i, reference] of references.entries()) expect(mail!.body).toContain(`Candidature ${i + 1} – réf. ${reference}`);
    expect(mail!.body).toContain('Madame Marie DUPONT');
    expect(mail!.body).toContain('Madame Sophie GIRARD');
    expect(mail!.body).not.toContain('Karim');
    expect(mail!.body).not.toContain(KARIM);
    expect(mail!.attachments.map((a) => a.fileName).sort()).toEqual(['CV_Marie_DUPONT.pdf', 'CV_Sophie_GIRARD.pdf']);
    const bySha = Object.fromEntries(mail!.attachments.map((a) => [a.fileName, a.sha256]));
    expect(bySha['CV_Marie_DUPONT.pdf']).toBe(await cvSha256(MARIE));
    expect(bySha['CV_Sophie_GIRARD.pdf']).toBe(await cvSha256(SOPHIE));

    // The server stored three promotions, one per reference, each sent on its own.
    const rows = await until(
      () => storedPromotionRecords(dataDir).filter((p) => p.establishment.siret === SIRET),
      (r) => r.length === 3 && r.every((p) => p.events.some((e) => e.type === 'sent')),
      30_000,
    );
    const byRef = Object.fromEntries(rows.map((p) => [p.reference, [p.jobSeeker.ftId, p.mode]]));
    expect(Object.keys(byRef).sort()).toEqual([...references].sort());
    expect(references.map((r) => byRef[r])).toEqual([
      [MARIE, 'named'],
      [SOPHIE, 'named'],
      [KARIM, 'anonymous'],
    ]);

    // Marie again, to the same establishment: the 90-day rule of a single promotion warns, and nothing leaves.
    await establishment.bringToFront();
    await waitForTestIdText(panel, 'establishment-name', "AUDIT & CONSEIL PRESQU'ÎLE");
    if ((await panel.getByTestId('shortlist').count()) === 0) await panel.getByRole('button', { name: 'Proposer une sélection' }).click();
    await until(() => panel.getByTestId('shortlist-candidate').count(), (n) => n === 3);
    const today = new Date().toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });
    // Said beside each of the three just sent, before anything is ticked.
    expect(await waitForTestIdText(panel, 'shortlist-seen', 'Déjà proposé')).toBe(`Déjà proposé à cet établissement le ${today}, par Jeanne MARTIN`);
    expect(await panel.getByTestId('shortlist-seen').count()).toBe(3);
    await panel.getByTestId('shortlist').locator('label', { hasText: /^Marie — Secrétariat/ }).click();
    await panel.getByTestId('shortlist').getByRole('button', { name: "Préparer l'e-mail" }).click();
    const warning = await waitForTestIdText(panel, 'shortlist-feedback', "Déjà proposé à AUDIT & CONSEIL PRESQU'ÎLE ces 90 derniers jours : Marie");
    expect(warning).toContain(`(le ${today}, par Jeanne MARTIN)`);
    await panel.getByTestId('shortlist').screenshot({ path: join(tmpdir(), 'profilence-shortlist-duplicate.png') });
    expect(await panel.getByRole('button', { name: 'Envoyer quand même' }).isVisible()).toBe(true);
    expect(demo.mailbox.list()).toHaveLength(1);
    expect(storedPromotionRecords(dataDir).filter((p) => p.establishment.siret === SIRET)).toHaveLength(3);
  });
});
