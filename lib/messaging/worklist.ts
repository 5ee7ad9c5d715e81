/**
 * « À promouvoir » (docs/domain.md): what the background keeps for the worklist, in session storage (nothing
 * personal outlives the browser session), and hands to the panel on `worklist.inputs`. The last portfolio read
 * keeps its consenting rows only; each job-seeker file read with consent leaves its jobs, commune and radius,
 * which the portfolio page does not show. The panel never reads these keys: it is told they changed
 * (lib/messaging/changes.ts) and asks again.
 */
import { z } from 'zod';
import { ftIdSchema, postcodeSchema, romeSchema } from '@/lib/domain/formats';
import { portfolioEntrySchema } from '@/lib/domain/legacy';

export const LAST_PORTFOLIO_KEY = 'worklist:portfolio';
const KNOWN_FILE_PREFIX = 'worklist:file:';
export const knownFileKey = (ftId: string) => `${KNOWN_FILE_PREFIX}${ftId}`;
export const isKnownFileKey = (key: string) => key.startsWith(KNOWN_FILE_PREFIX);
export const isWorklistKey = (key: string) => key === LAST_PORTFOLIO_KEY || isKnownFileKey(key);

export const lastPortfolioSchema = z.object({
  readAt: z.string(),
  url: z.string(),
  /** The rows whose consent is granted beyond doubt: the others are never listed, and not kept. */
  entries: z.array(portfolioEntrySchema),
  /** How many rows were left out (promotion not authorised or consent unreadable). */
  notListed: z.number().int().min(0),
});
export type LastPortfolio = z.infer<typeof lastPortfolioSchema>;

export const knownFileSchema = z.object({
  ftId: ftIdSchema,
  readAt: z.string(),
  /** ROME codes of the jobs sought, the main one first. */
  romes: z.array(romeSchema),
  postcode: postcodeSchema.optional(),
  city: z.string().min(1).max(200).optional(),
  radiusKm: z.number().min(0).optional(),
});
export type KnownFile = z.infer<typeof knownFileSchema>;

/** The answer to `worklist.inputs`: the last portfolio read this session (null before any), the files known. */
export interface WorklistInputs {
  portfolio: LastPortfolio | null;
  files: Record<string, KnownFile>;
}
