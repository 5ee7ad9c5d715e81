/**
 * Where the dashboard's figures come from: the counsellor's own from this install (instant, offline); the
 * agency's and the national ones from the server, asked through the background (`stats.get`), or — when it
 * does not answer — from this install with a calm word saying so (the agency's synced promotions for a
 * manager, else the counsellor's own).
 */
import { frenchDateTime } from '@/components/format';
import { STATS_MESSAGES, type StatsOutcome, type StatsRequest } from '@/lib/messaging/stats-commands';
import type { StoredPromotion } from '@/lib/store';
import type { StatsPeriod } from '@/lib/stats/period';
import { statsFromFacts } from '@/lib/stats/report';
import type { StatsGrouping, StatsPerimeter, StatsReport } from '@/lib/stats/schema';
import type { SyncIdentity } from '@/lib/sync/transport';
import { localFacts, ownPromotionTest } from './local';

/** Sends `stats.get` to the background (injected in tests). */
export type AskStats = (request: StatsRequest) => Promise<StatsOutcome>;

export interface DashboardFigures {
  /** What the figures cover (may be narrower than asked when the server did not answer). */
  perimeter: StatsPerimeter;
  source: 'local' | 'server';
  /** Said above the figures when they are not what was asked for. */
  notice?: string;
  byMonth: StatsReport;
  byRome: StatsReport;
  /** Agency and national figures only. */
  byCounsellor?: StatsReport;
}

export interface FiguresInput {
  wanted: StatsPerimeter;
  period: StatsPeriod;
  identity?: SyncIdentity;
  promotions: readonly StoredPromotion[];
  lastSyncedAt?: string;
  now?: Date;
}

export const PERIMETER_LABELS: Record<StatsPerimeter, string> = {
  own: 'Mes promotions',
  agency: 'Mon agence',
  national: 'National',
};

/** What this counsellor may ask for: the server says the same (403 otherwise). */
export function availablePerimeters(identity: Pick<SyncIdentity, 'roles'> | undefined): StatsPerimeter[] {
  const roles = identity?.roles ?? [];
  const list: StatsPerimeter[] = ['own'];
  if (roles.includes('manager') || roles.includes('national')) list.push('agency');
  if (roles.includes('national')) list.push('national');
  return list;
}

const scopeOf = (perimeter: StatsPerimeter, identity: SyncIdentity | undefined) =>
  perimeter === 'national' ? 'national' : identity ? `agency:${identity.agencyCode}` : 'local';

function localFigures(input: FiguresInput, perimeter: 'own' | 'agency', notice?: string): DashboardFigures {
  const isOwn = ownPromotionTest(input.identity);
  const chosen =
    perimeter === 'own' ? input.promotions.filter(isOwn) : input.promotions.filter((p) => p.agencyCode === input.identity?.agencyCode);
  const facts = localFacts(chosen);
  const generatedAt = (input.now ?? new Date()).toISOString();
  const report = (groupBy: StatsGrouping) =>
    statsFromFacts(facts, input.period, { scope: scopeOf(perimeter, input.identity), perimeter, groupBy, generatedAt });
  return {
    perimeter,
    source: 'local',
    notice,
    byMonth: report('month'),
    byRome: report('rome'),
    ...(perimeter === 'agency' ? { byCounsellor: report('counsellor') } : {}),
  };
}

class NoFigures extends Error {}

export async function loadFigures(input: FiguresInput, askStats: AskStats): Promise<DashboardFigures> {
  if (input.wanted === 'own') return localFigures(input, 'own');
  const scope = scopeOf(input.wanted, input.identity);
  try {
    const ask = async (groupBy: StatsGrouping) => {
      // A background that cannot be reached (being restarted) is as good as an unreachable server.
      const outcome = await askStats({ scope, from: input.period.from, to: input.period.to, groupBy }).catch(
        (): StatsOutcome => ({ ok: false, kind: 'offline', message: STATS_MESSAGES.offline }),
      );
      if (!outcome.ok) throw new NoFigures(outcome.message);
      return outcome.report;
    };
    const [byMonth, byRome, byCounsellor] = await Promise.all([ask('month'), ask('rome'), ask('counsellor')]);
    return { perimeter: byMonth.perimeter, source: 'server', byMonth, byRome, byCounsellor };
  } catch (err) {
    const reason = (err instanceof NoFigures ? err.message : STATS_MESSAGES.offline).replace(/[.\s]+$/, '');
    if (input.wanted === 'agency' && input.identity) {
      const synced = input.lastSyncedAt ? ` (dernière synchronisation : ${frenchDateTime(input.lastSyncedAt)})` : '';
      return localFigures(
        input,
        'agency',
        `${reason} : voici les chiffres de l'agence calculés sur ce poste, avec les promotions déjà synchronisées${synced}. Ils seront complétés au retour de la connexion.`,
      );
    }
    return localFigures(
      input,
      'own',
      `${reason} : les chiffres nationaux s'afficheront dès que le serveur répondra. Voici vos propres chiffres, calculés sur ce poste.`,
    );
  }
}
