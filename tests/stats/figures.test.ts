import { describe, expect, it } from 'vitest';
import { bucketsFromFacts } from '../../lib/stats/buckets';
import { daysBetween, monthsBetween, parisDay } from '../../lib/stats/days';
import { promotionFacts, type PromotionFacts } from '../../lib/stats/facts';
import { defaultPeriod, resolvePeriod } from '../../lib/stats/period';
import { compareWithReference } from '../../lib/stats/reference';
import { medianOf, statsFromFacts, statsReport } from '../../lib/stats/report';
import { romeDomain } from '../../lib/stats/rome';
import { statsQuerySchema, statsReportSchema, type StatsGrouping, type StatsPerimeter } from '../../lib/stats/schema';
import {
  AGENCY_BY_ROME,
  AGENCY_TOTAL,
  asGroup,
  figures,
  group,
  JEANNE_FEBRUARY,
  JEANNE_JANUARY,
  JEANNE_MARCH,
  JEANNE_TOTAL,
  KARIM_TOTAL,
  NATIONAL_TOTAL,
  PAUL_TOTAL,
} from './expected';
import { asPulled, COUNSELLORS, PERIOD, seededHistories, type History } from './histories';

const factsOf = (h: History) => promotionFacts(asPulled(h), COUNSELLORS[h.author].sub);

function byKey(histories: History[]): Record<string, PromotionFacts> {
  return Object.fromEntries(histories.map((h) => [h.key, factsOf(h)]));
}

function report(
  facts: PromotionFacts[],
  filter: { agencyCode?: string; counsellor?: string },
  perimeter: StatsPerimeter,
  groupBy: StatsGrouping = 'month',
) {
  return statsFromFacts(facts, { ...PERIOD, ...filter }, { scope: 'test', perimeter, groupBy, generatedAt: '2025-04-01T00:00:00.000Z' });
}

describe('promotionFacts: one promotion, from its events', () => {
  const facts = byKey(seededHistories());

  it('counts a promotion in the Paris day and month of its sending', () => {
    expect(facts.J1).toMatchObject({ sentDay: '2025-01-06', sentMonth: '2025-01', status: 'hired', replyDays: 4, reachedInterview: true });
    // 20/01 23:30 UTC is 21/01 00:30 in Paris; 28/02 23:30 UTC is 1 March.
    expect(facts.J3).toMatchObject({ sentDay: '2025-01-21', sentMonth: '2025-01' });
    expect(facts.J6).toMatchObject({ sentDay: '2025-03-01', sentMonth: '2025-03', replyDays: 2 });
  });

  it('leaves a draft out of every period', () => {
    expect(facts.J7).toMatchObject({ status: 'draft', reachedInterview: false });
    expect(facts.J7!.sentDay).toBeUndefined();
    expect(facts.J7!.replyDays).toBeUndefined();
  });

  it('puts out-of-order and late events in contract order', () => {
    expect(facts.J4).toMatchObject({ status: 'interview', sentDay: '2025-02-03', replyDays: 2, reachedInterview: true, flaggedEvents: 0 });
    expect(facts.J8).toMatchObject({ status: 'hired', sentDay: '2025-03-05', replyDays: 2, reachedInterview: true });
  });

  it('does not count an event after a final state, but flags it', () => {
    expect(facts.J5).toMatchObject({ status: 'withdrawn', flaggedEvents: 1 });
    expect(facts.J5!.replyDays).toBeUndefined();
    expect(facts.P3).toMatchObject({ status: 'declined', declineReason: 'candidate_unavailable', replyDays: 1, flaggedEvents: 1 });
  });

  it('counts the reply that reopens a no_response, from the sending', () => {
    expect(facts.J3).toMatchObject({ status: 'replied', replyDays: 22, flaggedEvents: 0, reachedInterview: false });
  });

  it('keeps the author given and the name shown, the ROME domain and the job seeker within the agency', () => {
    expect(facts.J2).toMatchObject({ counsellor: 'jeanne.martin', counsellorName: 'Jeanne MARTIN', romeDomain: 'M16', profileKey: '69031:2345678B' });
    expect(facts.K1).toMatchObject({ agencyCode: '69032', romeDomain: 'N11', profileKey: '69032:1234567A' });
  });

  it('gives the same facts whatever order the events arrive in', () => {
    for (const h of seededHistories()) {
      const reversed = { ...h, events: [...h.events].reverse() };
      expect(factsOf(reversed), h.key).toEqual(factsOf(h));
    }
  });

  it('measures delays in calendar days in Paris, 0 for an answer recorded before the sending', () => {
    const [h] = seededHistories();
    const early = { ...h!, events: [h!.events[1]!, { ...h!.events[0]!, event: { ...h!.events[0]!.event, at: '2025-01-11T09:00:00+01:00' } }] };
    expect(factsOf(early)).toMatchObject({ status: 'replied', sentDay: '2025-01-11', replyDays: 0 });
    expect(daysBetween(parisDay('2025-01-06T22:59:00Z'), parisDay('2025-01-06T23:01:00Z'))).toBe(1);
  });
});

describe('statsFromFacts: the figures of a selection (hand-computed in expected.ts)', () => {
  const all = seededHistories().map(factsOf);

  it("gives a counsellor's own figures, in total and by month", () => {
    const r = report(all, { agencyCode: '69031', counsellor: 'jeanne.martin' }, 'own');
    expect(r.total).toEqual(JEANNE_TOTAL);
    expect(r.groups.map((g) => [g.key, g.label])).toEqual([
      ['2025-01', 'janvier 2025'],
      ['2025-02', 'février 2025'],
      ['2025-03', 'mars 2025'],
    ]);
    expect(r.groups.map((g) => g.figures)).toEqual([JEANNE_JANUARY, JEANNE_FEBRUARY, JEANNE_MARCH]);
    expect(statsReportSchema.safeParse(r).success).toBe(true);
  });

  it('gives an agency by counsellor, sorted by name', () => {
    const r = report(all, { agencyCode: '69031' }, 'agency', 'counsellor');
    expect(r.total).toEqual(AGENCY_TOTAL);
    expect(r.groups.map((g) => [g.key, g.label])).toEqual([
      ['jeanne.martin', 'Jeanne MARTIN'],
      ['paul.bernard', 'Paul BERNARD'],
    ]);
    expect(r.groups.map((g) => g.figures)).toEqual([asGroup(JEANNE_TOTAL), asGroup(PAUL_TOTAL)]);
  });

  it('gives an agency by ROME domain', () => {
    const r = report(all, { agencyCode: '69031' }, 'agency', 'rome');
    expect(r.groups.map((g) => [g.key, g.figures])).toEqual(AGENCY_BY_ROME);
    expect(r.groups[2]!.label).toBe("M16 · Support à l'entreprise");
  });

  it('gives every agency, and another agency alone', () => {
    expect(report(all, {}, 'national').total).toEqual(NATIONAL_TOTAL);
    expect(report(all, { agencyCode: '69032' }, 'agency').total).toEqual(KARIM_TOTAL);
  });

  it('lists every month of the period, empty ones included', () => {
    const r = statsFromFacts(all, { from: '2024-11-15', to: '2025-01-31', counsellor: 'jeanne.martin' }, {
      scope: 'test',
      perimeter: 'own',
      groupBy: 'month',
      generatedAt: '',
    });
    expect(r.groups.map((g) => g.key)).toEqual(['2024-11', '2024-12', '2025-01']);
    expect(r.groups[0]!.figures).toEqual(group());
    // J9, sent 15/12/2024, answered 5 days later.
    expect(r.groups[1]!.figures).toMatchObject({ sent: 1, replied: 1, medianDaysToReply: 5 });
    expect(r.groups[2]!.figures).toEqual(JEANNE_JANUARY);
  });

  it('counts nothing for an empty selection', () => {
    const r = report([], {}, 'national', 'rome');
    expect(r.total).toEqual(figures());
    expect(r.groups).toEqual([]);
  });

  it('makes the same report from the buckets in any order, as the server returns them', () => {
    const selected = all.filter((f) => f.agencyCode === '69031' && f.sentDay && f.sentDay >= PERIOD.from && f.sentDay <= PERIOD.to);
    const buckets = bucketsFromFacts(selected, 'rome');
    // One bucket per (group, status, reason, delay): J6 and J8 share none, J4 and J6 share none either.
    expect(buckets.facts.reduce((n, b) => n + b.promotions, 0)).toBe(10);
    expect(buckets.profiles).toEqual({ profiles: 8, hiredProfiles: 2 });
    const context = { scope: 'agency:69031', perimeter: 'agency' as const, ...PERIOD, groupBy: 'rome' as const, generatedAt: '' };
    const shuffled = { ...buckets, facts: [...buckets.facts].reverse() };
    expect(statsReport(shuffled, context)).toEqual(statsReport(buckets, context));
  });
});

describe('medians, periods, references', () => {
  it('takes the middle delay, or the mean of the two middle ones', () => {
    expect(medianOf([])).toBeNull();
    expect(medianOf([{ days: 7, promotions: 1 }])).toBe(7);
    expect(medianOf([{ days: 1, promotions: 2 }, { days: 9, promotions: 1 }])).toBe(1);
    expect(medianOf([{ days: 9, promotions: 1 }, { days: 1, promotions: 1 }])).toBe(5);
    expect(medianOf([{ days: 3, promotions: 3 }, { days: 20, promotions: 3 }])).toBe(11.5);
  });

  it('defaults to the twelve months up to today, and refuses a period too long or reversed', () => {
    expect(defaultPeriod(new Date('2025-03-31T23:30:00Z'))).toEqual({ from: '2024-05-01', to: '2025-04-01' });
    expect(resolvePeriod({ to: '2025-02-10' })).toEqual({ from: '2024-03-01', to: '2025-02-10' });
    expect(resolvePeriod({ from: '2025-02-10', to: '2025-01-01' })).toEqual({ error: expect.stringMatching(/début doit précéder/) });
    expect(resolvePeriod({ from: '2010-01-01', to: '2025-01-01' })).toEqual({ error: expect.stringMatching(/10 ans au plus/) });
    expect(monthsBetween('2024-11-30', '2025-02-01')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });

  it('reads the query with French messages', () => {
    expect(statsQuerySchema.parse({ scope: 'agency:69031' })).toEqual({ scope: 'agency:69031', groupBy: 'month' });
    const bad = statsQuerySchema.safeParse({ scope: 'agence:1', from: '2025-02-30', groupBy: 'week' });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => i.message).join(' | ');
    expect(messages).toMatch(/Périmètre invalide/);
    expect(messages).toMatch(/Date de début invalide/);
    expect(messages).toMatch(/Regroupement invalide/);
  });

  it('derives the ROME domain', () => {
    expect(romeDomain('M1607')).toBe('M16');
    expect(romeDomain(undefined)).toBe('?');
  });

  it("sets the team's figures beside the pilots'", () => {
    const rows = compareWithReference(AGENCY_TOTAL);
    expect(rows.map((r) => [r.id, r.team, r.reference])).toEqual([
      ['replyRate', 0.8, 0.4],
      ['meanDaysToReply', 7.1, 12],
      ['hireRate', 0.2, 8 / 113],
      // 8 profiles promoted for 2 hired.
      ['profilesPerHire', 4, 13],
    ]);
    expect(compareWithReference(figures()).every((r) => r.team === null)).toBe(true);
  });
});
