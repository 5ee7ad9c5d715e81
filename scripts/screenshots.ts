// Screenshots for the README, taken in real Chromium with the built extension and the demo tools:
// `npx wxt build && npx tsx scripts/screenshots.ts`.
import { mkdirSync } from 'node:fs';
import { startDemo } from '../demo/server';
import { launchWithExtension, waitForTestIdText } from '../tests/e2e/harness';
import { samplePromotions } from '../demo/sample-promotions';
import { toStoredPromotion } from '../lib/store/promotions';

const OUT = 'docs/screenshots';
mkdirSync(OUT, { recursive: true });

const demo = await startDemo({ port: 0 });
const browser = await launchWithExtension();
try {
  const establishment = await browser.context.newPage();
  await establishment.goto(demo.url('fiche-entreprise', '/etablissement/73282932000074'));
  const panel = await browser.openExtensionPage('sidepanel.html');
  // A side panel as a counsellor has it: narrow, 900 px high. Only the first screen shows (no fullPage).
  await panel.setViewportSize({ width: 420, height: 900 });
  const file = await browser.context.newPage();
  await file.goto(demo.url('dossier-demandeur', '/dossier/1234567A'));
  await file.bringToFront();
  await waitForTestIdText(panel, 'profile-name', 'Marie');
  await panel.getByRole('button', { name: 'Proposer à LOGICIELS DU RHÔNE' }).waitFor();
  await panel.screenshot({ path: `${OUT}/side-panel.png` });
  console.log(`${OUT}/side-panel.png`);

  await panel.getByRole('button', { name: 'Promouvoir ce profil' }).click();
  await panel.getByLabel(/LOGICIELS DU RHÔNE/).waitFor();
  await panel.getByTestId('promote-form').scrollIntoViewIfNeeded();
  await panel.screenshot({ path: `${OUT}/side-panel-form.png` });
  console.log(`${OUT}/side-panel-form.png`);

  // The dashboard over a year of fictitious promotions, written into the extension's IndexedDB from the page.
  const dashboard = await browser.openExtensionPage('dashboard.html');
  await dashboard.setViewportSize({ width: 1280, height: 900 });
  await waitForTestIdText(dashboard, 'dashboard-source', 'calculés sur ce poste');
  const rows = samplePromotions({ now: new Date() }).map(toStoredPromotion);
  await dashboard.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('profilence');
        open.onsuccess = () => {
          const tx = open.result.transaction('promotions', 'readwrite');
          for (const row of rows) tx.objectStore('promotions').put(row);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    rows,
  );
  await dashboard.reload();
  await dashboard.locator('.pf-chart canvas').waitFor();
  await dashboard.screenshot({ path: `${OUT}/dashboard.png`, fullPage: true });
  console.log(`${OUT}/dashboard.png`);
} finally {
  await browser.close();
  await demo.close();
}
