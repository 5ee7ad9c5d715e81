/**
 * Seeded promotion histories for the statistics tests, with what each one should count (worked out by hand in
 * the tests). Events are listed in the order they reach the server (`version` grows with it), which is not
 * always the order of their `at`: late and out-of-order events included.
 *
 * Period of the tests: 2025-01-01 → 2025-03-31 (Paris days). Winter: Paris is UTC+1.
 *
 * | key | who   | ROME  | job seeker | events (arrival order)                                                        | counts as |
 * |-----|-------|-------|------------|-------------------------------------------------------------------------------|-----------|
 * | J1  | Jeanne| M1607 | A          | sent 06/01, reply 10/01, interview 15/01, hired 20/01                         | Jan, reply 4 d, interview, hired |
 * | J2  | Jeanne| M1607 | B          | sent 08/01, declined profile_mismatch 18/01 (added by Paul)                   | Jan, reply 10 d, declined |
 * | J3  | Jeanne| M1602 | A          | sent 20/01 23:30Z (21/01 Paris), no_response 10/02, reply 12/02 (reopens)     | Jan, reply 22 d, open (replied) |
 * | J4  | Jeanne| N1103 | C          | interview 14/02, sent 03/02, reply 05/02 (out of order)                       | Feb, reply 2 d, interview, open |
 * | J5  | Jeanne| N1103 | D          | sent 10/02, withdrawn 11/02, reply 20/02 (after a final state: flagged)       | Feb, no reply, withdrawn, flagged |
 * | J6  | Jeanne| M1607 | E          | sent 28/02 23:30Z (01/03 Paris), declined no_position 03/03                   | Mar, reply 2 d, declined |
 * | J7  | Jeanne| M1607 | E          | none (draft)                                                                  | nowhere |
 * | J8  | Jeanne| D1102 | B          | hired 07/03 (late), sent 05/03                                                | Mar, reply 2 d, interview (hire), hired |
 * | J9  | Jeanne| M1607 | F          | sent 15/12/2024, reply 20/12/2024                                             | outside the period |
 * | P1  | Paul  | M1607 | F          | sent 13/01, profile_kept 27/01                                                | Jan, reply 14 d, kept |
 * | P2  | Paul  | K2204 | G          | sent 03/02, no_response 24/02                                                 | Feb, no reply, no answer |
 * | P3  | Paul  | K2204 | H          | sent 10/03, declined candidate_unavailable 11/03, declined lacking_skills 12/03 | Mar, reply 1 d, declined (first reason), flagged |
 * | K1  | Karim (agency 69032) | N1103 | A | sent 15/01, hired 14/02                                              | Jan, reply 30 d, interview (hire), hired |
 */
import { uuidv7 } from '../../lib/domain/ids';
import { promotionReference, type DeclineReason, type Promotion, type PromotionEvent, type PromotionEventType } from '../../lib/domain/promotion';
import type { OrderedEvent } from '../../lib/domain/status';

export const PERIOD = { from: '2025-01-01', to: '2025-03-31' };

export const COUNSELLORS = {
  jeanne: { sub: 'jeanne.martin', name: 'Jeanne MARTIN', agencyCode: '69031' },
  paul: { sub: 'paul.bernard', name: 'Paul BERNARD', agencyCode: '69031' },
  karim: { sub: 'karim.benali', name: 'Karim BENALI', agencyCode: '69032' },
} as const;
export type CounsellorKey = keyof typeof COUNSELLORS;

const FT_IDS = { A: '1234567A', B: '2345678B', C: '3456789C', D: '4567890D', E: '5678901E', F: '6789012F', G: '7890123G', H: '8901234H' };

type Step = [PromotionEventType, string, { reason?: DeclineReason; by?: CounsellorKey }?];

export interface History {
  key: string;
  author: CounsellorKey;
  /** The promotion as created (no events yet). */
  promotion: Promotion;
  /** Events in arrival order, with who records each. */
  events: { event: PromotionEvent; by: CounsellorKey }[];
}

function history(key: string, author: CounsellorKey, rome: string, jobSeeker: keyof typeof FT_IDS, steps: Step[]): History {
  const id = uuidv7(Date.parse('2024-12-01T00:00:00Z'));
  const who = COUNSELLORS[author];
  const promotion: Promotion = {
    id,
    reference: promotionReference(id),
    createdAt: '2024-12-01T09:00:00+01:00',
    counsellorId: who.name,
    agencyCode: who.agencyCode,
    jobSeeker: { ftId: FT_IDS[jobSeeker], firstName: 'Prénom', lastName: `NOM ${jobSeeker}`, promotionConsent: { granted: true } },
    establishment: { siret: '73282932000074', name: 'Boulangerie des Pentes', postcode: '69001', city: 'Lyon' },
    rome,
    mode: 'named',
    channel: 'email',
    pitch: 'Profil polyvalent.',
    events: [],
  };
  const events = steps.map(([type, at, extra]) => {
    const by = extra?.by ?? author;
    const event: PromotionEvent = { id: uuidv7(Date.parse(at)), promotionId: id, type, at, by: COUNSELLORS[by].name };
    if (extra?.reason) event.reason = extra.reason;
    return { event, by };
  });
  return { key, author, promotion, events };
}

/** Fresh ids at each call: each test gets its own records. */
export function seededHistories(): History[] {
  return [
    history('J1', 'jeanne', 'M1607', 'A', [
      ['sent', '2025-01-06T09:00:00+01:00'],
      ['employer_replied', '2025-01-10T10:00:00+01:00'],
      ['interview', '2025-01-15T14:00:00+01:00'],
      ['hired', '2025-01-20T09:00:00+01:00'],
    ]),
    history('J2', 'jeanne', 'M1607', 'B', [
      ['sent', '2025-01-08T11:00:00+01:00'],
      ['declined', '2025-01-18T16:00:00+01:00', { reason: 'profile_mismatch', by: 'paul' }],
    ]),
    history('J3', 'jeanne', 'M1602', 'A', [
      ['sent', '2025-01-20T23:30:00Z'],
      ['no_response', '2025-02-10T08:00:00+01:00'],
      ['employer_replied', '2025-02-12T08:00:00Z'],
    ]),
    history('J4', 'jeanne', 'N1103', 'C', [
      ['interview', '2025-02-14T10:00:00+01:00'],
      ['sent', '2025-02-03T09:00:00+01:00'],
      ['employer_replied', '2025-02-05T17:00:00+01:00'],
    ]),
    history('J5', 'jeanne', 'N1103', 'D', [
      ['sent', '2025-02-10T09:00:00+01:00'],
      ['withdrawn', '2025-02-11T09:00:00+01:00'],
      ['employer_replied', '2025-02-20T09:00:00+01:00'],
    ]),
    history('J6', 'jeanne', 'M1607', 'E', [
      ['sent', '2025-02-28T23:30:00Z'],
      ['declined', '2025-03-03T10:00:00+01:00', { reason: 'no_position' }],
    ]),
    history('J7', 'jeanne', 'M1607', 'E', []),
    history('J8', 'jeanne', 'D1102', 'B', [
      ['hired', '2025-03-07T09:00:00+01:00'],
      ['sent', '2025-03-05T09:00:00+01:00'],
    ]),
    history('J9', 'jeanne', 'M1607', 'F', [
      ['sent', '2024-12-15T09:00:00+01:00'],
      ['employer_replied', '2024-12-20T09:00:00+01:00'],
    ]),
    history('P1', 'paul', 'M1607', 'F', [
      ['sent', '2025-01-13T09:00:00+01:00'],
      ['profile_kept', '2025-01-27T09:00:00+01:00'],
    ]),
    history('P2', 'paul', 'K2204', 'G', [
      ['sent', '2025-02-03T09:00:00+01:00'],
      ['no_response', '2025-02-24T09:00:00+01:00'],
    ]),
    history('P3', 'paul', 'K2204', 'H', [
      ['sent', '2025-03-10T09:00:00+01:00'],
      ['declined', '2025-03-11T09:00:00+01:00', { reason: 'candidate_unavailable' }],
      ['declined', '2025-03-12T09:00:00+01:00', { reason: 'lacking_skills' }],
    ]),
    history('K1', 'karim', 'N1103', 'A', [
      ['sent', '2025-01-15T09:00:00+01:00'],
      ['hired', '2025-02-14T09:00:00+01:00'],
    ]),
  ];
}

/** The promotion as a client holds it after pulling: events carry the version of their arrival. */
export function asPulled(h: History): Promotion & { events: OrderedEvent[] } {
  return { ...h.promotion, events: h.events.map(({ event }, i) => ({ ...event, version: i + 2 })) };
}
