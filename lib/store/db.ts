/**
 * The extension's IndexedDB database. Each schema version is kept as written; a later version
 * adds `this.version(n).stores({...}).upgrade(...)` below the previous ones, so a counsellor's
 * existing data is migrated instead of lost.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Establishment } from '../domain/legacy';
import type { CompanyNeed } from '../domain/need';
import type { PoolEntry } from '../domain/pool';
import type { Promotion } from '../domain/promotion';
import type { ReaderAlias } from '../domain/reader-alias';
import type { OrderedEvent, PromotionStatus } from '../domain/status';
import type { MutationName, RejectionCode } from '../domain/sync';
import type { Draft } from './draft-schema';

export const DEFAULT_DB_NAME = 'profilence';

/** A promotion as stored: the record plus caches derived from its events, rewritten on every write. */
export interface StoredPromotion extends Promotion, SyncedFields {
  /** Events pulled from the server carry the version they were added at (status order: at, version, id). */
  events: OrderedEvent[];
  /** `deriveStatus(events).status`: an index for the lists, never written on its own. */
  status: PromotionStatus;
  sentAt?: string;
  lastEventAt?: string;
}

/** Kept by the sync engine (lib/sync) on every record the server has sent. */
export interface SyncedFields {
  /** The record's version on the server: the `baseVersion` of a later update. Absent until first pulled. */
  serverVersion?: number;
  /** Full re-download in which the record was last seen; records absent from one are dropped at its end. */
  syncGeneration?: number;
}

/** A line of the shared board of recruitment needs. */
export interface StoredNeed extends CompanyNeed, SyncedFields {}

/** A profile of the agency pool ("vivier"). */
export interface StoredPoolEntry extends PoolEntry, SyncedFields {}

/** A label taught to a reader, this agency's (lib/domain/reader-alias.ts). */
export interface StoredReaderAlias extends ReaderAlias, SyncedFields {}

/** One pending mutation, exactly the shape pushed to the central endpoint (docs/sync-protocol.md). */
export interface OutboxRow {
  seq: number;
  id: string;
  name: MutationName;
  args: unknown;
  clientTs: string;
}

/** A mutation the endpoint refused, kept for the counsellor to see. */
export interface RejectionRow extends OutboxRow {
  code?: RejectionCode;
  message?: string;
  rejectedAt: string;
}

/** An establishment the counsellor opened, as its page read it. */
export interface EstablishmentRow {
  siret: string;
  establishment: Establishment;
  seenAt: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** Version 1 of the schema. Only indexed fields are listed; rows carry more. */
export const SCHEMA_V1 = {
  promotions: 'id, jobSeeker.ftId, establishment.siret, createdAt, status, reference',
  outbox: '++seq',
  rejections: 'seq, rejectedAt',
  establishments: 'siret, seenAt',
  drafts: 'ftId, updatedAt',
  meta: 'key',
} as const;

/** Version 2: the board of needs and the agency pool, filled by the sync engine. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  needs: 'id, siret, rome, status, agencyCode',
  pool: 'id, ftId, mainRome, status, agencyCode',
} as const;

/** Version 3: the labels counsellors taught the readers (« Montrer où se trouve ce champ »), synced. */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  aliases: 'id, tool, agencyCode',
} as const;

export class ProfilenceDb extends Dexie {
  declare promotions: EntityTable<StoredPromotion, 'id'>;
  declare outbox: EntityTable<OutboxRow, 'seq'>;
  declare rejections: EntityTable<RejectionRow, 'seq'>;
  declare establishments: EntityTable<EstablishmentRow, 'siret'>;
  declare drafts: EntityTable<Draft, 'ftId'>;
  declare meta: EntityTable<MetaRow, 'key'>;
  declare needs: EntityTable<StoredNeed, 'id'>;
  declare pool: EntityTable<StoredPoolEntry, 'id'>;
  declare aliases: EntityTable<StoredReaderAlias, 'id'>;

  constructor(name: string = DEFAULT_DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    // New tables only: existing rows are kept as they are.
    this.version(2).stores(SCHEMA_V2);
    this.version(3).stores(SCHEMA_V3);
  }
}

/** The database is opened lazily by its first query; closing it loses nothing. */
export function openDb(name: string = DEFAULT_DB_NAME): ProfilenceDb {
  return new ProfilenceDb(name);
}
