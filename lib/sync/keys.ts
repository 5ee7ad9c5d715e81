/** Where the sync engine keeps its state, in the store's `meta` table (written in the same transactions as the data). */
import { META_KEYS } from '../store/meta';

export const SYNC_META = {
  /** `{ scope, cursor }`: the last pull page applied, saved with it. */
  cursor: META_KEYS.syncCursor,
  /** `SyncStatus`, read by the side panel. */
  status: 'syncStatus',
  /** The counsellor the server recognised (`GET /v1/me`). */
  identity: 'syncIdentity',
  /** `{ from, to }`: the batch sent and not yet acknowledged, sent again as it is after a failure. */
  inFlight: 'syncPushInFlight',
  /** `{ generation }` while the scope is being downloaded again. */
  resync: 'syncResync',
  /** The generation of the last complete download. */
  generation: 'syncGeneration',
  /**
   * Ids whose mutation came back `rejected`, or `duplicate` (its first answer was lost, maybe a refusal):
   * checked after the next complete pull, which shows whether the server kept them.
   */
  unconfirmed: 'syncUnconfirmed',
} as const;

export interface StoredCursor {
  scope: string;
  cursor: string;
}

export interface InFlightBatch {
  from: number;
  to: number;
}

export interface ResyncState {
  generation: number;
}
