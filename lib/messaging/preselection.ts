/**
 * Establishments to tick in a job seeker's promotion form, left by « Promouvoir » on a match (background) and
 * taken once by the panel showing that file (`promotion.takePreselection`). The background keeps them in
 * session storage under these keys; the panel only asks.
 */
import { z } from 'zod';
import { ftIdSchema, siretSchema } from '@/lib/domain/formats';

const PRESELECTION_PREFIX = 'promote:preselect:';
export const preselectionKey = (ftId: string) => `${PRESELECTION_PREFIX}${ftId}`;
export const MAX_PRESELECTED = 20;
export const preselectionSchema = z.object({ sirets: z.array(siretSchema).max(MAX_PRESELECTED), at: z.string() });
export type Preselection = z.infer<typeof preselectionSchema>;
/** Older than this, a preselection nobody took is ignored. */
export const PRESELECTION_TTL_MS = 30 * 60_000;

export const takePreselectionRequestSchema = z.object({ ftId: ftIdSchema });
export type TakePreselectionRequest = z.input<typeof takePreselectionRequestSchema>;
/** The SIRETs to tick, oldest first; empty when there is none (or it is stale). */
export type TakePreselectionOutcome = { sirets: string[] };
