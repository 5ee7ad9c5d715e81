import { describe, expect, it } from 'vitest';
import { availablePerimeters, loadFigures, type AskStats } from '@/components/dashboard/figures-source';
import { ownPromotionTest, personKey } from '@/components/dashboard/local';
import type { StatsOutcome, StatsRequest } from '@/lib/messaging/stats-commands';
import { count, days, percent, profilesPerHire } from '@/components/dashboard/format';
import { inPeriod } from '@/components/dashboard/export';
import { periodOf } from '@/components/dashboard/periods';
import type { StoredPromotion } from '@/lib/store';
import { statsFromFacts } from '@/lib/stats/report';
import { promotionFacts } from '@/lib/stats/facts';
import type { StatsReport } from '@/lib/stats/schema';
import { AGENCY_TOTAL, JEANNE_TOTAL } from './expected';
import { asPulled, PERIOD, seededHistories } from './histories';

const JEANNE = { sub: 'jeanne.martin', agencyCode: '69031', name: 'MARTIN Jeanne', roles: [] as string[] };
const MANAGER = { sub: 'claire.durand', agencyCode: '69031', name: 'Claire DURAND', roles: ['manager'] };
const NATIONAL = { sub: 'nadia.roux', agencyCode: '75056', name: 'Nadia ROUX', roles: ['national'] };

/** The seeded histories as the local store holds them (the caches of StoredPromotion are not read here). */
const stored = () => seededHistories().map((h) => asPulled(h) as unknown as StoredPromotion);

/** The background's side of `stats.get`, as the dashboard sees it: every request is recorded. */
function fakeBackground(answer: (request: StatsRequest) => StatsOutcome | Promise<StatsOutcome>): AskStats & { calls: StatsRequest[] } {
  const calls: StatsRequest[] = [];
  const ask = async (request: StatsRequest) => {
    calls.push(request);
    return answer(request);
  };
  return Object.assign(ask, { calls });
}

function serverReport(groupBy: 'month' | 'rome' | 'counsellor'): StatsReport {
  const facts = stored().map((p) => promotionFacts(p));
  return statsFromFacts(facts, { ...PERIOD, agencyCode: '69031' }, { scope: 'agency:69031', perimeter: 'agency', groupBy, generatedAt: '2025-04-01T00:00:00.000Z' });
}

describe('own promotions on this install', () => {
  it('recognises the counsellor whatever the order, case or accents of the name', () => {
    expect(personKey('Jeanne MARTIN')).toBe(personKey('martin jéanne'));
    expect(personKey('jeanne.martin')).toBe(personKey('Jeanne MARTIN'));
    const mine = ownPromotionTest(JEANNE);
    expect(mine({ counsellorId: 'Jeanne MARTIN' })).toBe(true);
    expect(mine({ counsellorId: 'Paul BERNARD' })).toBe(false);
    // Never synced: every promotion of the store was made here.
    expect(ownPromotionTest(undefined)({ counsellorId: 'Paul BERNARD' })).toBe(true);
  });

  it('offers the perimeters the server would grant', () => {
    expect(availablePerimeters(undefined)).toEqual(['own']);
    expect(availablePerimeters(JEANNE)).toEqual(['own']);
    expect(availablePerimeters(MANAGER)).toEqual(['own', 'agency']);
    expect(availablePerimeters(NATIONAL)).toEqual(['own', 'agency', 'national']);
  });
});

describe('loadFigures: where the figures come from', () => {
  const input = { period: PERIOD, promotions: stored() };

  it("computes a counsellor's own figures here, without asking the server", async () => {
    const server = fakeBackground(() => ({ ok: false, kind: 'offline', message: 'Serveur injoignable' }));
    const figures = await loadFigures({ ...input, wanted: 'own', identity: JEANNE }, server);
    expect(server.calls).toEqual([]);
    expect(figures).toMatchObject({ perimeter: 'own', source: 'local' });
    expect(figures.notice).toBeUndefined();
    expect(figures.byMonth.total).toEqual(JEANNE_TOTAL);
    expect(figures.byCounsellor).toBeUndefined();
  });

  it("takes the agency's figures from the server when it answers", async () => {
    const server = fakeBackground((request) => ({ ok: true, report: serverReport(request.groupBy) }));
    const figures = await loadFigures({ ...input, wanted: 'agency', identity: MANAGER }, server);
    expect(server.calls).toEqual(
      (['month', 'rome', 'counsellor'] as const).map((groupBy) => ({ scope: 'agency:69031', from: PERIOD.from, to: PERIOD.to, groupBy })),
    );
    expect(figures).toMatchObject({ perimeter: 'agency', source: 'server' });
    expect(figures.byMonth.total).toEqual(AGENCY_TOTAL);
    expect(figures.byCounsellor!.groups.map((g) => g.label)).toEqual(['Jeanne MARTIN', 'Paul BERNARD']);
  });

  it("falls back to the agency's synced promotions for a manager, and says so", async () => {
    const server = fakeBackground(() => ({ ok: false, kind: 'offline', message: 'Serveur injoignable' }));
    const figures = await loadFigures({ ...input, wanted: 'agency', identity: MANAGER, lastSyncedAt: '2025-03-31T16:05:00Z' }, server);
    expect(figures).toMatchObject({ perimeter: 'agency', source: 'local' });
    expect(figures.byMonth.total).toEqual(AGENCY_TOTAL);
    expect(figures.notice).toBe(
      "Serveur injoignable : voici les chiffres de l'agence calculés sur ce poste, avec les promotions déjà synchronisées (dernière synchronisation : 31/03/2025 18:05). Ils seront complétés au retour de la connexion.",
    );
  });

  it('shows the own figures when the national ones cannot be had', async () => {
    const server = fakeBackground(() => ({ ok: false, kind: 'signed_out', message: 'Aucun compte connecté au serveur (options de Profilence)' }));
    const nationalJeanne = { ...NATIONAL, sub: 'jeanne.martin', name: 'Jeanne MARTIN', agencyCode: '69031' };
    const figures = await loadFigures({ ...input, wanted: 'national', identity: nationalJeanne }, server);
    expect(figures).toMatchObject({ perimeter: 'own', source: 'local' });
    expect(figures.byMonth.total).toEqual(JEANNE_TOTAL);
    expect(figures.notice).toMatch(/^Aucun compte connecté au serveur \(options de Profilence\) : les chiffres nationaux/);
  });

  it("gives the server's own refusal, without its final full stop, when it has one", async () => {
    const server = fakeBackground(() => ({ ok: false, kind: 'forbidden', message: "Accès refusé : les chiffres nationaux sont réservés à l'équipe nationale." }));
    const figures = await loadFigures({ ...input, wanted: 'national', identity: { ...NATIONAL, name: 'Jeanne MARTIN' } }, server);
    expect(figures.notice).toMatch(/^Accès refusé : les chiffres nationaux sont réservés à l'équipe nationale : les chiffres nationaux s'afficheront/);
  });

  it('falls back the same way when the background cannot be reached', async () => {
    const unreachable: AskStats = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    const figures = await loadFigures({ ...input, wanted: 'agency', identity: MANAGER }, unreachable);
    expect(figures).toMatchObject({ perimeter: 'agency', source: 'local' });
    expect(figures.notice).toMatch(/^Serveur injoignable : voici les chiffres de l'agence calculés sur ce poste/);
  });
});

describe('display', () => {
  it('writes figures the French way', () => {
    expect(percent(0.4)).toBe('40 %');
    expect(percent(8 / 113)).toBe('7,1 %');
    expect(percent(null)).toBe('—');
    expect(days(1)).toBe('1 jour');
    expect(days(7.5)).toBe('7,5 jours');
    expect(count(12345)).toMatch(/^12\s345$/);
    expect(profilesPerHire(13)).toBe('1 embauche pour 13 profils');
  });

  it('exports the promotions sent in the period, and drafts created in it', () => {
    const promotions = stored().map((p) => ({ ...p, sentAt: promotionFacts(p).sentAt }));
    const kept = promotions.filter((p) => inPeriod(p as StoredPromotion, PERIOD)).length;
    // J1–J6, J8, P1–P3, K1 sent in the period; J9 sent in December; J7 a draft created on 1 December 2024.
    expect(kept).toBe(11);
    expect(periodOf('lastYear', new Date('2025-03-12T12:00:00Z'))).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });
});
