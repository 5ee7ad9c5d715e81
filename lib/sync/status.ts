/** The sync status shown in the side panel, kept in `meta` so every extension page reads the same. */
import type { ProfilenceDb } from '../store/db';
import { getMeta } from '../store/meta';
import type { SyncErrorKind } from './errors';
import { SYNC_META } from './keys';
import type { SyncIdentity } from './transport';

export type SyncState = 'idle' | 'syncing' | 'offline' | 'auth_required' | 'error';

export interface SyncStatus {
  state: SyncState;
  /** ISO instant of the last complete sync (push and pull). */
  lastSyncedAt?: string;
  /** Mutations waiting in the outbox when the status was written. */
  pending: number;
  lastError?: { kind: SyncErrorKind; message: string; at: string };
  /** No automatic attempt before this instant (backoff, or the server's `Retry-After`). */
  nextAttemptAt?: string;
  /** Failures in a row: the backoff exponent. */
  failures?: number;
}

export const INITIAL_STATUS: SyncStatus = { state: 'idle', pending: 0 };

export async function readStatus(db: ProfilenceDb): Promise<SyncStatus> {
  return (await getMeta<SyncStatus>(db, SYNC_META.status)) ?? INITIAL_STATUS;
}

export async function readIdentity(db: ProfilenceDb): Promise<SyncIdentity | undefined> {
  return (await getMeta<SyncIdentity | null>(db, SYNC_META.identity)) ?? undefined;
}
