// A counsellor opens a legacy page; the side panel shows what Profilence read, without retyping.
import { describe, expect, it } from 'vitest';
import { useExtension, waitForTestIdText } from './harness';

describe('side panel reads the legacy tools (Chromium, built extension)', () => {
  const { browser, demo } = useExtension({ demo: true });

  async function openInTab(url: string) {
    const panel = await browser.openExtensionPage('sidepanel.html');
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.bringToFront();
    return { panel, page };
  }

  it('shows the job seeker of the open file, with consent', async () => {
    const { panel, page } = await openInTab(`http://dossiers.localhost:${demo.port}/dossier/1234567A`);
    expect(await waitForTestIdText(panel, 'profile-name', 'Marie')).toContain('DUPONT');
    expect(await panel.getByTestId('profile-ftid').textContent()).toBe('1234567A');
    expect(await panel.getByTestId('consent').textContent()).toContain('Promotion autorisée depuis le 12/03/2025');
    expect(await panel.getByTestId('profile-main-job').textContent()).toContain('M1607');
    await Promise.all([panel.close(), page.close()]);
  });

  it('says plainly when the job seeker has not authorised promotion', async () => {
    const { panel, page } = await openInTab(`http://dossiers.localhost:${demo.port}/dossier/12345678901`);
    expect(await waitForTestIdText(panel, 'consent', 'non autorisée')).toContain('Promotion du profil non autorisée');
    await Promise.all([panel.close(), page.close()]);
  });

  it('shows the establishment of the open file with its contacts', async () => {
    const { panel, page } = await openInTab(`http://entreprises.localhost:${demo.port}/etablissement/73282932000074`);
    expect(await waitForTestIdText(panel, 'establishment-name', 'LOGICIELS')).toBe('LOGICIELS DU RHÔNE');
    expect(await panel.getByTestId('establishment-siret').textContent()).toBe('732 829 320 00074');
    expect(await panel.getByTestId('establishment-contacts').textContent()).toContain('claire.roussel@example.com');
    await Promise.all([panel.close(), page.close()]);
  });

  it('follows the counsellor from one tab to another', async () => {
    const { panel, page } = await openInTab(`http://dossiers.localhost:${demo.port}/dossier/1234567A`);
    await waitForTestIdText(panel, 'profile-name', 'Marie');
    const other = await browser.context.newPage();
    await other.goto(`http://entreprises.localhost:${demo.port}/etablissement/73282932000074`);
    await other.bringToFront();
    await waitForTestIdText(panel, 'establishment-name', 'LOGICIELS');
    await page.bringToFront();
    await waitForTestIdText(panel, 'profile-name', 'Marie');
    await Promise.all([panel.close(), page.close(), other.close()]);
  });

  it('still knows what each tab shows after the browser stopped the service worker', async () => {
    const { panel, page } = await openInTab(`http://dossiers.localhost:${demo.port}/dossier/1234567A`);
    await waitForTestIdText(panel, 'profile-name', 'Marie');
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // The panel is reopened: the woken worker answers from session storage, the page is not re-read.
    await panel.reload();
    await page.bringToFront();
    expect(await waitForTestIdText(panel, 'profile-name', 'Marie')).toContain('DUPONT');
    await Promise.all([panel.close(), page.close()]);
  });

  it('gives a calm message on a page it does not recognise', async () => {
    const { panel, page } = await openInTab(`http://dossiers.localhost:${demo.port}/connexion`);
    expect(await waitForTestIdText(panel, 'unrecognized', 'Page non reconnue')).toContain('Rien n');
    expect(await panel.locator('[data-testid="profile"]').count()).toBe(0);
    await Promise.all([panel.close(), page.close()]);
  });
});
