/**
 * `stats.get`, dashboard → background: the agency's or the national figures from the central endpoint
 * (`GET /v1/stats`). Only the background talks to the server; it answers the report or, in French, why not —
 * the dashboard then shows this install's figures with that reason.
 */
import { z } from 'zod';
import { isoDateSchema } from '@/lib/domain/formats';
import { STATS_GROUPINGS, statsScopeSchema, type StatsReport } from '@/lib/stats/schema';

export const statsRequestSchema = z.object({
  scope: statsScopeSchema,
  from: isoDateSchema,
  to: isoDateSchema,
  groupBy: z.enum(STATS_GROUPINGS),
});
export type StatsRequest = z.input<typeof statsRequestSchema>;

/**
 * `offline`: no usable answer (network, time-out, 5xx, 429); `signed_out`: no account or session expired;
 * `forbidden`: these figures are not this counsellor's to see; `server`: an answer off the contract or a refusal.
 */
export type StatsFailureKind = 'offline' | 'signed_out' | 'forbidden' | 'server';

export type StatsOutcome = { ok: true; report: StatsReport } | { ok: false; kind: StatsFailureKind; message: string };

/** The reasons shown above the local figures when the server gave none of its own. */
export const STATS_MESSAGES = {
  offline: 'Serveur injoignable',
  signedOut: 'Aucun compte connecté au serveur (options de Profilence)',
  server: 'Réponse du serveur illisible',
} as const;
