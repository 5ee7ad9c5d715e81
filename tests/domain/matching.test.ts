// Matching on realistic cases around Lyon: who fits which need, and which pool profile fits a company.
import { describe, expect, it } from 'vitest';
import { locateCommune } from '@/lib/domain/geo';
import type { JobSeekerProfile } from '@/lib/domain/legacy';
import { matchNeedsForProfile, matchPoolForEstablishment } from '@/lib/domain/matching';
import type { CompanyNeed } from '@/lib/domain/need';
import type { PoolEntry } from '@/lib/domain/pool';
import { readingOf } from '../background/fixtures';

const marie = (readingOf('dossier-demandeur', 'dossier-1234567A') as { data: JobSeekerProfile }).data; // Lyon 69003, M1607 main, M1602, 30 km
const NOW = new Date('2026-11-20T10:00:00+01:00');

let n = 0;
function need(rome: string | undefined, postcode: string, city: string, extra: Partial<CompanyNeed> = {}): CompanyNeed {
  n++;
  return {
    id: `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    siret: '73282932000074',
    establishmentName: `Entreprise ${n}`,
    postcode,
    city,
    ...(rome ? { rome } : {}),
    label: 'Besoin',
    status: 'open',
    createdBy: 'jeanne.martin',
    agencyCode: '69031',
    createdAt: '2026-11-01T09:00:00+01:00',
    ...extra,
  };
}

function poolEntry(mainRome: string, postcode: string, city: string, extra: Partial<PoolEntry> = {}): PoolEntry {
  n++;
  return {
    id: `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    ftId: `${String(1000000 + n)}A`,
    firstName: 'Prénom',
    mainRome,
    romeLabel: 'Métier',
    postcode,
    city,
    pitch: 'Profil motivé.',
    status: 'active',
    promotionConsent: { granted: true },
    addedBy: 'paul.bernard',
    agencyCode: '69031',
    createdAt: '2026-11-01T09:00:00+01:00',
    ...extra,
  };
}

describe('needs that fit a job seeker', () => {
  it('puts the same job nearby first, then a neighbouring job nearby, and leaves out the same job far away', () => {
    const sameJobVilleurbanne = need('M1607', '69100', 'Villeurbanne');
    const sameDomainBron = need('M1604', '69500', 'Bron'); // M16: secrétariat et assistance
    const sameJobMarseille = need('M1607', '13001', 'Marseille');
    const otherJobLyon = need('N1101', '69007', 'Lyon');
    const secondJobLyon = need('M1602', '69002', 'Lyon');
    const matches = matchNeedsForProfile(marie, [sameJobMarseille, sameDomainBron, otherJobLyon, sameJobVilleurbanne, secondJobLyon], locateCommune, NOW);
    expect(matches.map((m) => [m.need.id, m.tier])).toEqual([
      [secondJobLyon.id, 'same_job'],
      [sameJobVilleurbanne.id, 'same_job'],
      [sameDomainBron.id, 'same_domain'],
    ]);
    expect(matches[1]!.distanceKm).toBeGreaterThan(2);
    expect(matches[1]!.distanceKm).toBeLessThan(8);
  });

  it('respects a short mobility radius', () => {
    const shortRadius = { ...marie, mobility: { radiusKm: 10, vehicle: false } };
    const givors = need('M1607', '69700', 'Givors'); // about 20 km south of Lyon
    expect(matchNeedsForProfile(marie, [givors], locateCommune, NOW)).toHaveLength(1);
    expect(matchNeedsForProfile(shortRadius, [givors], locateCommune, NOW)).toHaveLength(0);
  });

  it('ignores filled, closed and expired needs, and keeps a need whose commune is unknown last', () => {
    const filled = need('M1607', '69100', 'Villeurbanne', { status: 'filled' });
    const expired = need('M1607', '69100', 'Villeurbanne', { expiresAt: '2026-11-01T00:00:00+01:00' });
    const unknownPlace = need('M1607', '69100', 'Lieu-dit inconnu');
    const known = need('M1607', '69100', 'Villeurbanne');
    const matches = matchNeedsForProfile(marie, [filled, expired, unknownPlace, known], locateCommune, NOW);
    expect(matches.map((m) => m.need.id)).toEqual([known.id, unknownPlace.id]);
    expect(matches[1]!.distanceKm).toBeUndefined();
  });

  it('proposes nothing for a job seeker who has not authorised promotion', () => {
    const refused = { ...marie, promotionConsent: { granted: false } };
    expect(matchNeedsForProfile(refused, [need('M1607', '69100', 'Villeurbanne')], locateCommune, NOW)).toEqual([]);
  });
});

describe('pool profiles that fit an establishment', () => {
  const establishment = { postcode: '69003', city: 'Lyon', needs: [{ rome: 'M1805' }, { label: 'sans code' }] };

  it('ranks the same job first, then the same domain, within 30 km, active profiles only', () => {
    const sameJob = poolEntry('M1805', '69100', 'Villeurbanne');
    const sameDomain = poolEntry('M1810', '69500', 'Bron'); // M18: systèmes d'information
    const farAway = poolEntry('M1805', '75001', 'Paris');
    const placed = poolEntry('M1805', '69003', 'Lyon', { status: 'placed' });
    const otherJob = poolEntry('K2204', '69003', 'Lyon');
    const matches = matchPoolForEstablishment(establishment, [farAway, sameDomain, placed, otherJob, sameJob], locateCommune);
    expect(matches.map((m) => [m.entry.id, m.tier])).toEqual([
      [sameJob.id, 'same_job'],
      [sameDomain.id, 'same_domain'],
    ]);
  });

  it('has nothing to propose to an establishment whose needs carry no job code', () => {
    expect(matchPoolForEstablishment({ ...establishment, needs: [{}] }, [poolEntry('M1805', '69003', 'Lyon')], locateCommune)).toEqual([]);
  });
});
