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

function within(from: Point | undefined, to: Point | undefined, radiusKm: number): { ok: boolean; km?: number } {
  if (!from || !to) return { ok: true };
  const km = distanceKm(from, to);
  return { ok: km <= radiusKm, km: Math.round(km * 10) / 10 };
}

/** Where a job seeker is looked for: their jobs (the main one first), their commune when known, their radius. */
export interface Seeker {
  jobs: readonly string[];
  home?: Point;
  radiusKm: number;
}

/** How many needs fit one job seeker, the nearest distance among them, and the best one. */
export interface MatchSummary {
  count: number;
  nearestKm?: number;
  best?: NeedMatch;
}

/**
 * The board's open, unexpired needs prepared once for many job seekers (the worklist ranks a whole portfolio):
 * grouped by ROME domain, each need's commune located on first use. `all` gives the needs that fit one job
 * seeker, best first; `summary` only counts them and keeps the best, without building the list.
 */
export function needMatcher(needs: readonly CompanyNeed[], locate: Locate, now: Date = new Date()) {
  interface Candidate {
    need: CompanyNeed;
    order: number;
    point?: Point | null;
  }
  const byDomain = new Map<string, Candidate[]>();
  const nowMs = now.getTime();
  needs.forEach((need, order) => {
    if (need.status !== 'open' || !need.rome || (need.expiresAt && Date.parse(need.expiresAt) < nowMs)) return;
    const domain = romeDomain(need.rome);
    const bucket = byDomain.get(domain) ?? [];
    bucket.push({ need, order });
    byDomain.set(domain, bucket);
  });
  // Needs of one commune share one located point, so each job seeker measures a commune once.
  const places = new Map<string, Point | null>();
  const pointOf = (c: Candidate): Point | null => {
    if (c.point !== undefined) return c.point;
    const key = `${c.need.postcode}|${c.need.city}`;
    let point = places.get(key);
    if (point === undefined) places.set(key, (point = locate(c.need.postcode, c.need.city) ?? null));
    return (c.point = point);
  };

  /** Calls `found` for every need within reach, in no particular order (hot: no allocation per need). */
  function visit(seeker: Seeker, found: (candidate: Candidate, tier: MatchTier, km: number | undefined) => void): void {
    const jobs = new Set(seeker.jobs);
    const distances = new Map<Point, number>();
    for (const domain of new Set(seeker.jobs.map(romeDomain))) {
      for (const candidate of byDomain.get(domain) ?? []) {
        // The bucket is one of the seeker's domains: the same job, else the same domain.
        const tier: MatchTier = jobs.has(candidate.need.rome!) ? 'same_job' : 'same_domain';
        const point = pointOf(candidate);
        if (!seeker.home || !point) {
          found(candidate, tier, undefined);
          continue;
        }
        let km = distances.get(point);
        if (km === undefined) distances.set(point, (km = distanceKm(seeker.home, point)));
        if (km <= seeker.radiusKm) found(candidate, tier, Math.round(km * 10) / 10);
      }
    }
  }

  return {
    all(seeker: Seeker): NeedMatch[] {
      const found: (NeedMatch & { order: number })[] = [];
      visit(seeker, (c, tier, km) => found.push({ need: c.need, tier, distanceKm: km, order: c.order }));
      // Ties keep the board's order, whatever the domain they were found in.
      return found.sort((a, b) => compareMatches(a, b) || a.order - b.order).map((m) => ({ need: m.need, tier: m.tier, distanceKm: m.distanceKm }));
    },
    summary(seeker: Seeker): MatchSummary {
      let count = 0;
      let nearestKm: number | undefined;
      let best: { candidate: Candidate; tier: MatchTier; km?: number } | undefined;
      visit(seeker, (candidate, tier, km) => {
        count++;
        if (km !== undefined && (nearestKm === undefined || km < nearestKm)) nearestKm = km;
        const before =
          !best ||
          (TIER_RANK[tier] - TIER_RANK[best.tier] ||
            (km ?? Number.POSITIVE_INFINITY) - (best.km ?? Number.POSITIVE_INFINITY) ||
            candidate.order - best.candidate.order) < 0;
        if (before) best = { candidate, tier, km };
      });
      return { count, nearestKm, best: best && { need: best.candidate.need, tier: best.tier, distanceKm: best.km } };
    },
  };
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
  return needMatcher(needs, locate, now).all({ jobs, home, radiusKm: profile.mobility?.radiusKm ?? DEFAULT_RADIUS_KM });
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
