// The agency board and pool in Chromium with the demo tools: a need added on an establishment page is
// the match of a consenting job seeker with the same job, and « Promouvoir » leads into the promotion form.
import { describe, expect, it } from 'vitest';
import { useExtension, waitForTestIdText } from './harness';

const SIRET = '90182736000016'; // NUMÉRIQUE OUEST LYONNAIS, Écully: need M1805 on its page
const FT_ID = '3456781J'; // Camille BERTRAND, Lyon 6e: consent, M1805, 20 km

describe('agency board and pool (Chromium, built extension, demo tools)', () => {
  const { browser, demo } = useExtension({ demo: true });

  it('adds a need from the establishment page; the job seeker with the same job gets it as a match, one click from the promotion form', async () => {
    const panel = await browser.openExtensionPage('sidepanel.html');
    const establishment = await browser.context.newPage();
    await establishment.goto(demo.url('fiche-entreprise', `/etablissement/${SIRET}`));
    await establishment.bringToFront();
    await waitForTestIdText(panel, 'establishment-name', 'NUMÉRIQUE OUEST LYONNAIS');

    // « Ajouter au tableau des besoins »: pre-filled from the page's first need.
    await panel.getByTestId('need-add').click();
    expect(await panel.locator('#need-rome').inputValue()).toBe('M1805');
    expect(await panel.locator('#need-positions').inputValue()).toBe('2');
    expect(await panel.locator('#need-contract').inputValue()).toBe('CDI');
    const label = await panel.locator('#need-label').inputValue();
    expect(label.length).toBeGreaterThan(0);
    await panel.getByRole('button', { name: 'Ajouter au tableau', exact: true }).click();
    expect(await waitForTestIdText(panel, 'need-item', 'M1805')).toContain('ajouté par');
    expect(await panel.getByTestId('need-status').first().textContent()).toBe('Ouvert');

    // The counsellor opens Camille's file: the board's need is listed as a match, with its distance.
    const file = await browser.context.newPage();
    await file.goto(demo.url('dossier-demandeur', `/dossier/${FT_ID}`));
    await file.bringToFront();
    await waitForTestIdText(panel, 'profile-name', 'Camille');
    const match = await waitForTestIdText(panel, 'need-match', 'NUMÉRIQUE OUEST LYONNAIS');
    expect(match).toContain(`${label} (M1805)`);
    expect(match).toMatch(/Écully · à \d+(,\d)? km/);
    expect(match).toContain('même métier');

    // « Promouvoir »: the panel offers « Proposer à » that establishment, and ticks it in the full form,
    // the counsellor still on the file.
    await panel.getByTestId('need-match').getByRole('button', { name: /Promouvoir/ }).click();
    await panel.getByRole('button', { name: 'Proposer à NUMÉRIQUE OUEST LYONNAIS' }).waitFor();
    await panel.getByRole('button', { name: 'Promouvoir ce profil' }).click();
    await panel.getByTestId('promote-form').waitFor();
    const candidate = panel.getByRole('checkbox', { name: /NUMÉRIQUE OUEST LYONNAIS/ });
    await candidate.waitFor();
    expect(await candidate.isChecked()).toBe(true);
    expect(await panel.getByTestId('profile-name').textContent()).toContain('Camille');

    // The job seeker goes into the pool; on the establishment page, she is the pool's match.
    await panel.getByTestId('pool-recommend').click();
    expect(await panel.locator('#pool-pitch').inputValue()).toContain('M1805');
    await panel.getByRole('button', { name: 'Ajouter au vivier' }).click();
    expect(await waitForTestIdText(panel, 'pool-entry', 'Recommandé par')).toContain('Disponible');

    // The file's tab moves on to the portfolio; on the establishment page, Camille is the pool's match.
    await file.goto(demo.url('dossier-demandeur', '/portefeuille'));
    await establishment.bringToFront();
    const poolMatch = await waitForTestIdText(panel, 'pool-item', 'Camille');
    expect(poolMatch).toContain('même métier');

    // « Promouvoir » on the pool profile opens her file in a new tab of the same tool, its promotion form open
    // with the establishment ticked.
    const [reopened] = await Promise.all([
      browser.context.waitForEvent('page'),
      panel.getByTestId('pool-matches').getByRole('button', { name: /Promouvoir Camille/ }).click(),
    ]);
    await reopened.waitForURL(new RegExp(`/dossier/${FT_ID}$`));
    expect(new URL(reopened.url()).port).toBe(String(demo.port));
    await waitForTestIdText(panel, 'profile-name', 'Camille');
    await panel.getByTestId('promote-form').waitFor();
    expect(await panel.getByRole('checkbox', { name: /NUMÉRIQUE OUEST LYONNAIS/ }).isChecked()).toBe(true);
    await establishment.bringToFront();
    await waitForTestIdText(panel, 'establishment-name', 'NUMÉRIQUE OUEST LYONNAIS');

    // « Besoins » and « Vivier » tabs list them too, filterable.
    await panel.getByRole('tab', { name: 'Besoins' }).click();
    await waitForTestIdText(panel, 'board-count', '1 besoin');
    await panel.locator('#board-rome').fill('K25');
    await waitForTestIdText(panel, 'board-count', 'Aucun besoin');
    await panel.getByRole('tab', { name: 'Vivier' }).click();
    expect(await waitForTestIdText(panel, 'pool-item', 'Camille')).toContain('M1805');
    await panel.getByRole('tab', { name: 'Page' }).click();
    await waitForTestIdText(panel, 'establishment-name', 'NUMÉRIQUE OUEST LYONNAIS');
  });
});
