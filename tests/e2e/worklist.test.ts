// « À promouvoir » in Chromium with the demo tools: Jeanne MARTIN's portfolio (26 job seekers who authorise the
// promotion, 10 who do not or whose consent is unreadable), five needs' worth of the agency board and four
// job seekers already promoted, seeded as a sync would have left them. The panel ranks the portfolio, keeps it
// in its tab once the page is closed, and « Préparer la promotion » opens the file with the establishment ticked.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PromotionEventType } from '@/lib/domain/promotion';
import { toStoredPromotion } from '@/lib/store/promotions';
import { useExtension, waitForTestIdText } from './harness';
import { putRows } from './store-rows';

const DAY = 86_400_000;
const now = Date.now();
const daysAgo = (d: number) => new Date(now - d * DAY).toISOString();
let n = 0;
const uuid = () => `0190c000-0000-7000-8000-${String(++n).padStart(12, '0')}`;

function need(siret: string, establishmentName: string, rome: string, postcode: string, city: string) {
  return {
    id: uuid(), siret, establishmentName, postcode, city, rome, label: `Poste ${rome}`, status: 'open',
    createdBy: 'karim.benali', createdByName: 'Karim BENALI', agencyCode: '69031', createdAt: daysAgo(5), expiresAt: new Date(now + 30 * DAY).toISOString(),
  };
}
// One need per ROME domain the demo portfolio has but one or two people in: Marie DUPONT and Sophie GIRARD (M16),
// Sandrine LEFÈVRE and Océane MOREL (K22), Manon CHEVALIER (G17).
const NEEDS = [
  need('73282932000074', 'LOGICIELS DU RHÔNE', 'M1607', '69003', 'Lyon'),
  need('79845123300026', 'PROPRETÉ LYONNAISE SERVICES', 'K2204', '69008', 'Lyon'),
  need('51284736900018', 'SAS HÔTELLERIE DES BROTTEAUX', 'G1703', '69006', 'Lyon'),
];

function promotion(ftId: string, firstName: string, lastName: string, createdDaysAgo: number, events: [PromotionEventType, number][]) {
  const id = uuid();
  return toStoredPromotion({
    id, reference: `PRF-${String(n).padStart(6, '0')}`, createdAt: daysAgo(createdDaysAgo), counsellorId: 'jeanne.martin', counsellorName: 'Jeanne MARTIN',
    agencyCode: '69031', jobSeeker: { ftId, firstName, lastName, promotionConsent: { granted: true } },
    establishment: { siret: '81234567600017', name: 'BOULANGERIE DES PENTES', postcode: '69001', city: 'Lyon' },
    rome: 'D1106', mode: 'named', channel: 'phone', pitch: 'Profil à découvrir.',
    events: events.map(([type, d]) => ({ id: uuid(), promotionId: id, type, at: daysAgo(d), by: 'jeanne.martin' })),
  });
}
const PROMOTIONS = [
  promotion('7654321B', 'Sandrine', 'LEFÈVRE', 90, [['sent', 90], ['no_response', 60]]),
  promotion('6781234M', 'Julien', 'ROUX', 75, [['sent', 75], ['no_response', 45]]),
  promotion('5678901E', 'Élodie', 'ROCHE', 30, [['sent', 30], ['employer_replied', 25], ['interview', 20]]),
  promotion('3456789C', 'Thi Lan', 'NGUYEN', 10, [['sent', 10]]),
  promotion('2468013S', 'Hugo', 'BLANC', 2, []), // a draft whose e-mail never left: not promoted
];

// Written by hand from the rule of docs/domain.md.
const EXPECTED_ORDER = [
  'Marie DUPONT', // never promoted, same-job need 0 km away (her file was read: Lyon 3e)
  'Manon CHEVALIER', // never promoted, same-job need, commune unknown: by name
  'Sophie GIRARD',
  'Océane MOREL',
  'Pierre ARNAUD', // never promoted, no need: by name
  'Fatima BENSAÏD',
  'Camille BERTRAND',
  'Hugo BLANC',
  'Emma CLÉMENT',
  'Samuel DUMAS',
  'Chloé FAURE',
  'Enzo FERNANDES',
  'Nicolas FONTAINE',
  'Louis GAUTHIER',
  'Maxime GUÉRIN',
  'Mehdi HADDAD',
  'Julie HENRY',
  'Nadia KACI',
  'Laura LAMBERT',
  'Lucas MERCIER',
  'Zoé PERRIN',
  'Antoine PETIT-JEAN',
  'Sandrine LEFÈVRE', // nothing sent for 90 days, a need
  'Julien ROUX', // nothing sent for 75 days
  'Élodie ROCHE', // sent 30 days ago
  'Thi Lan NGUYEN', // sent 10 days ago
];
const SUMMARY = '26 autorisent la promotion, 22 jamais promus, 5 avec un besoin correspondant.';

const names = (panel: Page) => panel.getByTestId('worklist-row').locator('.pf-card-title a').allTextContents();

describe('« À promouvoir » (Chromium, built extension, demo tools)', () => {
  const { browser, demo } = useExtension({ demo: true });

  it('ranks the portfolio by what to do, keeps it in its tab, and opens the file with the best establishment ticked', async () => {
    const panel = await browser.openExtensionPage('sidepanel.html');
    await panel.setViewportSize({ width: 420, height: 1100 });
    // The board tab opens the database; then the agency's needs and promotions go in, as a sync would leave them.
    await panel.getByRole('tab', { name: 'Besoins' }).click();
    await waitForTestIdText(panel, 'board-count', 'Aucun besoin');
    await putRows(panel, 'needs', NEEDS);
    await putRows(panel, 'promotions', PROMOTIONS);
    // Written behind Dexie's back: the page reads them afresh.
    await panel.reload();

    await waitForTestIdText(panel, 'no-page', 'Aucune page à lire');
    // The CRM is open in a tab, on its search page: the establishment will open in the same tool.
    const crm = await browser.context.newPage();
    await crm.goto(demo.url('fiche-entreprise', '/recherche?q=lyon'));
    // Marie's file was read this session: her commune and radius are known.
    const file = await browser.context.newPage();
    await file.goto(demo.url('dossier-demandeur', '/dossier/1234567A'));
    await file.bringToFront();
    await waitForTestIdText(panel, 'profile-name', 'Marie');

    const portfolio = await browser.context.newPage();
    await portfolio.goto(demo.url('dossier-demandeur', '/portefeuille'));
    await portfolio.bringToFront();
    await waitForTestIdText(panel, 'worklist-summary', SUMMARY);
    expect(await panel.getByTestId('worklist-not-listed').textContent()).toBe(
      '10 demandeurs du portefeuille ne sont pas listés : promotion non autorisée ou consentement illisible.',
    );
    expect(await names(panel)).toEqual(EXPECTED_ORDER);
    const rows = panel.getByTestId('worklist-row');
    expect(await rows.nth(0).getByTestId('worklist-reasons').textContent()).toBe('Profil jamais promu · 1 besoin correspondant, le plus proche à 0 km');
    expect(await rows.nth(0).getByTestId('worklist-best').textContent()).toContain('LOGICIELS DU RHÔNE, Lyon, à 0 km · même métier');
    expect(await rows.nth(1).getByTestId('worklist-reasons').textContent()).toBe('Profil jamais promu · 1 besoin correspondant, commune du demandeur inconnue');
    expect(await rows.nth(7).getByTestId('worklist-reasons').textContent()).toBe('Profil jamais promu · Aucun besoin correspondant · Dernière promotion : Brouillon');
    expect(await rows.nth(22).getByTestId('worklist-reasons').textContent()).toBe(
      'Rien envoyé depuis 90 jours · 1 besoin correspondant, commune du demandeur inconnue · Dernière promotion : Sans réponse',
    );
    expect(await rows.nth(24).getByTestId('worklist-reasons').textContent()).toBe('Envoyé il y a 30 jours · Aucun besoin correspondant · Dernière promotion : Entretien');
    // Nobody without consent: Yanis BOUZID's portfolio row says « Non ».
    expect(await panel.getByText('Yanis BOUZID').count()).toBe(0);
    await panel.screenshot({ path: '/tmp/worklist-page.png', fullPage: false });

    // The portfolio is closed: the « À promouvoir » tab still shows the same list.
    await portfolio.close();
    await file.bringToFront();
    await panel.getByRole('tab', { name: 'À promouvoir' }).click();
    await waitForTestIdText(panel, 'worklist-summary', SUMMARY);
    expect(await names(panel)).toEqual(EXPECTED_ORDER);
    expect(await panel.getByTestId('worklist-read-at').textContent()).toMatch(/^Portefeuille lu le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\.$/);
    await panel.screenshot({ path: '/tmp/worklist-tab.png', fullPage: false });

    // « Préparer la promotion » for Marie: LOGICIELS DU RHÔNE was never read here, so its page opens behind, and
    // her file comes to the front with the establishment ticked in « Promouvoir ce profil ».
    await panel.getByRole('button', { name: 'Préparer la promotion de Marie DUPONT auprès de LOGICIELS DU RHÔNE' }).click();
    const establishmentTab = () => browser.context.pages().find((p) => /\/etablissement\/73282932000074$/.test(p.url()));
    await expect.poll(establishmentTab, { timeout: 15_000 }).toBeDefined();
    expect(new URL(establishmentTab()!.url()).port).toBe(String(demo.port));
    await waitForTestIdText(panel, 'profile-name', 'Marie');
    await panel.getByRole('button', { name: 'Proposer à LOGICIELS DU RHÔNE' }).waitFor();
    await panel.getByRole('button', { name: 'Promouvoir ce profil' }).click();
    await panel.getByTestId('promote-form').waitFor();
    const candidate = panel.getByRole('checkbox', { name: /LOGICIELS DU RHÔNE/ });
    await candidate.waitFor();
    expect(await candidate.isChecked()).toBe(true);
    await panel.screenshot({ path: '/tmp/worklist-prepared.png', fullPage: false });
  });
});
