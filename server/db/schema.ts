/** Table types for Kysely. Timestamps are ISO 8601 UTC strings; JSON is stored as text on both databases. */
import type { Kysely, Transaction } from 'kysely';
import type { EntityKind } from '../../lib/domain/sync';

/** One row per synced record; a deleted record stays as a tombstone (`deleted = 1`, `data = null`) until purged. */
export interface EntityTable {
  id: string;
  scope: string;
  /** Scope version of the last change: the pull cursor walks these. */
  version: number;
  deleted: number;
  /** The record as JSON (for promotions, each event carries the version at which it was added). */
  data: string | null;
  /** JSON `{ field: version }`: when each editable field was last written, to tell real conflicts. */
  field_versions: string | null;
  updated_at: string;
  deleted_at: string | null;
  /** The authenticated `sub` of the first writer (the author the authorship rules check) and of the last one. */
  created_by_sub?: string | null;
  updated_by_sub?: string | null;
  /** Promotions and pool entries: date of the last event, the retention clock (server/privacy/retention.ts); null for needs. */
  last_activity_at?: string | null;
}

export interface ScopeVersionsTable {
  scope: string;
  /** Last version given in this scope; incremented inside the write transaction, row locked first. */
  version: number;
}

export interface ClientsTable {
  client_id: string;
  /** The counsellor this install was bound to on its first push. */
  sub: string;
  agency_code: string;
  last_seq: number;
  created_at: string;
  updated_at: string;
}

export interface ConflictsTable {
  id: string;
  scope: string;
  entity: EntityKind;
  entity_id: string;
  field: string;
  /** JSON of the value overwritten by the later writer. */
  previous_value: string | null;
  new_value: string | null;
  by_sub: string;
  at: string;
  version: number;
}

export interface TombstoneHorizonsTable {
  scope: string;
  /** Highest version of a purged tombstone: a cursor below it may have missed a deletion. */
  version: number;
  purged_at: string;
}

/** Who read or wrote personal data (server/audit/log.ts). */
export interface AuditLogTable {
  id: string;
  at: string;
  /** The token's `sub`, or `system:<job>` for scheduled purges. */
  sub: string;
  agency_code: string | null;
  action: 'pull' | 'push' | 'export' | 'purge';
  scope: string | null;
  /** Records read, mutations pushed, records exported or purged. */
  count: number;
  /** JSON: mutation names and ids for a push, the pseudonymised subject of an export… never personal data in clear. */
  details: string | null;
}

/** A job seeker's withdrawn consent, by pseudonym: older writes about them that arrive late are refused. */
export interface ConsentWithdrawalsTable {
  scope: string;
  subject: string;
  withdrawn_at: string;
  recorded_at: string;
}

export interface PrivacyKeysTable {
  name: string;
  /** base64 */
  value: string;
  created_at: string;
}

/** The readers' health counts of one install and day (server/readers/store.ts); no personal data. */
export interface ReaderHealthTable {
  client_id: string;
  day: string;
  tool: string;
  page: string;
  kind: 'readings' | 'miss' | 'variant';
  /** The field (`miss`), the label-set hash (`variant`), '' for `readings`. */
  key: string;
  count: number;
  /** From the token, never from the report. */
  sub: string;
  agency_code: string;
  received_at: string;
}

export interface DatabaseSchema {
  scope_versions: ScopeVersionsTable;
  clients: ClientsTable;
  promotions: EntityTable;
  needs: EntityTable;
  pool_entries: EntityTable;
  /** Labels counsellors taught the readers (lib/domain/reader-alias.ts). */
  reader_aliases: EntityTable;
  conflicts: ConflictsTable;
  tombstone_horizons: TombstoneHorizonsTable;
  audit_log: AuditLogTable;
  consent_withdrawals: ConsentWithdrawalsTable;
  privacy_keys: PrivacyKeysTable;
  reader_health: ReaderHealthTable;
}

export type Db = Kysely<DatabaseSchema>;
export type Tx = Transaction<DatabaseSchema>;
export type Dialect = 'sqlite' | 'postgres';

export const ENTITY_TABLES = {
  promotion: 'promotions',
  need: 'needs',
  pool: 'pool_entries',
  alias: 'reader_aliases',
} as const satisfies Record<EntityKind, keyof DatabaseSchema>;
export type EntityTableName = (typeof ENTITY_TABLES)[EntityKind];
