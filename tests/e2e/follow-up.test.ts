// Following a promotion to its outcome in the real extension: a call recorded in the side panel,
// the clock moved 8 days ahead (test hook of WXT_PROFILENCE_TEST_HOOKS=1 builds, as `npm test` makes),
// the popup lists the follow-up as due, one click on « Réponse reçue » updates popup, panel and badge.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useExtension, waitForTestIdText } from './harness';

const DAY_MS = 86_400_000;

describe('follow-up of a promotion (Chromium, built extension, demo tools)', () => {
  const { browser, demo } = useExtension({ demo: true });

  /** The toolbar badge, as the service worker sets it. */
  async function badgeText(): Promise<string> {
    const worker = browser.context.serviceWorkers().find((w) => w.url().includes(browser.extensionId)) ?? browser.worker;
    return worker.evaluate(() => (globalThis as any).chrome.action.getBadgeText({}));
  }

  /** Sends a message to the background the way @webext-core/messaging does, from an extension page. */
  async function sendToBackground(page: Page, type: string, data: unknown): Promise<any> {
    const reply = await page.evaluate(
      ([type, data]) => (globalThis as any).chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() }),
      [type, data] as const,
    );
    if (!reply || reply.err) {
      throw new Error(
        `Le message « ${type} » a été refusé (${reply?.err?.message ?? 'pas de réponse'}) : construisez l'extension avec ` +
          '« WXT_PROFILENCE_TEST_HOOKS=1 npx wxt build » (npm test le fait).',
      );
    }
    return reply.res;
  }

  it('lists a call as due 8 days later and records the answer in one click from the popup', async () => {
    const establishment = await browser.context.newPage();
    await establishment.goto(demo.url('fiche-entreprise', '/etablissement/73282932000074'));
    const panel = await browser.openExtensionPage('sidepanel.html');
    const file = await browser.context.newPage();
    await file.goto(demo.url('dossier-demandeur', '/dossier/1234567A'));
    await file.bringToFront();

    // The quickest promotion: a call, recorded as sent at once.
    await waitForTestIdText(panel, 'profile-name', 'Marie');
    await panel.getByTestId('promote').click();
    const candidate = panel.getByLabel(/LOGICIELS DU RHÔNE/);
    await candidate.waitFor();
    expect(await candidate.isChecked()).toBe(true);
    await panel.getByRole('button', { name: 'Appel passé' }).click();
    await waitForTestIdText(panel, 'promote-feedback', 'Appel enregistré');
    expect(await waitForTestIdText(panel, 'promotion-status', 'Envoyée')).toBe('Envoyée');

    // Today: nothing to chase, the follow-up is upcoming.
    const popup = await browser.openExtensionPage('popup.html');
    await waitForTestIdText(popup, 'nothing-due', 'Aucune relance');
    expect(await waitForTestIdText(popup, 'upcoming-item', 'Marie DUPONT')).toContain('Envoyée aujourd');
    expect(await badgeText()).toBe('');

    // Eight days later.
    const moved = await sendToBackground(popup, 'debug.setClock', { offsetMs: 8 * DAY_MS });
    expect(moved).toMatchObject({ followUpsDue: 1, closed: 0 });
    const due = popup.getByTestId('due-item').filter({ hasText: 'Marie DUPONT' });
    await due.waitFor({ timeout: 15_000 });
    expect(await due.getByTestId('reminder-kind').textContent()).toBe('Première relance');
    expect(await due.getByTestId('days-since-sent').textContent()).toBe('Envoyée il y a 8 jours');
    expect(await due.locator('a[href="mailto:claire.roussel@example.com"]').count()).toBe(1);
    expect(await due.locator('a[href^="tel:"]').count()).toBe(1);
    expect(await badgeText()).toBe('1');

    await due.getByRole('button', { name: 'Réponse reçue', exact: true }).click();
    await popup.getByTestId('due-item').first().waitFor({ state: 'detached', timeout: 15_000 });
    expect(await popup.getByTestId('upcoming-item').count()).toBe(0);
    await waitForTestIdText(popup, 'nothing-due', 'Aucune relance');
    await expect.poll(badgeText, { timeout: 10_000 }).toBe('');

    // The side panel, back on the job seeker's file, shows the new status and the timeline.
    await file.bringToFront();
    expect(await waitForTestIdText(panel, 'promotion-status', 'Réponse reçue')).toBe('Réponse reçue');
    const timeline = (await panel.getByTestId('promotion-timeline').first().textContent()) ?? '';
    expect(timeline).toContain('Envoi');
    expect(timeline).toContain("Réponse de l'employeur");
    // Never signed in to the central endpoint here: the author is this install's agent, « vous » (not the banner's name).
    expect(timeline).toContain('par vous');
    expect(timeline).not.toContain('Jeanne MARTIN');
  });
});
