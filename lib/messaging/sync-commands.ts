/** Sync commands, options page and side panel → background. */
import { z } from 'zod';
import type { SyncStatus } from '@/lib/sync/status';

export type SignInOutcome = { ok: true; status: SyncStatus } | { ok: false; message: string };

/** « J'ai lu » on a change the server refused. */
export const dismissRejectionRequestSchema = z.object({ seq: z.number().int().min(1) });
export type DismissRejectionRequest = z.input<typeof dismissRejectionRequestSchema>;
