/** What one mutation is applied with inside the push transaction, and what it answers. */
import type { FastifyBaseLogger } from 'fastify';
import type { RejectionCode } from '../../lib/domain/sync';
import type { Counsellor } from '../auth/counsellor';
import type { Tx } from '../db/schema';
import type { RowCache } from './row-cache';
import type { ScopeCounter } from './scope';

export type MutationOutcome = { status: 'applied' } | { status: 'rejected'; code: RejectionCode; message: string };

export interface MutationEnv {
  trx: Tx;
  counter: ScopeCounter;
  counsellor: Counsellor;
  scope: string;
  now: string;
  log: FastifyBaseLogger;
  rows: RowCache;
  /** The pseudonymisation key, and the scope's consent withdrawals once read (server/privacy/consent.ts). */
  privacy: { key: Buffer; withdrawals?: Map<string, string> };
}
