// « À promouvoir »: a hand-made portfolio around Lyon ranked by what there is to do. Every expected order and
// figure below is written by hand from the rule of docs/domain.md, never computed by the code under test.
import { describe, expect, it } from 'vitest';
import { locateCommune } from '@/lib/domain/geo';
import type { PortfolioEntry } from '@/lib/domain/legacy';
import type { CompanyNeed } from '@/lib/domain/need';
import type { PromotionEventType } from '@/lib/domain/promotion';
import { knownJobSeekers, rankWorklist, worklistSummary, type KnownJobSeeker, type WorklistPromotion } from '@/lib/domain/worklist';

const NOW = new Date('2026-11-20T10:00:00+01:00');
const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY).toISOString();

let n = 0;
const uuid = () => `0190a000-0000-7000-8000-${String(++n).padStart(12, '0')}`;

const entry = (ftId: string, firstName: string, lastName: string, mainRome: string | undefined, consent: boolean | 'unreadable' = true): PortfolioEntry => ({
  ftId,
  firstName,
  lastName,
  ...(mainRome ? { mainRome } : {}),
  promotionConsent: consent === true,
  ...(consent === 'unreadable' ? { promotionConsentReason: 'consent_unreadable' as const } : {}),
  url: `http://dossiers.localhost/dossier/${ftId}`,
});

function need(siret: string, name: string, rome: string, postcode: string, city: string, extra: Partial<CompanyNeed> = {}): CompanyNeed {
  return {
    id: uuid(), siret, establishmentName: name, postcode, city, rome, label: `Besoin ${rome}`, status: 'open',
    createdBy: 'karim.benali', agencyCode: '69031', createdAt: '2026-11-01T09:00:00+01:00', ...extra,
  };
}

/** A promotion made `createdDaysAgo`, with its events as (type, days ago). */
function promotion(ftId: string, createdDaysAgo: number, events: [PromotionEventType, number][]): WorklistPromotion {
  const id = uuid();
  return {
    jobSeeker: { ftId },
    createdAt: daysAgo(createdDaysAgo),
    events: events.map(([type, d]) => ({ id: uuid(), promotionId: id, type, at: daysAgo(d), by: 'jeanne.martin' })) as WorklistPromotion['events'],
  };
}

const MARIE = entry('1234567A', 'Marie', 'DUPONT', 'M1607');
const THOMAS = entry('1111111A', 'Thomas', 'NOEL', 'N1103');
const SOPHIE = entry('1357924R', 'Sophie', 'GIRARD', 'M1609');
const CHLOE = entry('7812345N', 'Chloé', 'FAURE', 'M1203');
const MEHDI = entry('2345678H', 'Mehdi', 'HADDAD', 'N4105');
const LUCAS = entry('8123456P', 'Lucas', 'MERCIER', 'F1602');
const HUGO = entry('2468013S', 'Hugo', 'BLANC', 'D1102');
const LAURA = entry('5926037V', 'Laura', 'LAMBERT', 'D1507');
const JULIEN = entry('6781234M', 'Julien', 'ROUX', 'G1602');
const MANON = entry('3692581T', 'Manon', 'CHEVALIER', 'G1703');
const SAMUEL = entry('9360471Z', 'Samuel', 'DUMAS', 'N4101');
const YANIS = entry('12345678901', 'Yanis', 'BOUZID', 'N1103', false);
const INES = entry('8901234G', 'Inès', 'GARCIA', 'K2204', 'unreadable');

// Lucas is shown before Marie on the page: the page's order means nothing to the ranking.
const ENTRIES = [LUCAS, YANIS, MARIE, SAMUEL, THOMAS, LAURA, INES, SOPHIE, JULIEN, CHLOE, HUGO, MEHDI, MANON];

const FILES: Record<string, KnownJobSeeker> = {
  [MARIE.ftId]: { romes: ['M1607', 'M1602'], postcode: '69003', city: 'Lyon', radiusKm: 30 },
  [SOPHIE.ftId]: { romes: ['M1609'], postcode: '69160', city: 'Tassin-la-Demi-Lune', radiusKm: 20 },
  [HUGO.ftId]: { romes: ['D1102'], postcode: '69005', city: 'Lyon', radiusKm: 20 },
  [MANON.ftId]: { romes: ['G1703'], postcode: '69009', city: 'Lyon', radiusKm: 15 },
  // The board's M1203 need is in Lyon, but her file says Marseille and 10 km.
  [CHLOE.ftId]: { romes: ['M1203'], postcode: '13001', city: 'Marseille', radiusKm: 10 },
  // No radius on his file: the default 30 km keeps the Marseille need of his ROME domain (N41) out.
  [SAMUEL.ftId]: { romes: ['N4101'], postcode: '69140', city: 'Rillieux-la-Pape' },
};
const POOL = [{ ftId: MEHDI.ftId, postcode: '69003', city: 'Lyon' }];

const LYON_SECRETARIAT = need('73282932000074', 'LOGICIELS DU RHÔNE', 'M1607', '69003', 'Lyon');
const NEEDS: CompanyNeed[] = [
  need('35600000009075', 'LA POSTE', 'M1602', '69500', 'Bron'),
  LYON_SECRETARIAT,
  need('80965132600054', 'CABINET MARSEILLAIS', 'M1607', '13001', 'Marseille'), // out of Marie's and Sophie's radius
  need('44306184100047', 'CABINET COMPTABLE DES TERREAUX', 'M1203', '69002', 'Lyon'), // Chloé's job, out of her radius
  need('41732658400014', 'LRA ENTREPÔTS', 'N1103', '69960', 'Corbas'),
  need('84217690100010', 'TRANSPORTS DU MIDI', 'N4105', '13001', 'Marseille'), // Mehdi lives in Lyon: too far
  need('81234567600017', 'BOULANGERIE DES PENTES', 'D1102', '69001', 'Lyon'),
  need('51284736900018', 'HÔTEL DES BROTTEAUX', 'G1703', '69006', 'Lyon'),
  need('52947183100022', 'LE BOUCHON DES CANUTS', 'G1602', '69004', 'Lyon', { status: 'filled' }), // Julien's, filled
  need('53890412900011', 'ÉLECTRICITÉ BÂTIMENT LYONNAIS', 'F1602', '69190', 'Saint-Fons', { expiresAt: daysAgo(1) }), // Lucas's, expired
];

const PROMOTIONS: WorklistPromotion[] = [
  promotion(LUCAS.ftId, 3, []), // a draft whose e-mail never left
  promotion(HUGO.ftId, 90, [['sent', 90], ['no_response', 60]]),
  promotion(LAURA.ftId, 100, [['sent', 100]]),
  promotion(JULIEN.ftId, 200, [['sent', 200], ['declined', 190]]),
  promotion(JULIEN.ftId, 75, [['sent', 75]]), // by a colleague: it counts all the same
  promotion(MANON.ftId, 10, [['sent', 10], ['employer_replied', 4]]),
  promotion(SAMUEL.ftId, 5, [['sent', 5]]),
  promotion(YANIS.ftId, 5, [['sent', 5]]), // not consenting any more: never listed
];

const rank = () =>
  rankWorklist({ entries: ENTRIES, known: knownJobSeekers(FILES, POOL), promotions: PROMOTIONS, needs: NEEDS, locate: locateCommune, now: NOW });

describe('« À promouvoir »: the portfolio ranked by what to do', () => {
  it('lists the consenting job seekers only, never promoted with a need first, then never promoted, then 60 days without a sending, then the rest', () => {
    const { rows } = rank();
    expect(rows.map((r) => `${r.firstName} ${r.lastName}`)).toEqual([
      'Marie DUPONT', // never promoted, same-job need in her commune
      'Thomas NOEL', // never promoted, same-job need, but his commune is unknown: distance unknown, after Marie
      'Sophie GIRARD', // never promoted, needs of the same ROME domain only
      'Chloé FAURE', // never promoted, no need: by name
      'Mehdi HADDAD',
      'Lucas MERCIER', // a draft that never left is no promotion
      'Hugo BLANC', // nothing sent for 90 days, a need
      'Laura LAMBERT', // nothing sent for 100 days
      'Julien ROUX', // nothing sent for 75 days (his last sending, not his first)
      'Manon CHEVALIER', // sent 10 days ago, a need
      'Samuel DUMAS', // sent 5 days ago
    ]);
    expect(rows.map((r) => r.group)).toEqual([
      'never_with_need', 'never_with_need', 'never_with_need', 'never', 'never', 'never',
      'dormant_with_need', 'dormant', 'dormant', 'recent_with_need', 'recent',
    ]);
  });

  it('says it plainly in the summary line, and counts who is left out', () => {
    const worklist = rank();
    expect(worklist.summary).toBe('11 autorisent la promotion, 6 jamais promus, 5 avec un besoin correspondant');
    expect(worklist.notListed).toBe(2);
  });

  it('counts the needs within the radius, gives the nearest distance and the best establishment', () => {
    const byName = Object.fromEntries(rank().rows.map((r) => [r.firstName, r]));
    // Marie: the Lyon need (same commune, same job) and the Bron one (her second job); Marseille is out of her radius.
    expect(byName.Marie!.matchCount).toBe(2);
    expect(byName.Marie!.nearestKm).toBe(0);
    expect(byName.Marie!.best!.need.id).toBe(LYON_SECRETARIAT.id);
    expect(byName.Marie!.best!.tier).toBe('same_job');
    expect(byName.Marie!.reasons).toEqual(['Profil jamais promu', '2 besoins correspondants, le plus proche à 0 km']);
    expect(byName.Sophie!.best!.tier).toBe('same_domain');
    expect(byName.Thomas!.reasons).toEqual(['Profil jamais promu', '1 besoin correspondant, commune du demandeur inconnue']);
    expect(byName.Thomas!.nearestKm).toBeUndefined();
    expect(byName.Mehdi!.placeKnown).toBe(true); // from the pool: Marseille is then too far
    expect(byName.Mehdi!.matchCount).toBe(0);
    expect(byName.Chloé!.matchCount).toBe(0);
    expect(byName.Julien!.matchCount).toBe(0); // his need was filled
    expect(byName.Lucas!.matchCount).toBe(0); // his need expired
  });

  it('tells how long since the profile last left and the last promotion’s status, in French', () => {
    const byName = Object.fromEntries(rank().rows.map((r) => [r.firstName, r]));
    expect(byName.Hugo!.reasons[0]).toBe('Rien envoyé depuis 90 jours');
    expect(byName.Hugo!.reasons[2]).toBe('Dernière promotion : Sans réponse');
    expect(byName.Julien!.reasons).toEqual(['Rien envoyé depuis 75 jours', 'Aucun besoin correspondant', 'Dernière promotion : Envoyée']);
    expect(byName.Manon!.reasons[0]).toBe('Envoyé il y a 10 jours');
    expect(byName.Manon!.reasons[1]).toMatch(/^1 besoin correspondant, le plus proche à \d+(,\d)? km$/);
    expect(byName.Manon!.reasons[2]).toBe('Dernière promotion : Réponse reçue');
    expect(byName.Lucas!.reasons).toEqual(['Profil jamais promu', 'Aucun besoin correspondant', 'Dernière promotion : Brouillon']);
    expect(byName.Chloé!.reasons).toEqual(['Profil jamais promu', 'Aucun besoin correspondant']);
  });

  it('counts 60 days without a sending as dormant, 59 as recent', () => {
    const two = [entry('1000001A', 'Anne', 'AUBERT', 'K2204'), entry('1000002A', 'Bruno', 'BRUN', 'K2204')];
    const { rows } = rankWorklist({
      entries: two,
      promotions: [promotion('1000001A', 59, [['sent', 59]]), promotion('1000002A', 60, [['sent', 60]])],
      needs: [],
      locate: locateCommune,
      now: NOW,
    });
    expect(rows.map((r) => [r.firstName, r.group, r.reasons[0]])).toEqual([
      ['Bruno', 'dormant', 'Rien envoyé depuis 60 jours'],
      ['Anne', 'recent', 'Envoyé il y a 59 jours'],
    ]);
  });

  it('lists nobody whose consent is not granted beyond doubt, even with promotions and needs', () => {
    const worklist = rankWorklist({ entries: [YANIS, INES], promotions: PROMOTIONS, needs: NEEDS, locate: locateCommune, now: NOW });
    expect(worklist.rows).toEqual([]);
    expect(worklist.summary).toBe('0 autorise la promotion, 0 jamais promu, 0 avec un besoin correspondant');
  });

  it('writes the summary in the singular for one, the plural beyond', () => {
    expect(worklistSummary(1, 1, 1)).toBe('1 autorise la promotion, 1 jamais promu, 1 avec un besoin correspondant');
    expect(worklistSummary(26, 22, 5)).toBe('26 autorisent la promotion, 22 jamais promus, 5 avec un besoin correspondant');
    expect(worklistSummary(1200, 2, 0)).toBe('1\u202f200 autorisent la promotion, 2 jamais promus, 0 avec un besoin correspondant');
  });

  it('takes the commune from the file read, else from the pool entry', () => {
    const pool = [{ ftId: '1000001A', postcode: '69003', city: 'Lyon' }, { ftId: '1000002A', postcode: '69100', city: 'Villeurbanne' }];
    const known = knownJobSeekers({ '1000001A': { romes: ['K2204'], postcode: '69500', city: 'Bron' }, '1000002A': { romes: ['K2204'] } }, pool);
    expect(known).toEqual({
      '1000001A': { romes: ['K2204'], postcode: '69500', city: 'Bron' },
      '1000002A': { romes: ['K2204'], postcode: '69100', city: 'Villeurbanne' },
    });
  });
});
