// No promotion left in limbo (Chromium, built extension, demo tools): e-mails prepared, the browser closed and
// started again on the same profile; every unconfirmed e-mail is still there and is resumed and sent (CV
// attached again), marked sent, or abandoned with a reason; a message sent elsewhere and seen later in the
// webmail's sent items confirms its promotion. No browser dialog may show, ever (the webmail sends like a real one).
// No sync server in this test: what was recorded is checked in the panel's history.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type DemoServer } from '../../demo/server';
import { launchChromiumProfile, waitForTestIdText } from './harness';

const FILE = '1234567A'; // Marie DUPONT, named promotion with her CV
const ESTABLISHMENTS = {
  resumed: { siret: '73282932000074', name: 'LOGICIELS DU RHÔNE', email: 'claire.roussel@example.com' },
  marked: { siret: '81234567600017', name: 'BOULANGERIE DES PENTES' },
  abandoned: { siret: '79845123300026', name: 'PROPRETÉ LYONNAISE SERVICES' },
  seenLater: { siret: '84217690100010', name: 'TRANSPORTS LYON EST LOGISTIQUE', email: 'j.perret.tlel@example.com' },
} as const;

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious or critical axe-core violations of the page (run through the debugging protocol: the CSP forbids injection). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(`${axeSource}\n;0`);
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations)`)) as {
    id: string;
    impact: string | null;
  }[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

/** Chromium on a profile kept between launches, so closing it and launching again is a browser restart. */
async function launch(userDataDir: string, dialogs: string[]): Promise<{ context: BrowserContext; extensionId: string }> {
  const context = await launchChromiumProfile(userDataDir);
  // Playwright would dismiss any dialog silently: every one is recorded, and the test fails on it.
  const watch = (page: Page) =>
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
  context.pages().forEach(watch);
  context.on('page', watch);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return { context, extensionId: new URL(worker.url()).host };
}

describe('no promotion left in limbo (Chromium, browser restarted)', () => {
  let demo: DemoServer;
  let userDataDir: string;
  let context: BrowserContext;
  let extensionId: string;
  const dialogs: string[] = [];

  const openPage = async (url: string) => {
    const page = await context.newPage();
    await page.goto(url);
    return page;
  };
  const openPanel = () => openPage(`chrome-extension://${extensionId}/sidepanel.html`);
  const row = (panel: Page, name: string) => panel.getByTestId('promotion-row').filter({ hasText: name });

  beforeAll(async () => {
    demo = await startDemo({ port: 0 });
    userDataDir = mkdtempSync(join(tmpdir(), 'profilence-limbo-'));
    ({ context, extensionId } = await launch(userDataDir, dialogs));
    // No central endpoint in this test: the sync is pointed at a closed port, never at a server of this machine.
    const options = await openPage(`chrome-extension://${extensionId}/options.html`);
    await options.evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
        'settings.sync': { serverUrl: 'http://127.0.0.1:9' },
      }),
    );
    await options.close();
  });
  afterAll(async () => {
    await context?.close();
    await demo?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('keeps every unconfirmed e-mail through a restart, and resolves each one', async () => {
    // ── Before the restart: four e-mails prepared, none sent.
    const webmail = await openPage(demo.url('messagerie', '/'));
    for (const e of Object.values(ESTABLISHMENTS)) await openPage(demo.url('fiche-entreprise', `/etablissement/${e.siret}`));
    let panel = await openPanel();
    let file = await openPage(demo.url('dossier-demandeur', `/dossier/${FILE}`));
    await file.bringToFront();
    await waitForTestIdText(panel, 'profile-name', 'Marie');
    await panel.getByRole('button', { name: 'Promouvoir ce profil' }).click();
    for (const e of Object.values(ESTABLISHMENTS)) expect(await panel.getByLabel(new RegExp(e.name)).isChecked()).toBe(true);
    await panel.getByRole('button', { name: "Préparer l'e-mail" }).click();
    await webmail.waitForURL(/\/mail\/nouveau/);
    await webmail.waitForFunction(() => (document.querySelector('input[name="subject"]') as HTMLInputElement | null)?.value.includes('PRF-'));

    // ── The browser closes (nothing sent) and starts again on the same profile.
    await context.close();
    ({ context, extensionId } = await launch(userDataDir, dialogs));
    const again = await openPage(demo.url('messagerie', '/'));
    panel = await openPanel();
    file = await openPage(demo.url('dossier-demandeur', `/dossier/${FILE}`));
    await file.bringToFront();
    await waitForTestIdText(panel, 'profile-name', 'Marie');
    for (const e of Object.values(ESTABLISHMENTS)) {
      await expect.poll(() => row(panel, e.name).getByTestId('promotion-status').textContent(), { timeout: 15_000 }).toBe('Brouillon');
      for (const action of ["Reprendre l'e-mail", 'Marquer comme envoyée', 'Abandonner']) {
        expect(await row(panel, e.name).getByRole('button', { name: action, exact: true }).isVisible()).toBe(true);
      }
    }
    expect(demo.mailbox.list()).toEqual([]);
    expect(await seriousViolations(panel)).toEqual([]);

    // « Reprendre l'e-mail »: the webmail gets the e-mail again, CV fetched again from the open file; « Envoyer ».
    await row(panel, ESTABLISHMENTS.resumed.name).getByRole('button', { name: "Reprendre l'e-mail" }).click();
    const webmail2 = context.pages().find((p) => p.url().includes('messagerie.localhost')) ?? again;
    await webmail2.waitForURL(/\/mail\/nouveau/);
    await webmail2.waitForFunction(() => (document.querySelector('input[type="file"]') as HTMLInputElement | null)?.files?.length === 1);
    await webmail2.getByRole('button', { name: 'Envoyer' }).click();
    await webmail2.waitForURL(/\/mail\/envoye\//);
    const [resumed] = demo.mailbox.list();
    expect(resumed!.to).toEqual([ESTABLISHMENTS.resumed.email]);
    expect(resumed!.attachments.map((a) => a.fileName)).toEqual(['CV_Marie_DUPONT.pdf']);
    await file.bringToFront();
    await expect.poll(() => row(panel, ESTABLISHMENTS.resumed.name).getByTestId('promotion-status').textContent(), { timeout: 15_000 }).toBe('Envoyée');

    // « Marquer comme envoyée »: sent another way, on a date the counsellor gives (today here: prepared today).
    const marked = row(panel, ESTABLISHMENTS.marked.name);
    await marked.getByRole('button', { name: 'Marquer comme envoyée' }).click();
    const today = await panel.getByLabel("Date d'envoi").inputValue();
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await panel.getByRole('button', { name: "Enregistrer l'envoi" }).click();
    await expect.poll(() => marked.getByTestId('promotion-status').textContent(), { timeout: 15_000 }).toBe('Envoyée');
    expect(await marked.getByTestId('timeline-event').first().textContent()).toContain(today.split('-').reverse().join('/'));

    // « Abandonner »: withdrawn, with the reason in the history.
    const abandoned = row(panel, ESTABLISHMENTS.abandoned.name);
    await abandoned.getByRole('button', { name: 'Abandonner', exact: true }).click();
    await panel.getByLabel("Motif de l'abandon").fill('Poste pourvu entre-temps');
    expect(await seriousViolations(panel)).toEqual([]);
    await panel.getByRole('button', { name: 'Abandonner la promotion' }).click();
    await expect.poll(() => abandoned.getByTestId('promotion-status').textContent(), { timeout: 15_000 }).toBe('Retirée');
    expect(await abandoned.getByTestId('timeline-event').first().textContent()).toContain('Poste pourvu entre-temps');

    // Sent from elsewhere (another session of the webmail), then seen in the sent items: that confirms it too.
    const reference = /PRF-[0-9A-Z]{6}/.exec((await row(panel, ESTABLISHMENTS.seenLater.name).textContent()) ?? '')![0];
    demo.mailbox.send({
      to: [ESTABLISHMENTS.seenLater.email],
      cc: [],
      subject: `Proposition de candidature – réf. ${reference}`,
      body: 'Envoyé depuis le poste de l’accueil.',
      attachments: [],
    });
    await webmail2.bringToFront();
    await webmail2.getByRole('link', { name: 'Éléments envoyés' }).first().click();
    await webmail2.getByRole('link', { name: `Proposition de candidature – réf. ${reference}` }).click();
    await webmail2.waitForURL(/\/mail\/envoye\//);
    // The « Message envoyé » panel says which promotion the message confirmed.
    const confirmed = await waitForTestIdText(panel, 'mail-promotion', ESTABLISHMENTS.seenLater.name);
    expect(confirmed).toContain('Marie DUPONT');
    expect(confirmed).toContain(reference);
    await file.bringToFront();
    await expect.poll(() => row(panel, ESTABLISHMENTS.seenLater.name).getByTestId('promotion-status').textContent(), { timeout: 15_000 }).toBe('Envoyée');

    // Nothing else left: only the resumed e-mail went through the demo webmail's form, and no dialog ever showed.
    expect(demo.mailbox.list().map((m) => m.to[0])).toEqual([ESTABLISHMENTS.resumed.email, ESTABLISHMENTS.seenLater.email]);
    expect(dialogs).toEqual([]);
  });

  it('follows the links between the demo tools on the demo port', async () => {
    const page = await openPage(demo.url('dossier-demandeur', `/dossier/${FILE}`));
    await page.getByRole('link', { name: 'Messagerie' }).first().click();
    await page.waitForURL(/messagerie\.localhost/);
    expect(new URL(page.url()).port).toBe(String(demo.port));
    expect(dialogs).toEqual([]);
  });
});
