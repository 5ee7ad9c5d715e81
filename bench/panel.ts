/**
 * Side panel figures (printed, never asserted): the median time from mounting the panel on a job seeker's file to
 * its promotion history on screen, with 1,000 promotions of that job seeker in the store — the background's answer
 * to `context.get` (fake browser), IndexedDB read (fake-indexeddb) and Preact render in happy-dom. Target < 150 ms.
 * Run alone with `npx tsx bench/panel.ts`.
 */
import 'fake-indexeddb/auto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fakeBrowser } from '@webext-core/fake-browser';
import './ignore-css';
import { installBrowser } from './popup';

const PROMOTIONS = 1000;
const RUNS = 7;
const TARGET_MS = 150;
const DAY_MS = 86_400_000;
const FT_ID = '1234567A';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const uuid = (i: number) => `0190b000-0000-7000-8000-${String(i).padStart(12, '0')}`;

export async function benchPanel(): Promise<void> {
  const { window, restore } = installBrowser('sidepanel.html');
  const [{ h, render }, { PanelApp }, { toStoredPromotion }, { uiDb }] = await Promise.all([
    import('preact'),
    import('../components/layout/PanelApp'),
    import('../lib/store'),
    import('../components/promotion/db'),
  ]);

  // One job seeker promoted 1,000 times over the last 200 days; one in three promotions has an answer.
  const now = Date.now();
  const rows = Array.from({ length: PROMOTIONS }, (_, i) => {
    const id = uuid(i);
    const sentAt = new Date(now - (i % 200) * DAY_MS - (i % 9) * 3_600_000).toISOString();
    const events = [{ id: uuid(100_000 + i * 10), promotionId: id, type: 'sent' as const, at: sentAt, by: 'Jeanne MARTIN' }];
    if (i % 3 === 1) events.push({ id: uuid(100_001 + i * 10), promotionId: id, type: 'employer_replied' as never, at: new Date(Date.parse(sentAt) + DAY_MS).toISOString(), by: 'Jeanne MARTIN' });
    return toStoredPromotion({
      id, reference: `PRF-${String(i).padStart(6, '0')}`, createdAt: sentAt, counsellorId: 'Jeanne MARTIN', agencyCode: '69031',
      jobSeeker: { ftId: FT_ID, firstName: 'Marie', lastName: 'DUPONT', mainRome: 'M1607', promotionConsent: { granted: true } },
      establishment: { siret: '73282932000074', name: `ÉTABLISSEMENT ${i}`, postcode: '69003', city: 'Lyon' },
      contact: { name: 'Claire ROUSSEL', email: 'claire.roussel@example.com' },
      rome: 'M1607', mode: 'named', channel: i % 2 ? 'email' : 'phone', pitch: 'Profil à découvrir.', events,
    });
  });
  await uiDb().promotions.bulkPut(rows);

  // The background's side: the reading of the active tab, a job seeker's file.
  const tab = { id: 7, url: `http://dossiers.localhost/dossier/${FT_ID}`, active: true };
  (fakeBrowser.tabs as unknown as { query: () => Promise<unknown[]> }).query = async () => [tab];
  const profile = {
    ftId: FT_ID, lastName: 'DUPONT', firstName: 'Marie', phones: [], promotionConsent: { granted: true },
    address: { postcode: '69003', city: 'Lyon' }, targetJobs: [{ rome: 'M1607', label: 'Secrétaire', main: true }],
    skills: [], softSkills: [], drivingLicences: [], contractTypes: [],
  };
  const context = {
    tabId: tab.id, readAt: new Date(now).toISOString(),
    result: { url: tab.url, recognized: true, tool: 'dossier-demandeur', page: 'profile', data: profile, missing: [] },
  };
  // Answered at once, on the wire of lib/messaging (`{ res }`); the panel's other requests get no background.
  const runtime = fakeBrowser.runtime as unknown as { sendMessage: (message: { type: string }, reply: (answer: unknown) => void) => void };
  runtime.sendMessage = (message, reply) =>
    setTimeout(() => reply(message.type === 'context.get' ? { res: context } : { err: { name: 'Error', message: 'pas de service', stack: '' } }), 0);

  const root = window.document.createElement('div');
  window.document.body.append(root);
  const samples: number[] = [];
  let shown = 0;
  for (let run = 0; run < RUNS + 2; run++) {
    const start = performance.now();
    render(h(PanelApp, {}), root as unknown as Element);
    while (root.querySelectorAll('[data-testid="promotion-row"]').length === 0) await new Promise((r) => setImmediate(r));
    const elapsed = performance.now() - start;
    if (run >= 2) samples.push(elapsed); // the first two runs warm up the JIT
    shown = root.querySelectorAll('[data-testid="promotion-row"]').length;
    render(null, root as unknown as Element);
  }
  const ms = median(samples);
  console.log(
    `Panneau latéral, dossier avec ${PROMOTIONS} promotions locales (${shown} lignes d'historique affichées) : ` +
      `${ms.toFixed(1)} ms du montage à l'historique (médiane de ${RUNS}), objectif < ${TARGET_MS} ms${ms < TARGET_MS ? '' : ' — AU-DESSUS'}.`,
  );
  await window.happyDOM.close();
  restore();
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) await benchPanel();
