/**
 * Popup figures (printed, never asserted): with 1,000 promotions in the store, the median time from
 * mounting the popup to its lists on screen — IndexedDB read (fake-indexeddb), reminder planning and
 * Preact render in happy-dom — target < 100 ms; and the planning alone.
 * Run alone with `npx tsx bench/popup.ts`.
 */
import 'fake-indexeddb/auto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fakeBrowser } from '@webext-core/fake-browser';
import { Window } from 'happy-dom';

const PROMOTIONS = 1000;
const RUNS = 9;
const TARGET_MS = 100;
const DAY_MS = 86_400_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const uuid = (i: number) => `0190b000-0000-7000-8000-${String(i).padStart(12, '0')}`;
const FIRST = ['Marie', 'Karim', 'Sandrine', 'Lucas', 'Nadia', 'Thomas', 'Inès', 'Paul'];
const LAST = ['DUPONT', 'BENALI', 'LEFÈVRE', 'MARTIN', 'ROUSSEL', 'GARNIER', 'HADDAD', 'PETIT'];

/**
 * The browser the popup expects: a DOM (happy-dom) and the extension APIs (fake browser), before any
 * import. Returns what puts the globals back, so the benchmarks run after this one see plain Node.
 */
export function installBrowser(page = 'popup.html'): { window: Window; restore: () => void } {
  const window = new Window({ url: `chrome-extension://profilence/${page}` });
  const globals: Record<string, unknown> = {
    window,
    document: window.document,
    requestAnimationFrame: (cb: FrameRequestCallback) => setTimeout(() => cb(performance.now()), 0),
    cancelAnimationFrame: (id: ReturnType<typeof setTimeout>) => clearTimeout(id),
    chrome: fakeBrowser,
  };
  const scope = globalThis as Record<string, unknown>;
  const previous = Object.fromEntries(Object.keys(globals).map((key) => [key, Object.getOwnPropertyDescriptor(scope, key)]));
  Object.assign(scope, globals);
  const restore = () => {
    for (const [key, descriptor] of Object.entries(previous)) {
      if (descriptor) Object.defineProperty(scope, key, descriptor);
      else delete scope[key];
    }
  };
  return { window, restore };
}

export async function benchPopup(): Promise<void> {
  const { window, restore } = installBrowser();
  const [{ h, render }, { PopupApp, PopupView }, { toStoredPromotion, openDb }, { buildFollowUpList }, { DEFAULT_FOLLOW_UP_SETTINGS }] =
    await Promise.all([
      import('preact'),
      import('../components/popup/PopupApp'),
      import('../lib/store'),
      import('../lib/reminders/follow-up-list'),
      import('../lib/settings/follow-up'),
    ]);

  // 1,000 promotions sent over the last 40 days; one in three has an answer or is closed.
  const now = Date.now();
  const rows = Array.from({ length: PROMOTIONS }, (_, i) => {
    const id = uuid(i);
    const sentAt = new Date(now - ((i * 37) % 40) * DAY_MS - (i % 9) * 3_600_000).toISOString();
    const event = (n: number, type: 'sent' | 'followed_up' | 'employer_replied' | 'declined', at: string) => ({
      id: uuid(100_000 + i * 10 + n), promotionId: id, type, at, by: 'Jeanne MARTIN',
      ...(type === 'declined' ? { reason: 'no_position' as const } : {}),
    });
    const later = new Date(Date.parse(sentAt) + 2 * DAY_MS).toISOString();
    const events = [event(0, 'sent', sentAt)];
    if (i % 3 === 1) events.push(event(1, i % 2 ? 'employer_replied' : 'declined', later));
    else if (i % 5 === 0) events.push(event(1, 'followed_up', later));
    return toStoredPromotion({
      id, reference: 'PRF-000000', createdAt: sentAt, counsellorId: 'Jeanne MARTIN', agencyCode: '69031',
      jobSeeker: { ftId: `${1_000_000 + i}A`, firstName: FIRST[i % 8]!, lastName: LAST[(i * 3) % 8]!, mainRome: 'M1607', promotionConsent: { granted: true } },
      establishment: { siret: '73282932000074', name: `ÉTABLISSEMENT ${i}`, postcode: '69003', city: 'Lyon' },
      contact: { name: 'Claire ROUSSEL', email: 'claire.roussel@example.com', phone: '0678451230' },
      rome: 'M1607', mode: 'named', channel: i % 2 ? 'email' : 'phone', pitch: 'Profil à découvrir.', events,
    });
  });
  const dbName = `profilence-bench-${Date.now()}`;
  const seed = openDb(dbName);
  await seed.promotions.bulkPut(rows);
  seed.close();

  const root = window.document.createElement('div');
  window.document.body.append(root);
  const samples: number[] = [];
  let shown = { due: 0, upcoming: 0 };
  for (let run = 0; run < RUNS + 2; run++) {
    const db = openDb(dbName); // a fresh connection each time, as a popup opening does
    const start = performance.now();
    render(h(PopupApp, { db }), root as unknown as Element);
    while (!root.querySelector('[data-testid="due-item"]')) await new Promise((r) => setImmediate(r));
    const elapsed = performance.now() - start;
    if (run >= 2) samples.push(elapsed); // the first two runs warm up the JIT
    shown = { due: root.querySelectorAll('[data-testid="due-item"]').length, upcoming: root.querySelectorAll('[data-testid="upcoming-item"]').length };
    render(null, root as unknown as Element);
    db.close();
  }

  // The same, step by step: IndexedDB read on a fresh connection, reminder planning, Preact render.
  const reads: number[] = [];
  let waiting: typeof rows = [];
  for (let run = 0; run < RUNS; run++) {
    const db = openDb(dbName);
    const start = performance.now();
    waiting = await db.promotions.where('status').equals('sent').toArray();
    reads.push(performance.now() - start);
    db.close();
  }
  const settings = { ...DEFAULT_FOLLOW_UP_SETTINGS };
  const planning: number[] = [];
  let list = buildFollowUpList(waiting, settings, new Date(now));
  for (let run = 0; run < RUNS * 2; run++) {
    const start = performance.now();
    list = buildFollowUpList(waiting, { ...settings, workingDays: run % 2 === 1 }, new Date(now));
    planning.push(performance.now() - start);
  }
  const state = { list, now: new Date(now), settings, waiting: waiting.length };
  const renders: number[] = [];
  for (let run = 0; run < RUNS + 2; run++) {
    const start = performance.now();
    render(h(PopupView, { state }), root as unknown as Element);
    if (run >= 2) renders.push(performance.now() - start);
    render(null, root as unknown as Element);
  }

  const ms = median(samples);
  console.log(
    `Fenêtre de l'icône, ${PROMOTIONS} promotions (${waiting.length} en attente de réponse : ${list.due.length} relances dues, ` +
      `${list.upcoming.length} à venir ; ${shown.due} + ${shown.upcoming} affichées) : ${ms.toFixed(1)} ms ` +
      `de l'ouverture aux listes (médiane de ${RUNS}), objectif < ${TARGET_MS} ms${ms < TARGET_MS ? '' : ' — AU-DESSUS'} ; ` +
      `dont lecture IndexedDB (fake-indexeddb) ${median(reads).toFixed(1)} ms, calcul des relances ` +
      `${median(planning).toFixed(1)} ms, rendu Preact ${median(renders).toFixed(1)} ms.`,
  );
  await window.happyDOM.close();
  restore();
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) await benchPopup();
