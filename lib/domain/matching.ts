/**
 * Who fits whom: the open needs of the agency board for a job seeker, and the pool profiles for an
 * establishment. Same job first, then the same ROME domain (letter + 2 digits, e.g. M16), within
 * the mobility radius measured between communes. A profile without consent matches nothing.
 */
import type { Locate, Point } from './geo/lookup';
import { distanceKm } from './geo/lookup';
import type { JobSeekerProfile } from './legacy';
import type { CompanyNeed } from './need';
import type { PoolEntry } from './pool';

/** Used when the file gives no radius; also for pool profiles, whose radius is not shared. */
export const DEFAULT_RADIUS_KM = 30;

export type MatchTier = 'same_job' | 'same_domain';
export const romeDomain = (rome: string) => rome.slice(0, 3);

export interface NeedMatch {
  need: CompanyNeed;
  tier: MatchTier;
  /** Undefined when one of the communes could not be located: kept, ranked after the located ones. */
  distanceKm?: number;
}

export interface PoolMatch {
  entry: PoolEntry;
  tier: MatchTier;
  distanceKm?: number;
  /** The need of the establishment it answers. */
  rome: string;
}

const TIER_RANK: Record<MatchTier, number> = { same_job: 0, same_domain: 1 };

function compareMatches(a: { tier: MatchTier; distanceKm?: number }, b: { tier: MatchTier; distanceKm?: number }): number {
  return (
    TIER_RANK[a.tier] - TIER_RANK[b.tier] ||
    (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY)
  );
}

function tierFor(rome: string | undefined, jobs: readonly string[]): MatchTier | undefined {
  if (!rome) return undefined;
  if (jobs.includes(rome)) return 'same_job';
  if (jobs.some((j) => romeDomain(j) === romeDomain(rome))) return 'same_domain';
  return undefined;
}

function within(from: Point | undefined, to: Point | undefined, radiusKm: number): { ok: boolean; km?: number } {
  if (!from || !to) return { ok: true };
  const km = distanceKm(from, to);
  return { ok: km <= radiusKm, km: Math.round(km * 10) / 10 };
}

/** Open, unexpired needs of the board that fit this job seeker, best first. */
export function matchNeedsForProfile(
  profile: JobSeekerProfile,
  needs: readonly CompanyNeed[],
  locate: Locate,
  now: Date = new Date(),
): NeedMatch[] {
  if (!profile.promotionConsent.granted) return [];
  const jobs = [...profile.targetJobs].sort((a, b) => Number(b.main) - Number(a.main)).map((j) => j.rome);
  if (jobs.length === 0) return [];
  const home = profile.address ? locate(profile.address.postcode, profile.address.city) : undefined;
  const radius = profile.mobility?.radiusKm ?? DEFAULT_RADIUS_KM;
  const nowMs = now.getTime();
  const matches: NeedMatch[] = [];
  for (const need of needs) {
    if (need.status !== 'open' || (need.expiresAt && Date.parse(need.expiresAt) < nowMs)) continue;
    const tier = tierFor(need.rome, jobs);
    if (!tier) continue;
    const distance = within(home, locate(need.postcode, need.city), radius);
    if (!distance.ok) continue;
    matches.push({ need, tier, distanceKm: distance.km });
  }
  return matches.sort(compareMatches);
}

/** Active pool profiles that fit the needs of one establishment, best first, each once. */
export function matchPoolForEstablishment(
  establishment: { postcode: string; city: string; needs: readonly { rome?: string }[] },
  pool: readonly PoolEntry[],
  locate: Locate,
  radiusKm: number = DEFAULT_RADIUS_KM,
): PoolMatch[] {
  const romes = [...new Set(establishment.needs.flatMap((n) => (n.rome ? [n.rome] : [])))];
  if (romes.length === 0) return [];
  const site = locate(establishment.postcode, establishment.city);
  const matches: PoolMatch[] = [];
  for (const entry of pool) {
    if (entry.status !== 'active' || entry.promotionConsent?.granted !== true) continue;
    const rome = romes.find((r) => r === entry.mainRome) ?? romes.find((r) => romeDomain(r) === romeDomain(entry.mainRome));
    if (!rome) continue;
    const distance = within(locate(entry.postcode, entry.city), site, radiusKm);
    if (!distance.ok) continue;
    matches.push({ entry, rome, tier: rome === entry.mainRome ? 'same_job' : 'same_domain', distanceKm: distance.km });
  }
  return matches.sort(compareMatches);
}
