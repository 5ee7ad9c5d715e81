// The promotion e-mail, right every time (issue 13), as a counsellor does it in Chromium with the built
// extension and the demo tools: acting through visible labels only, and checking the e-mails the demo
// webmail received. Any browser dialog nobody expected fails the test.
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDemo, type DemoServer } from '../../demo/server';
import { uuidv7 } from '../../lib/domain/ids';
import { promotionReference } from '../../lib/domain/promotion';
import { toStoredPromotion } from '../../lib/store/promotions';
import { launchWithExtension, waitForTestIdText, type ExtensionBrowser } from './harness';

const MARIE = '1234567A';
const SANDRINE = '7654321B';
const LOGICIELS = '73282932000074';
const BOULANGERIE = '81234567600017';
const HOTELLERIE = '51284736900018';
const PROPRETE = '79845123300026';
const TRANSPORTS = '84217690100010';

describe('the promotion e-mail, right every time (Chromium, built extension, demo tools)', () => {
  let demo: DemoServer;
  let browser: ExtensionBrowser;
  const unexpectedDialogs: string[] = [];

  // A real webmail sends without any dialog: every dialog fails the test.
  function watchDialogs(page: Page) {
    page.on('dialog', async (dialog) => {
      unexpectedDialogs.push(`${dialog.type()} on ${page.url()}: ${dialog.message()}`);
      await dialog.dismiss();
    });
  }

  beforeAll(async () => {
    demo = await startDemo({ port: 0 });
    browser = await launchWithExtension();
    browser.context.on('page', watchDialogs);
    for (const page of browser.context.pages()) watchDialogs(page);
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });
  beforeEach(async () => {
    demo.mailbox.clear();
    await Promise.all(browser.context.pages().map((page) => page.close()));
  });
  afterEach(() => {
    expect(unexpectedDialogs).toEqual([]);
  });

  async function open(url: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(url);
    return page;
  }
  const establishmentPage = (siret: string) => open(demo.url('fiche-entreprise', `/etablissement/${siret}`));
  const filePage = (ftId: string) => open(demo.url('dossier-demandeur', `/dossier/${ftId}`));

  /** Webmail, establishment tabs, the panel (900 px high, as in a browser window), then the files. */
  async function openTools(sirets: string[]) {
    const webmail = await open(demo.url('messagerie', '/'));
    for (const siret of sirets) await establishmentPage(siret);
    const panel = await browser.openExtensionPage('sidepanel.html');
    await panel.setViewportSize({ width: 420, height: 900 });
    // Each scenario starts without the forms an earlier one left open (drafts survive the panel by design).
    await panel.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('profilence');
          request.onsuccess = () => {
            if (!request.result.objectStoreNames.contains('drafts')) return (request.result.close(), resolve());
            const tx = request.result.transaction('drafts', 'readwrite');
            tx.objectStore('drafts').clear();
            tx.oncomplete = () => (request.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    return { webmail, panel };
  }

  /** Waits for the webmail's new-message form to be filled with a promotion (another one than `previous`). */
  async function filledSubject(webmail: Page, previous?: string): Promise<string> {
    await webmail.waitForURL(/\/mail\/nouveau/, { timeout: 20_000 });
    const subject = webmail.getByLabel('Objet', { exact: true });
    let value = '';
    await expect
      .poll(async () => ((value = await subject.inputValue().catch(() => '')), /PRF-[0-9A-Z]{6}/.test(value) && value !== previous), {
        timeout: 20_000,
      })
      .toBe(true);
    return value;
  }

  async function send(webmail: Page) {
    await webmail.getByRole('button', { name: 'Envoyer' }).click();
    await webmail.waitForURL(/\/mail\/envoye\//, { timeout: 20_000 });
  }

  async function cvSha256(ftId: string): Promise<string> {
    const page = await open(demo.url('dossier-demandeur', '/'));
    const bytes = await page.evaluate(async (path) => Array.from(new Uint8Array(await (await fetch(path)).arrayBuffer())), `/dossier/${ftId}/cv`);
    await page.close();
    return createHash('sha256').update(Uint8Array.from(bytes)).digest('hex');
  }

  it('proposes to the open establishment in 2 actions, no dialog, with the CV; the form closes and a second time warns', async () => {
    const { webmail, panel } = await openTools([LOGICIELS]);
    const file = await filePage(MARIE);
    await file.bringToFront();
    await waitForTestIdText(panel, 'profile-name', 'Marie');
    let actions = 0;

    // The first screen of the panel, above the fold of 900 px.
    const propose = panel.getByRole('button', { name: 'Proposer à LOGICIELS DU RHÔNE' });
    await propose.waitFor();
    const box = (await propose.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(900);

    await propose.click();
    actions++;
    // The webmail comes forward (the panel follows the active tab), filled: contact, subject, CV.
    await waitForTestIdText(panel, 'mail-queue', 'claire.roussel@example.com');
    const subject = await filledSubject(webmail);
    expect(await webmail.getByLabel('À', { exact: true }).inputValue()).toBe('claire.roussel@example.com');

    await send(webmail);
    actions++;
    console.log(`Actions pour « Proposer à » (nominatif, CV joint) : ${actions}`);
    expect(actions).toBe(2);

    const sent = demo.mailbox.list();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe(subject);
    expect(sent[0]!.body).toMatch(/^Bonjour Madame ROUSSEL,/);
    expect(sent[0]!.body).toContain('Madame Marie DUPONT pour un poste dans le domaine « Secrétariat » au sein de LOGICIELS DU RHÔNE.');
    expect(sent[0]!.attachments.map((a) => a.fileName)).toEqual(['CV_Marie_DUPONT.pdf']);
    expect(sent[0]!.attachments[0]!.sha256).toBe(await cvSha256(MARIE));

    // Back on the file: the new promotion heads the history, sent; proposing it again warns.
    await file.bringToFront();
    const first = panel.getByTestId('promotion-row').first();
    await expect.poll(async () => (await first.textContent()) ?? '', { timeout: 15_000 }).toMatch(/LOGICIELS DU RHÔNE\s*Envoyée/);
    await waitForTestIdText(panel, 'duplicate-warning', 'LOGICIELS DU RHÔNE');
    expect(await panel.getByRole('button', { name: 'Proposer à LOGICIELS DU RHÔNE' }).isDisabled()).toBe(true);
    expect(await panel.getByTestId('promote-form').count()).toBe(0);
  });

  it('warns when a colleague already proposed the profile (a synced record)', async () => {
    const { panel } = await openTools([TRANSPORTS]);
    // What the sync engine writes when it pulls a colleague's promotion from the server.
    const id = uuidv7(Date.now() - 12 * 86_400_000);
    const createdAt = new Date(Date.now() - 12 * 86_400_000).toISOString();
    const colleague = {
      ...toStoredPromotion({
        id,
        reference: promotionReference(id),
        createdAt,
        counsellorId: 'Paul DURAND',
        agencyCode: '69031',
        jobSeeker: { ftId: SANDRINE, firstName: 'Sandrine', lastName: 'LEFÈVRE', mainRome: 'K2204', promotionConsent: { granted: true } },
        establishment: { siret: TRANSPORTS, name: 'TRANSPORTS LYON EST LOGISTIQUE', postcode: '69800', city: 'Saint-Priest' },
        rome: 'K2204',
        mode: 'named',
        channel: 'phone',
        pitch: 'Proposée par téléphone.',
        events: [{ id: uuidv7(Date.now() - 12 * 86_400_000), promotionId: id, type: 'sent', at: createdAt, by: 'Paul DURAND' }],
      }),
      serverVersion: 7,
    };
    await panel.evaluate(
      (row) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('profilence');
          request.onsuccess = () => {
            const tx = request.result.transaction('promotions', 'readwrite');
            tx.objectStore('promotions').put(row);
            tx.oncomplete = () => (request.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
      colleague,
    );
    // Written behind Dexie's back (the sync engine writes through it): the panel reads the store afresh.
    await panel.reload();

    const file = await filePage(SANDRINE);
    await file.bringToFront();
    await waitForTestIdText(panel, 'profile-name', 'Sandrine');
    const warning = await waitForTestIdText(panel, 'duplicate-warning', 'TRANSPORTS LYON EST LOGISTIQUE');
    expect(warning).toContain('par Paul DURAND');
    const propose = panel.getByRole('button', { name: 'Proposer à TRANSPORTS LYON EST LOGISTIQUE' });
    expect(await propose.isDisabled()).toBe(true);
    await panel.getByText('Proposer quand même').click();
    expect(await propose.isEnabled()).toBe(true);
    expect(demo.mailbox.list()).toHaveLength(0);
  });

  it('proposes the job of the file in front, after switching between two files', async () => {
    const { webmail, panel } = await openTools([LOGICIELS]);
    const marie = await filePage(MARIE);
    const sandrine = await filePage(SANDRINE);

    // On Marie's file the counsellor opens the form and picks her second job.
    await marie.bringToFront();
    await waitForTestIdText(panel, 'profile-name', 'Marie');
    await panel.getByRole('button', { name: 'Promouvoir ce profil' }).click();
    await panel.getByLabel('Métier proposé').selectOption({ label: 'Opérations administratives (M1602)' });
    await expect.poll(() => panel.getByLabel(/Message à l'employeur/).inputValue()).toContain('« Opérations administratives »');

    // Then goes to Sandrine's file: her own job, nothing of Marie's.
    await sandrine.bringToFront();
    await waitForTestIdText(panel, 'profile-name', 'Sandrine');
    await panel.getByRole('button', { name: 'Proposer à LOGICIELS DU RHÔNE' }).waitFor();
    await panel.getByRole('button', { name: 'Promouvoir ce profil' }).click();
    const job = panel.getByLabel('Métier proposé');
    const shown = await job.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
    expect(shown).toMatch(/\(K2204\)$/);
    const jobLabel = shown.replace(/ \(K2204\)$/, '');

    // Back to Marie's file and again to Sandrine's, then « Préparer l'e-mail » from her form.
    await marie.bringToFront();
    await waitForTestIdText(panel, 'profile-name', 'Marie');
    expect(await panel.getByLabel('Métier proposé').inputValue()).toBe('M1602');
    await sandrine.bringToFront();
    await waitForTestIdText(panel, 'profile-name', 'Sandrine');
    expect(await panel.getByLabel('Métier proposé').inputValue()).toBe('K2204');
    await panel.getByRole('button', { name: "Préparer l'e-mail" }).click();

    const subject = await filledSubject(webmail);
    expect(subject).toContain(jobLabel);
    await send(webmail);
    const [mail] = demo.mailbox.list();
    expect(mail!.body).toContain(`pour un poste dans le domaine « ${jobLabel} » au sein de LOGICIELS DU RHÔNE.`);
    expect(mail!.body).toContain('Sandrine LEFÈVRE');
    expect(mail!.body).not.toMatch(/Opérations administratives|Secrétariat|Marie|DUPONT/);

    // Recorded under her job, as the history of her file says.
    await sandrine.bringToFront();
    const row = panel.getByTestId('promotion-row').first();
    await expect.poll(async () => (await row.textContent()) ?? '', { timeout: 15_000 }).toContain(`${jobLabel} (K2204)`);
  });

  it('sends two establishments their own e-mail, each with its greeting, name and contact and the edited sentence', async () => {
    const { webmail, panel } = await openTools([BOULANGERIE, HOTELLERIE]);
    const file = await filePage(MARIE);
    await file.bringToFront();
    await waitForTestIdText(panel, 'profile-name', 'Marie');
    await panel.getByRole('button', { name: 'Promouvoir ce profil' }).click();
    for (const name of [/BOULANGERIE DES PENTES/, /HÔTELLERIE DES BROTTEAUX/]) {
      const box = panel.getByRole('checkbox', { name });
      await box.waitFor();
      if (!(await box.isChecked())) await box.check();
    }
    const message = panel.getByLabel(/Message à l'employeur/);
    const sentence = 'Elle peut commencer dès lundi et connaît les logiciels de réservation.';
    await message.fill((await message.inputValue()).replace('Bien cordialement,', `${sentence}\nBien cordialement,`));
    await panel.getByRole('button', { name: "Préparer l'e-mail" }).click();
    // The panel follows the counsellor to the webmail, where both e-mails wait their turn.
    const queue = await waitForTestIdText(panel, 'mail-queue', 'contact.pains-des-pentes@example.com');
    expect(queue).toContain('direction.hotel-brotteaux@example.com');

    const firstSubject = await filledSubject(webmail);
    await send(webmail);
    const secondSubject = await filledSubject(webmail, firstSubject);
    await send(webmail);

    const sent = demo.mailbox.list();
    expect(sent).toHaveLength(2);
    const to = (address: string) => sent.find((m) => m.to.includes(address))!;
    const boulangerie = to('contact.pains-des-pentes@example.com');
    const hotel = to('direction.hotel-brotteaux@example.com');
    expect(boulangerie.body).toMatch(/^Bonjour Monsieur BONNET,/);
    expect(boulangerie.body).toContain('au sein de BOULANGERIE DES PENTES.');
    expect(boulangerie.body).not.toMatch(/LEROY|BROTTEAUX/);
    expect(hotel.body).toMatch(/^Bonjour Madame LEROY,/);
    expect(hotel.body).toContain('au sein de SAS HÔTELLERIE DES BROTTEAUX.');
    expect(hotel.body).not.toMatch(/BONNET|BOULANGERIE/);
    for (const mail of [boulangerie, hotel]) {
      expect(mail.body).toContain(sentence);
      expect(mail.body).not.toMatch(/\[(Salutation|Établissement)\]/);
      expect(mail.attachments.map((a) => a.fileName)).toEqual(['CV_Marie_DUPONT.pdf']);
    }
    expect(new Set([boulangerie.subject, hotel.subject])).toEqual(new Set([firstSubject, secondSubject]));

    // Back on the file: the form is closed, the two new promotions head the history.
    await file.bringToFront();
    await waitForTestIdText(panel, 'profile-name', 'Marie');
    await panel.getByRole('button', { name: 'Promouvoir ce profil' }).waitFor();
    expect(await panel.getByTestId('promote-form').count()).toBe(0);
    const rows = panel.getByTestId('promotion-row');
    const heads = async () => [await rows.nth(0).textContent(), await rows.nth(1).textContent()].join(' ');
    await expect.poll(heads, { timeout: 15_000 }).toMatch(/BOULANGERIE DES PENTES[\s\S]*HÔTELLERIE|HÔTELLERIE[\s\S]*BOULANGERIE DES PENTES/);
  });

  it('sends an anonymous e-mail free of every personal value, even after an edit in named mode', async () => {
    const { webmail, panel } = await openTools([PROPRETE]);
    const file = await filePage(SANDRINE);
    await file.bringToFront();
    await waitForTestIdText(panel, 'profile-name', 'Sandrine');
    await panel.getByRole('button', { name: 'Promouvoir ce profil' }).click();
    const message = panel.getByLabel(/Message à l'employeur/);
    await message.fill(`${await message.inputValue()}\nSandrine LEFÈVRE (dossier ${SANDRINE}), 3 impasse des Tanneurs, joignable au 06.71.23.45.98.`);

    // « Anonyme »: the panel asks before discarding the edit; kept, it says what to remove and cannot leave.
    await panel.getByText('Anonyme : ni nom, ni coordonnées, ni CV').click();
    await panel.getByRole('button', { name: 'Garder mon message' }).click();
    const problem = await waitForTestIdText(panel, 'anonymity-problem', 'Message anonyme');
    for (const what of ['le prénom', 'le nom', 'le numéro de téléphone', "l'identifiant France Travail", "l'adresse postale"]) {
      expect(problem).toContain(what);
    }
    expect(await panel.getByRole('button', { name: "Préparer l'e-mail" }).isDisabled()).toBe(true);

    // Back to the text written from the file, then a sentence of the counsellor's own.
    await panel.getByRole('button', { name: 'Revenir au texte proposé' }).click();
    const own = 'Disponible pour un essai en entreprise.';
    await message.fill(`${await message.inputValue()}\n${own}`);
    expect(await panel.getByTestId('anonymity-problem').count()).toBe(0);
    await panel.getByRole('button', { name: "Préparer l'e-mail" }).click();
    await filledSubject(webmail);
    await send(webmail);

    const sent = demo.mailbox.list();
    expect(sent).toHaveLength(1);
    const text = `${sent[0]!.subject}\n${sent[0]!.body}`;
    expect(text).toContain(own);
    const folded = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    for (const secret of ['sandrine', 'lefevre', SANDRINE.toLowerCase(), 'tanneurs', 'cv_']) expect(folded).not.toContain(secret);
    const digits = text.replace(/\D/g, '');
    for (const phone of ['671234598', '648901234']) expect(digits).not.toContain(phone);
    expect(sent[0]!.attachments).toEqual([]);
  });
});
