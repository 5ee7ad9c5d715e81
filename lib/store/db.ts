/**
 * The extension's IndexedDB database. Each schema version is kept as written; a later version
 * adds `this.version(n).stores({...}).upgrade(...)` below the previous ones, so a counsellor's
 * existing data is migrated instead of lost.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Establishment } from '../domain/legacy';
import type { Promotion } from '../domain/promotion';
import type { PromotionStatus } from '../domain/status';
import type { MutationName, RejectionCode } from '../domain/sync';
import type { Draft } from './drafts';

export const DEFAULT_DB_NAME = 'profilence';

/** A promotion as stored: the record plus caches derived from its events, rewritten on every write. */
export interface StoredPromotion extends Promotion {
  /** `deriveStatus(events).status`: an index for the lists, never written on its own. */
  status: PromotionStatus;
  sentAt?: string;
  lastEventAt?: string;
}

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

export class ProfilenceDb extends Dexie {
  declare promotions: EntityTable<StoredPromotion, 'id'>;
  declare outbox: EntityTable<OutboxRow, 'seq'>;
  declare rejections: EntityTable<RejectionRow, 'seq'>;
  declare establishments: EntityTable<EstablishmentRow, 'siret'>;
  declare drafts: EntityTable<Draft, 'ftId'>;
  declare meta: EntityTable<MetaRow, 'key'>;

  constructor(name: string = DEFAULT_DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
  }
}

/** The database is opened lazily by its first query; closing it loses nothing. */
export function openDb(name: string = DEFAULT_DB_NAME): ProfilenceDb {
  return new ProfilenceDb(name);
}
