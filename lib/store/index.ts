export { DEFAULT_DB_NAME, openDb, ProfilenceDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from './db';
export type {
  EstablishmentRow,
  MetaRow,
  OutboxRow,
  RejectionRow,
  StoredNeed,
  StoredPoolEntry,
  StoredPromotion,
  StoredReaderAlias,
  SyncedFields,
} from './db';
export { listAliases, liveAliasesOf, recordAliasMatches, revokeAlias, teachAlias, watchAliases } from './reader-aliases';
export type { NewReaderAlias } from './reader-aliases';
export {
  addEvent,
  contactSnapshot,
  createPromotion,
  establishmentSnapshot,
  findRecentDuplicate,
  getPromotion,
  jobSeekerSnapshot,
  listForEstablishment,
  listForJobSeeker,
  listForJobSeekers,
  markSentByReference,
  PromotionRefused,
  toStoredPromotion,
  updatePromotion,
} from './promotions';
export type { PromotionChanges } from './promotions';
export type { CreatePromotionInput, MarkSentOutcome, NewEvent, PromotionRefusalCode, WriteContext } from './promotions';
export {
  foldForSearch,
  getEstablishment,
  MAX_REMEMBERED_ESTABLISHMENTS,
  recentEstablishments,
  rememberEstablishment,
  searchEstablishments,
} from './establishments';
export { deleteDraft, loadDraft, saveDraft } from './drafts';
export { draftSchema } from './draft-schema';
export type { Draft, DraftInput } from './draft-schema';
export { acknowledge, dismissRejection, enqueue, listRejections, pendingCount, pendingMutations } from './outbox';
export { clientId, getMeta, META_KEYS, setMeta } from './meta';
export { describeIssues, InvalidRecord } from './validation';
export {
  addNeed,
  BoardRefused,
  daysLeft,
  establishmentOfNeed,
  extendNeed,
  listNeeds,
  NEED_EXPIRY_REMINDER_DAYS,
  needBoardStatus,
  needExpiry,
  needsExpiringSoon,
  updateNeed,
} from './board';
export type { BoardFilters, BoardRefusalCode, BoardWriteContext, NeedBoardStatus, NeedChanges, NewNeed } from './board';
export {
  activePoolEntryOf,
  addToPool,
  defaultPoolPitch,
  listPool,
  POOL_CONSENT_REFUSAL,
  poolEntryFromProfile,
  updatePoolEntry,
} from './pool-entries';
export type { NewPoolEntry, PoolChanges, PoolFilters } from './pool-entries';
export { forgetWithdrawal, isStaleConsent, knownWithdrawal, refusalSeen, rememberWithdrawals, withdrawConsent } from './consent';
export type { ConsentWithdrawal } from './consent';
export { dropExpiredRecords, expiredRecords } from './retention';
export type { ExpiredIds } from './retention';
