/**
 * « À promouvoir » (printed, never asserted): a portfolio of 300 job seekers ranked against 5,000 open needs of the
 * board and 300 promotions, then rendered by Preact in happy-dom (the first 50 rows, as the panel shows them) — the
 * median of the two together, against the 200 ms goal. The baseline, measured in the same run, is the job-seeker file's matcher (matchNeedsForProfile)
 * called once per job seeker: what ranking the portfolio would cost without the shared index of needs.
 * Run alone with `npx tsx bench/worklist.ts`.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import './ignore-css';
import { installBrowser } from './popup';
import { locateCommune } from '../lib/domain/geo';
import type { JobSeekerProfile, PortfolioEntry } from '../lib/domain/legacy';
import { matchNeedsForProfile } from '../lib/domain/matching';
import type { CompanyNeed } from '../lib/domain/need';
import { rankWorklist, type KnownJobSeeker, type WorklistPromotion } from '../lib/domain/worklist';

const SEEKERS = 300;
const NEEDS = 5000;
const RUNS = 15;
const GOAL_MS = 200;
const DAY_MS = 86_400_000;

const COMMUNES = [
  ['69003', 'Lyon'], ['69100', 'Villeurbanne'], ['69500', 'Bron'], ['69200', 'Vénissieux'], ['69800', 'Saint-Priest'],
  ['69700', 'Givors'], ['69400', 'Villefranche-sur-Saône'], ['42000', 'Saint-Étienne'], ['38000', 'Grenoble'], ['13001', 'Marseille'],
] as const;
const ROMES = ['M1607', 'M1602', 'M1604', 'M1805', 'M1810', 'N1101', 'N4105', 'K2204', 'H2913', 'D1507', 'G1602', 'J1501'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const uuid = (i: number) => `0190d000-0000-7000-8000-${String(i).padStart(12, '0')}`;
const ftIdOf = (i: number) => `${2_000_000 + i}A`;

function data(now: Date) {
  const needs: CompanyNeed[] = Array.from({ length: NEEDS }, (_, i) => {
    const [postcode, city] = COMMUNES[i % COMMUNES.length]!;
    return {
      id: uuid(i), siret: '73282932000074', establishmentName: `Établissement ${i}`, postcode, city, rome: ROMES[(i * 7) % ROMES.length],
      label: 'Besoin', status: i % 10 === 0 ? 'filled' : 'open', createdBy: 'x', agencyCode: '69031', createdAt: '2026-11-01T09:00:00+01:00',
    };
  });
  // One in ten rows does not grant the promotion; two in three files were read (commune and radius known).
  const entries: PortfolioEntry[] = Array.from({ length: SEEKERS }, (_, i) => ({
    ftId: ftIdOf(i), lastName: `NOM${String(i).padStart(3, '0')}`, firstName: 'Prénom', mainRome: ROMES[(i * 5) % ROMES.length],
    promotionConsent: i % 10 !== 9, url: `http://dossiers.localhost/dossier/${ftIdOf(i)}`,
  }));
  const known: Record<string, KnownJobSeeker> = {};
  const profiles: JobSeekerProfile[] = entries.map((e, i) => {
    const [postcode, city] = COMMUNES[(i * 3) % COMMUNES.length]!;
    if (i % 3 !== 2) known[e.ftId] = { romes: [e.mainRome!], postcode, city, radiusKm: 10 + (i % 4) * 10 };
    return {
      ftId: e.ftId, lastName: e.lastName, firstName: e.firstName, phones: [], skills: [], softSkills: [], drivingLicences: [], contractTypes: [],
      promotionConsent: { granted: e.promotionConsent }, targetJobs: [{ rome: e.mainRome!, label: 'Métier', main: true }],
      ...(known[e.ftId] ? { address: { postcode, city }, mobility: { radiusKm: known[e.ftId]!.radiusKm } } : {}),
    } as JobSeekerProfile;
  });
  // Two promotions each for one job seeker in two, sent between 0 and 200 days ago.
  const promotions: WorklistPromotion[] = Array.from({ length: SEEKERS }, (_, i) => i)
    .filter((i) => i % 2 === 0)
    .flatMap((i) =>
      [0, 1].map((k) => {
        const id = uuid(100_000 + i * 2 + k);
        const at = new Date(now.getTime() - ((i * 7 + k * 40) % 200) * DAY_MS).toISOString();
        return { jobSeeker: { ftId: ftIdOf(i) }, createdAt: at, events: [{ id: uuid(200_000 + i * 2 + k), promotionId: id, type: 'sent' as const, at, by: 'x' }] };
      }),
    );
  return { needs, entries, known, profiles, promotions };
}

export async function benchWorklist(): Promise<void> {
  const { window, restore } = installBrowser('sidepanel.html');
  const [{ h, render }, { WorklistList }] = await Promise.all([import('preact'), import('../components/worklist/WorklistView')]);
  const now = new Date('2026-11-20T10:00:00+01:00');
  const { needs, entries, known, profiles, promotions } = data(now);
  const root = window.document.createElement('div');
  window.document.body.append(root);

  const ranking: number[] = [];
  const rendering: number[] = [];
  const baseline: number[] = [];
  let shown = 0;
  for (let run = 0; run < RUNS + 2; run++) {
    let t = performance.now();
    const worklist = rankWorklist({ entries, known, promotions, needs, locate: locateCommune, now });
    const ranked = performance.now() - t;
    t = performance.now();
    render(h(WorklistList, { worklist, notListed: worklist.notListed, busy: false, onPrepare: () => undefined }), root as unknown as Element);
    shown = root.querySelectorAll('[data-testid="worklist-row"]').length;
    const rendered = performance.now() - t;
    render(null, root as unknown as Element);
    t = performance.now();
    for (const profile of profiles) matchNeedsForProfile(profile, needs, locateCommune, now);
    const naive = performance.now() - t;
    if (run < 2) continue; // the first two runs warm up the JIT
    ranking.push(ranked);
    rendering.push(rendered);
    baseline.push(naive);
  }
  const rank = median(ranking);
  const draw = median(rendering);
  const total = rank + draw;
  const base = median(baseline);
  console.log(`\nÀ promouvoir : ${SEEKERS} demandeurs × ${NEEDS.toLocaleString('fr-FR')} besoins, ${promotions.length} promotions (médiane de ${RUNS})`);
  console.log(`  classement ${rank.toFixed(1)} ms + affichage de ${shown} lignes ${draw.toFixed(1)} ms = ${total.toFixed(1)} ms, objectif < ${GOAL_MS} ms${total < GOAL_MS ? '' : ' — AU-DESSUS'}`);
  console.log(`  référence : le rapprochement du dossier appelé pour chaque demandeur ${base.toFixed(1)} ms ; classement / référence = ${(rank / base).toFixed(2)}`);
  await window.happyDOM.close();
  restore();
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) await benchWorklist();
