// What the background keeps for « À promouvoir »: the last portfolio's consenting rows only, what each file read
// with consent says of the person (jobs, commune, radius), and a file that no longer grants the promotion takes the
// person out of both at once. Through the router, as the content scripts send their readings.
import 'fake-indexeddb/auto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerMessageHandlers } from '@/lib/background/router';
import { openDb } from '@/lib/store';
import type { WorklistInputs } from '@/lib/messaging/worklist';
import { readingOf } from './fixtures';

function deliver(type: string, data: unknown, sender: object): Promise<{ res?: unknown; err?: { message: string } }> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger({ id: 1, type, data, timestamp: Date.now() }, sender, resolve as (r: unknown) => void);
  });
}

const legacyTab = (path: string) => ({ id: fakeBrowser.runtime.id, url: `http://dossiers.localhost${path}`, tab: { id: 7 }, frameId: 0 });
const panel = () => ({ id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/sidepanel.html` });

async function inputs(): Promise<WorklistInputs> {
  const answer = await deliver('worklist.inputs', undefined, panel());
  expect(answer.err).toBeUndefined();
  return answer.res as WorklistInputs;
}

describe('router: what « À promouvoir » is kept from', () => {
  // The messaging library takes one listener per message in a context: the router is registered once.
  beforeAll(() => {
    fakeBrowser.reset();
    fakeBrowser.runtime.getManifest = () =>
      ({ manifest_version: 3, name: 'Profilence', version: '0', content_scripts: [{ matches: ['http://dossiers.localhost/*'], js: ['content-scripts/dossier-demandeur.js'] }] }) as never;
    registerMessageHandlers(openDb(`test-${crypto.randomUUID()}`));
  });
  beforeEach(() => fakeBrowser.storage.session.clear());

  it('has nothing before a portfolio is read', async () => {
    expect(await inputs()).toEqual({ portfolio: null, files: {} });
  });

  it('keeps the consenting rows of the last portfolio, counts the others, and not their names', async () => {
    // The reference portfolio: 5 rows grant the promotion, 3 do not.
    expect((await deliver('page.read', readingOf('dossier-demandeur', 'portefeuille'), legacyTab('/portefeuille'))).err).toBeUndefined();
    const { portfolio } = await inputs();
    expect(portfolio!.entries.map((e) => e.ftId)).toEqual(['1234567A', '7654321B', '3456789C', '5678901E', '6789012F']);
    expect(portfolio!.notListed).toBe(3);
    expect(JSON.stringify(portfolio)).not.toContain('BOUZID'); // 12345678901, who does not consent

    // A later portfolio replaces it: an unreadable consent is left out like a refusal.
    await deliver('page.read', readingOf('dossier-demandeur', 'portefeuille-consentement'), legacyTab('/portefeuille'));
    const later = (await inputs()).portfolio!;
    expect(later.entries.map((e) => e.ftId)).toEqual(['8642097N', '12345678901']);
    expect(later.notListed).toBe(3);
  });

  it("remembers what a file with consent shows of the person's jobs, commune and radius; a refusal removes the person", async () => {
    await deliver('page.read', readingOf('dossier-demandeur', 'portefeuille'), legacyTab('/portefeuille'));
    await deliver('page.read', readingOf('dossier-demandeur', 'dossier-1234567A'), legacyTab('/dossier/1234567A'));
    expect((await inputs()).files['1234567A']).toMatchObject({ romes: ['M1607', 'M1602'], postcode: '69003', city: 'Lyon', radiusKm: 30 });

    const refused = readingOf('dossier-demandeur', 'dossier-1234567A', (data) => {
      data.promotionConsent = { granted: false };
    });
    await deliver('page.read', refused, legacyTab('/dossier/1234567A'));
    const after = await inputs();
    expect(after.files['1234567A']).toBeUndefined();
    expect(after.portfolio!.entries.map((e) => e.ftId)).not.toContain('1234567A');
    expect(after.portfolio!.notListed).toBe(4);
  });

  it('forgets what a file said when a later portfolio row no longer grants the promotion', async () => {
    await deliver('page.read', readingOf('dossier-demandeur', 'dossier-1234567A'), legacyTab('/dossier/1234567A'));
    expect(Object.keys((await inputs()).files)).toEqual(['1234567A']);
    // On this portfolio, Marie DUPONT's consent cannot be read beyond doubt.
    await deliver('page.read', readingOf('dossier-demandeur', 'portefeuille-consentement'), legacyTab('/portefeuille'));
    expect((await inputs()).files).toEqual({});
  });

  it('answers extension pages only', async () => {
    const answer = await deliver('worklist.inputs', undefined, legacyTab('/portefeuille'));
    expect(answer.err).toBeDefined();
  });
});
