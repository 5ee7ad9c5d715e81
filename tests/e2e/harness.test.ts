// The e2e harness itself: a dialog a test declared is answered as declared; any other one, and a declared one that
// never opened, is reported (and then fails the test in afterEach).
import { describe, expect, it } from 'vitest';
import { useExtension } from './harness';

describe('e2e harness: browser dialogs', () => {
  const { browser } = useExtension();

  it('answers a declared confirm and prompt as the test said', async () => {
    const page = await browser.context.newPage();
    browser.expectDialog({ type: 'confirm', message: /^Supprimer/, accept: false });
    expect(await page.evaluate(() => confirm('Supprimer ce besoin ?'))).toBe(false);
    browser.expectDialog({ type: 'prompt', promptText: 'Lyon' });
    expect(await page.evaluate(() => prompt('Ville ?'))).toBe('Lyon');
    expect(browser.takeDialogProblems()).toEqual([]);
    await page.close();
  });

  it('reports an undeclared dialog, and a declared one that never opened', async () => {
    const page = await browser.context.newPage();
    await page.evaluate(() => alert('Erreur inattendue'));
    browser.expectDialog({ type: 'confirm', message: 'Envoyer ?' });
    expect(browser.takeDialogProblems()).toEqual([
      'Dialogue inattendu (alert) « Erreur inattendue » sur about:blank',
      'Dialogue attendu jamais ouvert : confirm « Envoyer ? »',
    ]);
    expect(browser.takeDialogProblems()).toEqual([]);
    await page.close();
  });
});
