// The whole promotion in the demo tools: job-seeker file and establishment open, webmail open,
// three user actions at most for a named e-mail promotion, CV attached, `sent` recorded.
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { useExtension, waitForTestIdText } from './harness';

describe('promotion flow (Chromium, built extension, demo tools)', () => {
  const { browser, demo } = useExtension({ demo: true });
  beforeEach(() => {
    for (const page of browser.context.pages()) void page.close();
  });

  async function openTools(ftId: string, siret: string) {
    const webmail = await browser.context.newPage();
    await webmail.goto(demo.url('messagerie', '/'));
    const establishment = await browser.context.newPage();
    await establishment.goto(demo.url('fiche-entreprise', `/etablissement/${siret}`));
    const panel = await browser.openExtensionPage('sidepanel.html');
    const file = await browser.context.newPage();
    await file.goto(demo.url('dossier-demandeur', `/dossier/${ftId}`));
    await file.bringToFront();
    return { webmail, establishment, panel, file };
  }

  /** The CV as the job-seeker tool serves it, fetched through the browser (the demo routes by host name). */
  async function cvSha256(ftId: string): Promise<string> {
    const page = await browser.context.newPage();
    await page.goto(demo.url('dossier-demandeur', '/'));
    const bytes = await page.evaluate(async (path) => {
      const r = await fetch(path);
      return Array.from(new Uint8Array(await r.arrayBuffer()));
    }, `/dossier/${ftId}/cv`);
    await page.close();
    return createHash('sha256').update(Uint8Array.from(bytes)).digest('hex');
  }

  it('sends a named e-mail promotion with the CV in at most 3 actions', async () => {
    const { panel, webmail } = await openTools('1234567A', '73282932000074');
    let actions = 0;

    await waitForTestIdText(panel, 'profile-name', 'Marie');
    await panel.getByTestId('promote').click();
    actions++;
    // The open establishment is proposed and already ticked, its contact with an e-mail chosen.
    const candidate = panel.getByLabel(/LOGICIELS DU RHÔNE/);
    await candidate.waitFor();
    expect(await candidate.isChecked()).toBe(true);
    expect(await panel.getByTestId('pitch').inputValue()).toContain('Secrétariat');

    await panel.getByRole('button', { name: "Préparer l'e-mail" }).click();
    actions++;
    // The panel follows the counsellor to the webmail tab and says what to check.
    await waitForTestIdText(panel, 'mail-queue', 'claire.roussel@example.com');

    // The webmail tab now shows the filled new-message form.
    await webmail.waitForURL(/\/mail\/nouveau/);
    await webmail.waitForFunction(() => (document.querySelector('input[name="to"]') as HTMLInputElement | null)?.value.includes('@'));
    expect(await webmail.inputValue('input[name="to"]')).toBe('claire.roussel@example.com');
    const subject = await webmail.inputValue('input[name="subject"]');
    expect(subject).toMatch(/PRF-[0-9A-Z]{6}/);
    expect(await webmail.evaluate(() => (document.querySelector('input[type="file"]') as HTMLInputElement).files?.[0]?.name)).toBe(
      'CV_Marie_DUPONT.pdf',
    );

    await webmail.getByRole('button', { name: 'Envoyer' }).click();
    actions++;
    await webmail.waitForURL(/\/mail\/envoye\//);

    console.log(`Actions de l'utilisateur pour une promotion nominative par e-mail : ${actions}`);
    expect(actions).toBeLessThanOrEqual(3);

    const [sent] = demo.mailbox.list();
    expect(sent).toBeDefined();
    expect(sent!.to).toEqual(['claire.roussel@example.com']);
    expect(sent!.subject).toBe(subject);
    expect(sent!.body).toContain('Secrétariat');
    expect(sent!.body).toContain('Marie DUPONT');
    expect(sent!.attachments.map((a) => a.fileName)).toEqual(['CV_Marie_DUPONT.pdf']);
    expect(sent!.attachments[0]!.sha256).toBe(await cvSha256('1234567A'));

    // The confirmation was read: the promotion is now « Envoyée » in the job seeker's history.
    const file = browser.context.pages().find((p) => p.url().includes('/dossier/1234567A'))!;
    await file.bringToFront();
    expect(await waitForTestIdText(panel, 'promotion-status', 'Envoyée')).toBe('Envoyée');
  });

  it('sends an anonymous promotion that reveals neither name, contact details nor CV', async () => {
    demo.mailbox.clear();
    const { panel, webmail } = await openTools('7654321B', '73282932000074');
    await waitForTestIdText(panel, 'profile-name', 'LEFÈVRE');
    await panel.getByTestId('promote').click();
    await panel.locator('label[for="mode-anonymous"]').click();
    await panel.getByRole('button', { name: "Préparer l'e-mail" }).click();
    await webmail.waitForURL(/\/mail\/nouveau/);
    await webmail.waitForFunction(() => (document.querySelector('input[name="subject"]') as HTMLInputElement | null)?.value.includes('PRF-'));
    await webmail.getByRole('button', { name: 'Envoyer' }).click();
    await webmail.waitForURL(/\/mail\/envoye\//);

    const sent = demo.mailbox.list();
    expect(sent).toHaveLength(1);
    const text = `${sent[0]!.subject}\n${sent[0]!.body}`;
    for (const secret of ['LEFÈVRE', 'Sandrine', '0671234598', '0648901234', '06 48 90', '69100', 'Villeurbanne', 'CV_']) {
      expect(text).not.toContain(secret);
    }
    expect(sent[0]!.attachments).toEqual([]);
  });
});
