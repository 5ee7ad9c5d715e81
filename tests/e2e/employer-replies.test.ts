// Employers' replies captured from the webmail (issue 17): a promotion leaves through the demo webmail, the
// employer answers in the demo inbox, the counsellor opens the reply and clicks « Entretien » in the side panel:
// the promotion moves to interview, dated from the message, and the inbox and the badge stop counting it.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useExtension, waitForTestIdText } from './harness';

describe('employer replies in the webmail (Chromium, built extension, demo tools)', () => {
  const { browser, demo } = useExtension({ demo: true });
  beforeEach(() => {
    demo.mailbox.clear();
    demo.inbox.reset();
    for (const page of browser.context.pages()) void page.close();
  });

  /** The toolbar badge, as the service worker sets it. */
  async function badgeText(): Promise<string> {
    const worker = browser.context.serviceWorkers().find((w) => w.url().includes(browser.extensionId)) ?? browser.worker;
    return worker.evaluate(() => (globalThis as any).chrome.action.getBadgeText({}));
  }

  /** A promotion by e-mail through the panel and the webmail, as a counsellor makes it; the webmail tab and the panel. */
  async function promoteByEmail(ftId: string, anonymous = false): Promise<{ webmail: Page; panel: Page; file: Page }> {
    const webmail = await browser.context.newPage();
    await webmail.goto(demo.url('messagerie', '/'));
    const establishment = await browser.context.newPage();
    await establishment.goto(demo.url('fiche-entreprise', '/etablissement/73282932000074'));
    const panel = await browser.openExtensionPage('sidepanel.html');
    const file = await browser.context.newPage();
    await file.goto(demo.url('dossier-demandeur', `/dossier/${ftId}`));
    await file.bringToFront();
    await panel.getByTestId('profile-name').waitFor();
    await panel.getByTestId('promote').click();
    await panel.getByLabel(/LOGICIELS DU RHÔNE/).waitFor();
    if (anonymous) await panel.locator('label[for="mode-anonymous"]').click();
    await panel.getByRole('button', { name: "Préparer l'e-mail" }).click();
    await webmail.waitForURL(/\/mail\/nouveau/);
    await webmail.waitForFunction(() => (document.querySelector('input[name="subject"]') as HTMLInputElement | null)?.value.includes('PRF-'));
    await webmail.getByRole('button', { name: 'Envoyer' }).click();
    await webmail.waitForURL(/\/mail\/envoye\//);
    return { webmail, panel, file };
  }

  it('moves the right promotion to « Entretien » from the reply, dated from the message', async () => {
    const { webmail, panel, file } = await promoteByEmail('1234567A');
    const [sent] = demo.mailbox.list();
    const reference = /PRF-[0-9A-Z]{6}/.exec(sent!.subject)![0];
    const reply = demo.inbox.reply(sent!.id, { text: 'Bonjour, nous souhaitons rencontrer Mme Dupont jeudi à 10 h.' });

    // The inbox: the reply is listed among unrelated mail, the panel lists it to record, the badge counts it.
    await webmail.getByRole('link', { name: 'Boîte de réception' }).first().click();
    await webmail.waitForURL(/\/mail\/dossier\/reception/);
    await webmail.bringToFront();
    await webmail.getByRole('link', { name: "Réunion d'équipe entreprises – ordre du jour" }).waitFor();
    const pending = panel.getByTestId('pending-reply').filter({ hasText: 'Marie DUPONT' });
    await pending.waitFor({ timeout: 15_000 });
    expect(await pending.textContent()).toContain(`LOGICIELS DU RHÔNE (Envoyée, réf. ${reference})`);
    await expect.poll(badgeText, { timeout: 10_000 }).toBe('1');

    // The reply itself.
    await webmail.getByRole('link', { name: `RE: ${sent!.subject}` }).click();
    await webmail.waitForURL(/\/mail\/message\//);
    const shownDate = (await webmail.getByText(/^\d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}$/).first().textContent())!;
    const card = panel.getByTestId('reply-promotion').filter({ hasText: 'Marie DUPONT' });
    await card.waitFor({ timeout: 15_000 });
    expect(await card.textContent()).toContain('LOGICIELS DU RHÔNE');
    expect(await card.getByTestId('reply-status').textContent()).toBe('Envoyée');
    expect(await card.getByTestId('reply-sent').textContent()).toBe("Envoyée aujourd'hui");
    // The employer's answers the status allows, and nothing else.
    const offered = await card.getByRole('button').allTextContents();
    expect(offered).toEqual(['Réponse reçue', 'Entretien', 'Embauché', 'Profil conservé', 'Refus']);

    await card.getByRole('button', { name: 'Entretien', exact: true }).click();
    const recorded = await waitForTestIdText(panel, 'reply-recorded', 'Entretien');
    expect(await card.getByRole('button').count()).toBe(0);
    expect(await card.getByTestId('reply-status').textContent()).toBe('Entretien');
    // The date shown is the message's, not the click's.
    const [day, time] = shownDate.split(' à ');
    expect(recorded).toContain(`${day} ${time}`);

    // On the job seeker's file: the promotion is at « Entretien », the event dated from the message.
    await file.bringToFront();
    expect(await waitForTestIdText(panel, 'promotion-status', 'Entretien')).toBe('Entretien');
    const event = panel.getByTestId('timeline-event').filter({ hasText: 'Entretien' });
    // The webmail shows minutes: the event is at the message's minute.
    expect(Date.parse((await event.locator('time').getAttribute('datetime'))!)).toBe(Math.floor(Date.parse(reply.receivedAt) / 60_000) * 60_000);
    expect(await event.textContent()).toContain(`${day} ${time}`);

    // Recorded: the inbox no longer lists it and the badge no longer counts it.
    await webmail.goto(demo.url('messagerie', '/mail/dossier/reception'));
    await webmail.bringToFront();
    await waitForTestIdText(panel, 'inbox-replies-none', 'Aucune réponse à enregistrer');
    await expect.poll(badgeText, { timeout: 10_000 }).toBe('');
    // Statistics and the popup count it like any outcome: one interview out of one promotion sent, nothing to chase.
    const dashboard = await browser.openExtensionPage('dashboard.html');
    await waitForTestIdText(dashboard, 'dashboard-source', 'calculés sur ce poste');
    expect(await dashboard.getByTestId('kf-sent').locator('.pf-tile__value').textContent()).toBe('1');
    expect(await dashboard.getByTestId('kf-interviews').locator('.pf-tile__value').textContent()).toBe('1');
    const popup = await browser.openExtensionPage('popup.html');
    await waitForTestIdText(popup, 'nothing-due', 'Aucune relance');
    expect(await popup.getByTestId('upcoming-item').count()).toBe(0);
    // Nothing of the message's text was kept anywhere the extension stores.
    const stored = await browser.worker.evaluate(async () => JSON.stringify(await (globalThis as any).chrome.storage.local.get(null)));
    expect(stored).not.toContain('rencontrer');
  });

  it('records a refusal with its reason from a colleague’s forward of a reply to an anonymous promotion', async () => {
    const { webmail, panel, file } = await promoteByEmail('7654321B', true);
    const [sent] = demo.mailbox.list();
    const forward = demo.inbox.reply(sent!.id, { kind: 'forward', text: 'Le poste vient d’être pourvu, désolée.' });
    expect(forward.subject.startsWith('TR: RE: ')).toBe(true);

    await webmail.goto(demo.url('messagerie', `/mail/message/${forward.id}`));
    await webmail.bringToFront();
    const card = panel.getByTestId('reply-promotion').filter({ hasText: 'Profil anonyme' });
    await card.waitFor({ timeout: 15_000 });
    expect(await card.textContent()).not.toContain('LEFÈVRE');
    await card.getByRole('button', { name: 'Refus', exact: true }).click();
    await card.getByRole('button', { name: 'Pas de recrutement en cours' }).click();
    await waitForTestIdText(panel, 'reply-recorded', 'Refus');
    expect(await card.getByTestId('reply-status').textContent()).toBe('Refus');

    await file.bringToFront();
    expect(await waitForTestIdText(panel, 'promotion-status', 'Refus')).toBe('Refus');
    expect(await panel.getByTestId('timeline-event').filter({ hasText: 'Refus' }).textContent()).toContain('Pas de recrutement en cours');
  });

  it('finds a reply that quotes the reference only, once the counsellor opens it', async () => {
    const { webmail, panel } = await promoteByEmail('3456789C');
    const [sent] = demo.mailbox.list();
    const quoted = demo.inbox.reply(sent!.id, { kind: 'quoted', text: 'Nous gardons son profil pour le printemps.' });

    await webmail.goto(demo.url('messagerie', '/mail/dossier/reception'));
    await webmail.bringToFront();
    await waitForTestIdText(panel, 'inbox-replies-none', 'Aucune réponse à enregistrer');

    await webmail.getByRole('link', { name: quoted.subject }).click();
    const card = panel.getByTestId('reply-promotion').filter({ hasText: 'Thi Lan NGUYEN' });
    await card.waitFor({ timeout: 15_000 });
    await expect.poll(badgeText, { timeout: 10_000 }).toBe('1');
    await card.getByRole('button', { name: 'Profil conservé', exact: true }).click();
    await waitForTestIdText(panel, 'reply-recorded', 'Profil conservé');
    await expect.poll(badgeText, { timeout: 10_000 }).toBe('');
  });
});
