/**
 * The readers' health, dashboard → background: `readers.health.get` asks the central endpoint
 * (`GET /v1/readers/health`) through the background, which alone talks to the server; the answer is the report or,
 * in French, why not (same reasons as the statistics). `debug.sendReadersHealth` (test builds only) sends the
 * counts now instead of at the daily alarm.
 */
import { z } from 'zod';
import { isoDateSchema } from '@/lib/domain/formats';
import type { ReadersHealthReport } from '@/lib/domain/reader-health';
import type { StatsFailureKind } from './stats-commands';

export const readersHealthRequestSchema = z.object({
  scope: z.string().regex(/^(national|agency:\d{5})$/, { error: 'Périmètre invalide.' }),
  from: isoDateSchema,
  to: isoDateSchema,
});
export type ReadersHealthRequest = z.input<typeof readersHealthRequestSchema>;

export type ReadersHealthOutcome = { ok: true; report: ReadersHealthReport } | { ok: false; kind: StatsFailureKind; message: string };

/** What a send did: the days the server received, or why it stopped (the days stay due). */
export type HealthSendOutcome = { ok: true; days: string[] } | { ok: false; days: string[]; message: string };
