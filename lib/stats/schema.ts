/** The wire contract of `GET /v1/stats` (docs/sync-protocol.md), shared by server/ and the dashboard. */
import { z } from 'zod';
import { isValidIsoDate } from '../domain/formats';
import { DECLINE_REASON_CODES, type DeclineReason } from '../domain/promotion';

export const STATS_GROUPINGS = ['month', 'rome', 'counsellor'] as const;
export type StatsGrouping = (typeof STATS_GROUPINGS)[number];

/** Whose promotions the figures cover: the caller's own, an agency's, or every agency's. */
export const STATS_PERIMETERS = ['own', 'agency', 'national'] as const;
export type StatsPerimeter = (typeof STATS_PERIMETERS)[number];

/** At most ten years in one request (the monthly breakdown lists every month). */
export const MAX_STATS_MONTHS = 120;

const dayParam = (label: string) =>
  z.string().refine(isValidIsoDate, { error: `${label} invalide : date AAAA-MM-JJ attendue (par exemple 2025-03-31).` });

export const statsScopeSchema = z
  .string()
  .regex(/^(national|agency:\d{5})$/, { error: 'Périmètre invalide : agency:<code SAFIR> ou national attendu.' });

export const statsQuerySchema = z
  .object({
    scope: statsScopeSchema,
    /** First day counted (the sending's day, in Paris); by default the first day of the month, eleven months ago. */
    from: dayParam('Date de début').optional(),
    /** Last day counted; by default today. */
    to: dayParam('Date de fin').optional(),
    groupBy: z.enum(STATS_GROUPINGS, { error: 'Regroupement invalide : month, rome ou counsellor attendu.' }).default('month'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    error: 'Période invalide : la date de début doit précéder la date de fin.',
    path: ['from'],
  });
export type StatsQuery = z.infer<typeof statsQuerySchema>;

const count = z.number().int().min(0);
/** A share in [0, 1]; null when there is nothing to divide by. */
const share = z.number().min(0).max(1).nullable();

const reasonKeys = DECLINE_REASON_CODES;
export const declinesByReasonSchema = z.object(
  Object.fromEntries(reasonKeys.map((r) => [r, count])) as Record<DeclineReason, typeof count>,
);
export type DeclinesByReason = z.infer<typeof declinesByReasonSchema>;

export const statsFiguresSchema = z.object({
  /** Promotions whose `sent` event falls in the period. */
  sent: count,
  /** …of which the employer answered (any employer event accepted by the status). */
  replied: count,
  replyRate: share,
  /** Calendar days from the sending to the first answer, among those answered. */
  medianDaysToReply: z.number().min(0).nullable(),
  meanDaysToReply: z.number().min(0).nullable(),
  /** Reached the interview stage (an interview or trial, or a hire). */
  interviews: count,
  hires: count,
  hireRate: share,
  kept: count,
  declined: count,
  declinesByReason: declinesByReasonSchema,
  noResponse: count,
  withdrawn: count,
  /** Still waiting for an outcome (sent, answered or at interview). */
  open: count,
  /**
   * Distinct job seekers promoted, and of those, hired at least once: for the whole selection only (null in
   * each group of a breakdown, where they would not add up).
   */
  profiles: count.nullable(),
  hiredProfiles: count.nullable(),
  /** Promotions with an event kept for review (after a final state, before the sending). */
  flagged: count,
});
export type StatsFigures = z.infer<typeof statsFiguresSchema>;

export const statsGroupSchema = z.object({
  /** `2025-03`, `M16` or the counsellor's id. */
  key: z.string(),
  label: z.string(),
  figures: statsFiguresSchema,
});
export type StatsGroup = z.infer<typeof statsGroupSchema>;

export const statsReportSchema = z.object({
  scope: z.string(),
  perimeter: z.enum(STATS_PERIMETERS),
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(STATS_GROUPINGS),
  generatedAt: z.string(),
  total: statsFiguresSchema,
  groups: z.array(statsGroupSchema),
});
export type StatsReport = z.infer<typeof statsReportSchema>;
