/**
 * « À promouvoir »: the counsellor's portfolio as a worklist. Only the job seekers whose portfolio row grants the
 * promotion beyond doubt are listed; each is ranked by what there is to do (never promoted, nothing sent for
 * 60 days, open needs of the agency board that fit, the last promotion's status). The order is the contract of
 * docs/domain.md (« À promouvoir »); the words are the ones the panel shows.
 */
import type { Locate } from './geo/lookup';
import { STATUS_LABELS } from './labels';
import type { PortfolioEntry } from './legacy';
import { DEFAULT_RADIUS_KM, needMatcher, type MatchSummary, type NeedMatch } from './matching';
import type { CompanyNeed } from './need';
import { plural } from './plural';
import { deriveStatus, type OrderedEvent, type PromotionStatus } from './status';

/** Nothing sent for this many days: the profile is to be promoted again. */
export const DORMANT_AFTER_DAYS = 60;
const DAY_MS = 86_400_000;

/** What the files already read, or the agency pool, tell of a job seeker the portfolio row does not. */
export interface KnownJobSeeker {
  /** ROME codes of the jobs sought, the main one first. */
  romes?: readonly string[];
  postcode?: string;
  city?: string;
  radiusKm?: number;
}

/**
 * What is known of each job seeker beyond the portfolio row: what their file showed when it was last read here,
 * else the commune of their pool entry (its job is the portfolio's, fresher).
 */
export function knownJobSeekers(
  files: Readonly<Record<string, KnownJobSeeker>>,
  pool: readonly { ftId: string; postcode: string; city: string }[],
): Record<string, KnownJobSeeker> {
  const known: Record<string, KnownJobSeeker> = {};
  for (const entry of pool) known[entry.ftId] ??= { postcode: entry.postcode, city: entry.city };
  // A file read without an address keeps the pool's commune.
  for (const [ftId, file] of Object.entries(files)) known[ftId] = { ...known[ftId], ...file };
  return known;
}

/** A promotion as the store holds it, local or pulled: whoever of the agency made it, it counts. */
export interface WorklistPromotion {
  jobSeeker: { ftId: string };
  createdAt: string;
  events: readonly OrderedEvent[];
}

export interface WorklistInput {
  entries: readonly PortfolioEntry[];
  /** By ftId: jobs, commune and radius read on their file (first choice), else their pool entry's. */
  known?: Readonly<Record<string, KnownJobSeeker>>;
  promotions: readonly WorklistPromotion[];
  needs: readonly CompanyNeed[];
  locate: Locate;
  now: Date;
}

/** The groups, in the order they are listed. */
const WORKLIST_GROUPS = ['never_with_need', 'never', 'dormant_with_need', 'dormant', 'recent_with_need', 'recent'] as const;
export type WorklistGroup = (typeof WORKLIST_GROUPS)[number];

export interface WorklistRow {
  ftId: string;
  firstName: string;
  lastName: string;
  url: string;
  group: WorklistGroup;
  /** When the profile last left (the latest `sent` of its promotions); absent if it never did. */
  lastSentAt?: string;
  daysSinceSent?: number;
  /** Status of the most recent promotion. */
  lastStatus?: PromotionStatus;
  matchCount: number;
  /** The nearest matching need's distance, when both communes are located. */
  nearestKm?: number;
  /** The best-fitting need (same job first, then nearest): the establishment « Préparer la promotion » ticks. */
  best?: NeedMatch;
  /** Whether a commune is known for the job seeker (else distances are unknown and the radius not applied). */
  placeKnown: boolean;
  /** Why the row is where it is, in French, in the panel's order. */
  reasons: string[];
}

export interface Worklist {
  rows: WorklistRow[];
  /** Rows of the portfolio left out: promotion not authorised, or consent not readable beyond doubt. */
  notListed: number;
  neverPromoted: number;
  withNeed: number;
  /** « 26 autorisent la promotion, 22 jamais promus, 5 avec un besoin correspondant » */
  summary: string;
}

interface History {
  lastSentMs?: number;
  lastSentAt?: string;
  latestCreatedMs: number;
  lastStatus?: PromotionStatus;
}

function histories(promotions: readonly WorklistPromotion[], wanted: ReadonlySet<string>): Map<string, History> {
  const byFtId = new Map<string, History>();
  for (const p of promotions) {
    const ftId = p.jobSeeker.ftId;
    if (!wanted.has(ftId)) continue;
    const derived = deriveStatus(p.events);
    const h = byFtId.get(ftId) ?? { latestCreatedMs: Number.NEGATIVE_INFINITY };
    const created = Date.parse(p.createdAt);
    if (created >= h.latestCreatedMs) {
      h.latestCreatedMs = created;
      h.lastStatus = derived.status;
    }
    const sent = derived.sentAt === undefined ? Number.NaN : Date.parse(derived.sentAt);
    if (!Number.isNaN(sent) && (h.lastSentMs === undefined || sent > h.lastSentMs)) {
      h.lastSentMs = sent;
      h.lastSentAt = derived.sentAt;
    }
    byFtId.set(ftId, h);
  }
  return byFtId;
}

const KM = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const COUNT = new Intl.NumberFormat('fr-FR');
const km = (value: number) => `${KM.format(value)} km`;

function reasonsOf(row: Omit<WorklistRow, 'reasons'>): string[] {
  const reasons: string[] = [];
  if (row.daysSinceSent === undefined) reasons.push('Profil jamais promu');
  else if (row.group.startsWith('dormant')) reasons.push(`Rien envoyé depuis ${plural(row.daysSinceSent, 'jour', 'jours')}`);
  else reasons.push(row.daysSinceSent === 0 ? "Envoyé aujourd'hui" : `Envoyé il y a ${plural(row.daysSinceSent, 'jour', 'jours')}`);
  if (row.matchCount === 0) reasons.push('Aucun besoin correspondant');
  else {
    const where = row.nearestKm !== undefined ? `le plus proche à ${km(row.nearestKm)}` : row.placeKnown ? 'distance inconnue' : 'commune du demandeur inconnue';
    reasons.push(`${plural(row.matchCount, 'besoin correspondant', 'besoins correspondants')}, ${where}`);
  }
  if (row.lastStatus) reasons.push(`Dernière promotion : ${STATUS_LABELS[row.lastStatus]}`);
  return reasons;
}

const TIER_RANK = { same_job: 0, same_domain: 1 } as const;
const byName = new Intl.Collator('fr', { sensitivity: 'base' });

/**
 * The order of docs/domain.md: group (never promoted with a need, never promoted, nothing sent for 60 days with
 * a need, nothing sent for 60 days, sent lately with a need, sent lately); then the best need (same job before
 * same domain, then the nearer, unknown distance last); then more matching needs; then the longer since the
 * last sending; then last name, first name, identifier.
 */
function compareRows(a: WorklistRow, b: WorklistRow): number {
  return (
    WORKLIST_GROUPS.indexOf(a.group) - WORKLIST_GROUPS.indexOf(b.group) ||
    (a.best ? TIER_RANK[a.best.tier] : 2) - (b.best ? TIER_RANK[b.best.tier] : 2) ||
    (a.best?.distanceKm ?? Number.POSITIVE_INFINITY) - (b.best?.distanceKm ?? Number.POSITIVE_INFINITY) ||
    b.matchCount - a.matchCount ||
    (a.lastSentAt ? Date.parse(a.lastSentAt) : 0) - (b.lastSentAt ? Date.parse(b.lastSentAt) : 0) ||
    byName.compare(a.lastName, b.lastName) ||
    byName.compare(a.firstName, b.firstName) ||
    (a.ftId < b.ftId ? -1 : a.ftId > b.ftId ? 1 : 0)
  );
}

/** The summary line, with French plurals (0 and 1 singular). */
export function worklistSummary(consenting: number, neverPromoted: number, withNeed: number): string {
  return [
    plural(consenting, 'autorise la promotion', 'autorisent la promotion'),
    plural(neverPromoted, 'jamais promu', 'jamais promus'),
    `${COUNT.format(withNeed)} avec un besoin correspondant`,
  ].join(', ');
}

export function rankWorklist(input: WorklistInput): Worklist {
  const seen = new Set<string>();
  // Anything short of a certain grant is never listed; a person listed twice by the page counts once.
  const consenting = input.entries.filter((e) => e.promotionConsent === true && !seen.has(e.ftId) && seen.add(e.ftId));
  const history = histories(input.promotions, seen);
  const matcher = needMatcher(input.needs, input.locate, input.now);
  const nowMs = input.now.getTime();

  const rows = consenting.map((entry): WorklistRow => {
    const known = input.known?.[entry.ftId];
    const jobs = known?.romes?.length ? known.romes : entry.mainRome ? [entry.mainRome] : [];
    const placeKnown = Boolean(known?.postcode && known.city);
    const home = placeKnown ? input.locate(known!.postcode!, known!.city!) : undefined;
    const matches: MatchSummary = jobs.length ? matcher.summary({ jobs, home, radiusKm: known?.radiusKm ?? DEFAULT_RADIUS_KM }) : { count: 0 };
    const h = history.get(entry.ftId);
    const daysSinceSent = h?.lastSentMs === undefined ? undefined : Math.max(0, Math.floor((nowMs - h.lastSentMs) / DAY_MS));
    const state = daysSinceSent === undefined ? 'never' : daysSinceSent >= DORMANT_AFTER_DAYS ? 'dormant' : 'recent';
    const row: Omit<WorklistRow, 'reasons'> = {
      ftId: entry.ftId,
      firstName: entry.firstName,
      lastName: entry.lastName,
      url: entry.url,
      group: (matches.count ? `${state}_with_need` : state) as WorklistGroup,
      ...(h?.lastSentAt ? { lastSentAt: h.lastSentAt, daysSinceSent } : {}),
      ...(h?.lastStatus ? { lastStatus: h.lastStatus } : {}),
      matchCount: matches.count,
      ...(matches.nearestKm !== undefined ? { nearestKm: matches.nearestKm } : {}),
      ...(matches.best ? { best: matches.best } : {}),
      placeKnown,
    };
    return { ...row, reasons: reasonsOf(row) };
  });
  rows.sort(compareRows);

  const neverPromoted = rows.filter((r) => r.lastSentAt === undefined).length;
  const withNeed = rows.filter((r) => r.matchCount > 0).length;
  return {
    rows,
    notListed: new Set(input.entries.map((e) => e.ftId)).size - rows.length,
    neverPromoted,
    withNeed,
    summary: worklistSummary(rows.length, neverPromoted, withNeed),
  };
}
