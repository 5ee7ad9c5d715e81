// The Firefox build in Debian's Firefox ESR: the panel (a sidebar there) reads the job-seeker file and the
// establishment, the promotion e-mail is prepared in the webmail and sent with the CV, and the employer's reply read in
// the webmail moves it to « Entretien ».
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startDemo, type DemoServer } from '../../demo/server';
import { existsSync } from 'node:fs';
import { missingTool } from '../support/tools';
import { clickButton, failOnDialog, FIREFOX, firefoxAvailable, launchFirefoxWithExtension, untilTrue, type FirefoxWithExtension } from './firefox-harness';

// Outside CI, no Firefox ESR: skipped and counted; in CI a failure (tests/support/tools.ts). A missing build fails.
describe.skipIf(missingTool('Firefox ESR', existsSync(FIREFOX)) !== null)('Firefox ESR, Firefox build, demo tools', () => {
  let demo: DemoServer;
  let firefox: FirefoxWithExtension;
  const dialogs: string[] = [];

  beforeAll(async () => {
    if (!firefoxAvailable()) throw new Error('Construction Firefox absente : npx wxt build -b firefox (npm test la fait).');
    demo = await startDemo({ port: 0 });
    firefox = await launchFirefoxWithExtension();
  });
  afterAll(async () => {
    await firefox?.close();
    await demo?.close();
  });

  async function open(url: string): Promise<Page> {
    const page = await firefox.browser.newPage();
    failOnDialog(page, dialogs);
    await page.goto(url);
    return page;
  }
  const text = (page: Page, testId: string, contains: string) =>
    untilTrue(page, (id, wanted) => !!document.querySelector(`[data-testid="${id}"]`)?.textContent?.includes(wanted), testId, contains);

  it('reads the job-seeker file and the establishment into the panel', async () => {
    const file = await open(demo.url('dossier-demandeur', '/dossier/1234567A'));
    const panel = await firefox.openExtensionPage('sidepanel.html', 'Page');
    await file.bringToFront();
    await text(panel, 'profile-name', 'Marie DUPONT');
    expect(await panel.$eval('[data-testid="consent"]', (e) => e.textContent)).toContain('Promotion autorisée depuis le 12/03/2025');

    const establishment = await open(demo.url('fiche-entreprise', '/etablissement/73282932000074'));
    await establishment.bringToFront();
    await text(panel, 'establishment-name', 'LOGICIELS DU RHÔNE');
    expect(await panel.$eval('[data-testid="establishment-contacts"]', (e) => e.textContent)).toContain('claire.roussel@example.com');
    await Promise.all([file.close(), establishment.close(), panel.close()]);
  });

  it('prepares the promotion e-mail in the webmail, CV attached, records it as sent, then the employer\'s reply', async () => {
    demo.mailbox.clear();
    const webmail = await open(demo.url('messagerie', '/'));
    // Open beside the file: the establishment the promotion goes to.
    await open(demo.url('fiche-entreprise', '/etablissement/73282932000074'));
    const file = await open(demo.url('dossier-demandeur', '/dossier/1234567A'));
    const panel = await firefox.openExtensionPage('sidepanel.html', 'Page');
    await file.bringToFront();
    await text(panel, 'profile-name', 'Marie DUPONT');

    await clickButton(panel, 'Promouvoir ce profil');
    await text(panel, 'promote-form', 'LOGICIELS DU RHÔNE');
    await clickButton(panel, "Préparer l'e-mail", '[data-testid="promote-form"]');

    await untilTrue(webmail, () => !!(document.querySelector('input[name="subject"]') as HTMLInputElement | null)?.value.includes('PRF-'));
    expect(await webmail.$eval('input[name="to"]', (e) => (e as HTMLInputElement).value)).toBe('claire.roussel@example.com');
    await untilTrue(webmail, () => (document.querySelector('input[type="file"]') as HTMLInputElement).files?.[0]?.name === 'CV_Marie_DUPONT.pdf');
    await clickButton(webmail, 'Envoyer');
    await untilTrue(webmail, () => location.pathname.startsWith('/mail/envoye/')).catch((err) => {
      throw new Error(`Envoi non confirmé (dialogues : ${dialogs.join(' | ') || 'aucun'}) : ${err.message}`);
    });

    const sent = demo.mailbox.list();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toEqual(['claire.roussel@example.com']);
    expect(sent[0]!.subject).toMatch(/PRF-[0-9A-Z]{6}/);
    expect(sent[0]!.body).toContain('Marie DUPONT');
    expect(sent[0]!.attachments.map((a) => a.fileName)).toEqual(['CV_Marie_DUPONT.pdf']);

    await file.bringToFront();
    await text(panel, 'promotion-status', 'Envoyée');
    expect(dialogs).toEqual([]);

    // The employer answers (issue 17): the reply opened in the webmail moves the promotion to « Entretien ».
    const reply = demo.inbox.reply(sent[0]!.id, { text: 'Bonjour, nous souhaitons rencontrer Mme Dupont jeudi.' });
    await webmail.goto(demo.url('messagerie', `/mail/message/${reply.id}`));
    await webmail.bringToFront();
    await text(panel, 'reply-promotion', 'Marie DUPONT');
    await clickButton(panel, 'Entretien', '[data-testid="reply-promotion"]');
    await text(panel, 'reply-recorded', 'Entretien');
    await file.bringToFront();
    await text(panel, 'promotion-status', 'Entretien');
    expect(dialogs).toEqual([]);
  });
});
