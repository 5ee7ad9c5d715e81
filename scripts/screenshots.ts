// Screenshots for the README, taken in real Chromium with the built extension and the demo tools:
// `npx wxt build && npx tsx scripts/screenshots.ts`.
import { mkdirSync } from 'node:fs';
import { startDemo } from '../demo/server';
import { launchWithExtension, waitForTestIdText } from '../tests/e2e/harness';

const OUT = 'docs/screenshots';
mkdirSync(OUT, { recursive: true });

const demo = await startDemo({ port: 0 });
const browser = await launchWithExtension();
try {
  const establishment = await browser.context.newPage();
  await establishment.goto(demo.url('fiche-entreprise', '/etablissement/73282932000074'));
  const panel = await browser.openExtensionPage('sidepanel.html');
  await panel.setViewportSize({ width: 420, height: 1100 });
  const file = await browser.context.newPage();
  await file.goto(demo.url('dossier-demandeur', '/dossier/1234567A'));
  await file.bringToFront();
  await waitForTestIdText(panel, 'profile-name', 'Marie');
  await panel.getByTestId('promote').click();
  await panel.getByLabel(/LOGICIELS DU RHÔNE/).waitFor();
  await panel.screenshot({ path: `${OUT}/side-panel.png`, fullPage: true });
  console.log(`${OUT}/side-panel.png`);
} finally {
  await browser.close();
  await demo.close();
}
