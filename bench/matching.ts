/** Time to match one page against 5,000 pool entries and 5,000 needs (target under 50 ms). */
import { locateCommune } from '../lib/domain/geo';
import type { JobSeekerProfile } from '../lib/domain/legacy';
import { matchNeedsForProfile, matchPoolForEstablishment } from '../lib/domain/matching';
import type { CompanyNeed } from '../lib/domain/need';
import type { PoolEntry } from '../lib/domain/pool';

const COMMUNES = [
  ['69003', 'Lyon'], ['69100', 'Villeurbanne'], ['69500', 'Bron'], ['69200', 'Vénissieux'], ['69800', 'Saint-Priest'],
  ['69700', 'Givors'], ['69400', 'Villefranche-sur-Saône'], ['42000', 'Saint-Étienne'], ['38000', 'Grenoble'], ['13001', 'Marseille'],
] as const;
const ROMES = ['M1607', 'M1602', 'M1604', 'M1805', 'M1810', 'N1101', 'N4105', 'K2204', 'H2913', 'D1507'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const uuid = (i: number) => `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`;

export async function benchMatching(): Promise<void> {
  const needs: CompanyNeed[] = Array.from({ length: 5000 }, (_, i) => {
    const [postcode, city] = COMMUNES[i % COMMUNES.length]!;
    return {
      id: uuid(i), siret: '73282932000074', establishmentName: `E${i}`, postcode, city, rome: ROMES[i % ROMES.length],
      label: 'Besoin', status: 'open', createdBy: 'x', agencyCode: '69031', createdAt: '2026-11-01T09:00:00+01:00',
    };
  });
  const pool: PoolEntry[] = Array.from({ length: 5000 }, (_, i) => {
    const [postcode, city] = COMMUNES[(i * 7) % COMMUNES.length]!;
    return {
      id: uuid(10_000 + i), ftId: `${1_000_000 + i}A`, firstName: 'P', mainRome: ROMES[(i * 3) % ROMES.length]!, romeLabel: 'M',
      postcode, city, pitch: 'p', status: 'active', promotionConsent: { granted: true }, addedBy: 'x', agencyCode: '69031',
      createdAt: '2026-11-01T09:00:00+01:00',
    };
  });
  const profile = {
    ftId: '1234567A', lastName: 'D', firstName: 'M', phones: [], skills: [], softSkills: [], drivingLicences: [], contractTypes: [],
    address: { postcode: '69003', city: 'Lyon' }, promotionConsent: { granted: true },
    targetJobs: [{ rome: 'M1607', label: 'Secrétariat', main: true }, { rome: 'M1602', label: 'Opérations administratives', main: false }],
    mobility: { radiusKm: 30 },
  } as JobSeekerProfile;
  const establishment = { postcode: '69003', city: 'Lyon', needs: [{ rome: 'M1805' }, { rome: 'N1101' }] };

  const time = (fn: () => unknown) => {
    const runs: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      fn();
      runs.push(performance.now() - t);
    }
    return median(runs);
  };
  const needsMs = time(() => matchNeedsForProfile(profile, needs, locateCommune));
  const poolMs = time(() => matchPoolForEstablishment(establishment, pool, locateCommune));
  console.log('\nRapprochements (médiane de 30 ; cible < 50 ms)');
  console.log(`  dossier demandeur × 5 000 besoins        ${needsMs.toFixed(2)} ms`);
  console.log(`  fiche établissement × 5 000 profils      ${poolMs.toFixed(2)} ms`);
}
