export { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
export { createSyncEngine, type SyncEngine, type SyncEngineOptions, type SyncReport, type SyncRequest, type SyncStep } from './engine';
export { DEFAULT_MESSAGES, isSyncError, SyncError, type SyncErrorKind } from './errors';
export { SYNC_META } from './keys';
export { MUTATION_LABELS, mutationLabel, REJECTION_LABELS, rejectionLabel, sinceLabel, statusLine, type StatusLine } from './messages';
export { INITIAL_STATUS, readIdentity, readStatus, type SyncState, type SyncStatus } from './status';
export {
  createHttpTransport,
  identitySchema,
  parseRetryAfter,
  type FetchLike,
  type HttpTransport,
  type HttpTransportOptions,
  type PullQuery,
  type SyncIdentity,
  type SyncTransport,
} from './transport';
