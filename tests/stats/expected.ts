/**
 * The figures of tests/stats/histories.ts over 2025-01-01 → 2025-03-31, computed by hand from the table there.
 * Delays are in calendar days (Paris); a mean is rounded to a tenth.
 */
import type { StatsFigures } from '../../lib/stats/schema';

const NO_DECLINES = {
  no_position: 0,
  profile_mismatch: 0,
  lacking_skills: 0,
  not_mobile: 0,
  candidate_unavailable: 0,
  candidate_not_interested: 0,
  candidate_unreachable: 0,
  other: 0,
};

/** Nothing sent: every count 0, every share and delay null. Distinct job seekers: 0 for a whole selection. */
export function figures(f: Partial<Omit<StatsFigures, 'declinesByReason'>> & { declinesByReason?: Partial<StatsFigures['declinesByReason']> } = {}): StatsFigures {
  return {
    sent: 0,
    replied: 0,
    replyRate: null,
    medianDaysToReply: null,
    meanDaysToReply: null,
    interviews: 0,
    hires: 0,
    hireRate: null,
    kept: 0,
    declined: 0,
    noResponse: 0,
    withdrawn: 0,
    open: 0,
    profiles: 0,
    hiredProfiles: 0,
    flagged: 0,
    ...f,
    declinesByReason: { ...NO_DECLINES, ...f.declinesByReason },
  };
}

/** The figures of one group of a breakdown: distinct job seekers are counted for the whole selection only. */
export function group(f: Parameters<typeof figures>[0] = {}): StatsFigures {
  return figures({ ...f, profiles: null, hiredProfiles: null });
}

/** A selection's figures seen as one group of a larger breakdown. */
export const asGroup = (f: StatsFigures): StatsFigures => ({ ...f, profiles: null, hiredProfiles: null });

/**
 * Jeanne: J1–J6 and J8 sent in the period (J7 is a draft, J9 was sent in December) = 7.
 * Replies: J1 4 d, J2 10 d, J3 22 d (reopened after no_response), J4 2 d, J6 2 d, J8 2 d = 6; J5's reply came
 * after its withdrawal. Delays 2,2,2,4,10,22: median (2+4)/2 = 3, mean 42/6 = 7.
 * Interview stage: J1, J4, J8 (hired without an interview noted) = 3. Hired J1, J8. Declined J2 (profile
 * mismatch), J6 (no position). Withdrawn J5. Open J3 (replied), J4 (interview).
 * Job seekers A (J1, J3), B (J2, J8), C, D, E = 5, hired A and B = 2. Flagged: J5.
 */
export const JEANNE_TOTAL = figures({
  sent: 7,
  replied: 6,
  replyRate: 6 / 7,
  medianDaysToReply: 3,
  meanDaysToReply: 7,
  interviews: 3,
  hires: 2,
  hireRate: 2 / 7,
  declined: 2,
  declinesByReason: { profile_mismatch: 1, no_position: 1 },
  withdrawn: 1,
  open: 2,
  profiles: 5,
  hiredProfiles: 2,
  flagged: 1,
});

/** January J1, J2, J3 (sent 20/01 23:30 UTC = 21/01 in Paris): delays 4, 10, 22. */
export const JEANNE_JANUARY = group({
  sent: 3,
  replied: 3,
  replyRate: 1,
  medianDaysToReply: 10,
  meanDaysToReply: 12,
  interviews: 1,
  hires: 1,
  hireRate: 1 / 3,
  declined: 1,
  declinesByReason: { profile_mismatch: 1 },
  open: 1,
});

/** February J4, J5. */
export const JEANNE_FEBRUARY = group({
  sent: 2,
  replied: 1,
  replyRate: 0.5,
  medianDaysToReply: 2,
  meanDaysToReply: 2,
  interviews: 1,
  hireRate: 0,
  withdrawn: 1,
  open: 1,
  flagged: 1,
});

/** March J6 (sent 28/02 23:30 UTC = 01/03 in Paris) and J8. */
export const JEANNE_MARCH = group({
  sent: 2,
  replied: 2,
  replyRate: 1,
  medianDaysToReply: 2,
  meanDaysToReply: 2,
  interviews: 1,
  hires: 1,
  hireRate: 0.5,
  declined: 1,
  declinesByReason: { no_position: 1 },
});

/** Paul: P1 kept (14 d), P2 no answer, P3 declined candidate_unavailable (1 d; the later lacking_skills is flagged). */
export const PAUL_TOTAL = figures({
  sent: 3,
  replied: 2,
  replyRate: 2 / 3,
  medianDaysToReply: 7.5,
  meanDaysToReply: 7.5,
  hireRate: 0,
  kept: 1,
  declined: 1,
  declinesByReason: { candidate_unavailable: 1 },
  noResponse: 1,
  profiles: 3,
  flagged: 1,
});

/**
 * Agency 69031 = Jeanne + Paul: 10 sent, 8 replied, delays 1,2,2,2,4,10,14,22: median 3, mean 57/8 = 7.125 → 7.1.
 * Job seekers A–H = 8 (F is promoted by both J9, outside the period, and P1).
 */
export const AGENCY_TOTAL = figures({
  sent: 10,
  replied: 8,
  replyRate: 0.8,
  medianDaysToReply: 3,
  meanDaysToReply: 7.1,
  interviews: 3,
  hires: 2,
  hireRate: 0.2,
  kept: 1,
  declined: 3,
  declinesByReason: { profile_mismatch: 1, no_position: 1, candidate_unavailable: 1 },
  noResponse: 1,
  withdrawn: 1,
  open: 2,
  profiles: 8,
  hiredProfiles: 2,
  flagged: 2,
});

/** Agency 69031 by ROME domain, in key order. */
export const AGENCY_BY_ROME: [string, StatsFigures][] = [
  ['D11', group({ sent: 1, replied: 1, replyRate: 1, medianDaysToReply: 2, meanDaysToReply: 2, interviews: 1, hires: 1, hireRate: 1 })],
  [
    'K22',
    group({
      sent: 2,
      replied: 1,
      replyRate: 0.5,
      medianDaysToReply: 1,
      meanDaysToReply: 1,
      hireRate: 0,
      declined: 1,
      declinesByReason: { candidate_unavailable: 1 },
      noResponse: 1,
      flagged: 1,
    }),
  ],
  [
    // J1 (A) 4 d, J2 (B) 10 d, J3 (A) 22 d, J6 (E) 2 d, P1 (F) 14 d: median 10, mean 52/5 = 10.4.
    'M16',
    group({
      sent: 5,
      replied: 5,
      replyRate: 1,
      medianDaysToReply: 10,
      meanDaysToReply: 10.4,
      interviews: 1,
      hires: 1,
      hireRate: 0.2,
      kept: 1,
      declined: 2,
      declinesByReason: { profile_mismatch: 1, no_position: 1 },
      open: 1,
    }),
  ],
  ['N11', group({ sent: 2, replied: 1, replyRate: 0.5, medianDaysToReply: 2, meanDaysToReply: 2, interviews: 1, hireRate: 0, withdrawn: 1, open: 1, flagged: 1 })],
];

/**
 * Every agency = 69031 + Karim's K1 (hired, 30 d): 11 sent, 9 replied, delays 1,2,2,2,4,10,14,22,30: median 4,
 * mean 87/9 = 9.67 → 9.7. K1's job seeker has the same ftId as A but in another agency: 9 profiles, 3 hired.
 */
export const NATIONAL_TOTAL = figures({
  sent: 11,
  replied: 9,
  replyRate: 9 / 11,
  medianDaysToReply: 4,
  meanDaysToReply: 9.7,
  interviews: 4,
  hires: 3,
  hireRate: 3 / 11,
  kept: 1,
  declined: 3,
  declinesByReason: { profile_mismatch: 1, no_position: 1, candidate_unavailable: 1 },
  noResponse: 1,
  withdrawn: 1,
  open: 2,
  profiles: 9,
  hiredProfiles: 3,
  flagged: 2,
});

export const KARIM_TOTAL = figures({
  sent: 1,
  replied: 1,
  replyRate: 1,
  medianDaysToReply: 30,
  meanDaysToReply: 30,
  interviews: 1,
  hires: 1,
  hireRate: 1,
  profiles: 1,
  hiredProfiles: 1,
});
