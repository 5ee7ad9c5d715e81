/**
 * The entity rows a push batch touches: read in one query per table, kept current as the batch writes; the
 * batch's new records inserted together and its rewritten records written together (one statement per table
 * each) instead of one by one. On PostgreSQL every statement is a round trip: a 10-mutation batch went from 15 to
 * 12 of them (bench/server.ts).
 */
import { UUID_PATTERN } from '../../lib/domain/ids';
import { mutationTarget } from '../../lib/domain/mutations';
import { idSchema } from '../../lib/domain/promotion';
import type { EntityKind } from '../../lib/domain/sync';
import { ENTITY_TABLES, type EntityTable, type Tx } from '../db/schema';

/**
 * A record this batch created was committed meanwhile by another agency's transaction (PostgreSQL: the insert
 * waited for it). The batch is rolled back and run again: the committed row then decides, as for any create.
 */
export class CreatedMeanwhile extends Error {
  constructor(kind: EntityKind) {
    super(`${kind} créé entre-temps par une autre transaction`);
  }
}

/** Tables in one fixed order: two batches inserting the same ids take their locks in the same order. */
const INSERT_ORDER = Object.keys(ENTITY_TABLES) as EntityKind[];

type Pending = Map<EntityKind, Map<string, EntityTable>>;

/** Queues `row` in `pending` for the next `flush`. */
function queue(pending: Pending, kind: EntityKind, row: EntityTable): void {
  if (!pending.has(kind)) pending.set(kind, new Map());
  pending.get(kind)!.set(row.id, row);
}

export class RowCache {
  private readonly rows = new Map<string, EntityTable | null>();
  /** Writes waiting for the next `flush`, by table and id, in the order the batch made them: new records… */
  private readonly created: Pending = new Map();
  /** …and rows already in the database that the batch rewrote. */
  private readonly rewritten: Pending = new Map();

  constructor(private readonly trx: Tx) {}

  /** Reads every row the batch names (ids that are not UUIDs are left to validation). */
  async prefetch(mutations: readonly { name: string; args: unknown }[]): Promise<void> {
    const wanted = new Map<EntityKind, Set<string>>();
    for (const mutation of mutations) {
      const target = mutationTarget(mutation);
      if (!target || !UUID_PATTERN.test(target.id)) continue;
      if (!wanted.has(target.entity)) wanted.set(target.entity, new Set());
      wanted.get(target.entity)!.add(target.id);
    }
    for (const [kind, ids] of wanted) {
      const list = [...ids];
      const found = await this.trx.selectFrom(ENTITY_TABLES[kind]).selectAll().where('id', 'in', list).execute();
      for (const id of list) this.rows.set(`${kind}:${id}`, null);
      for (const row of found) this.rows.set(`${kind}:${row.id}`, row);
    }
  }

  /**
   * The stored row, if any. Every stored id passed `idSchema`: another one is not looked up, which would only fail
   * on PostgreSQL for some (a NUL byte is refused there: a 500 instead of the mutation's `invalid`).
   */
  async get(kind: EntityKind, id: string): Promise<EntityTable | undefined> {
    const key = `${kind}:${id}`;
    if (!idSchema.safeParse(id).success) return undefined;
    if (!this.rows.has(key)) {
      const row = await this.trx.selectFrom(ENTITY_TABLES[kind]).selectAll().where('id', '=', id).executeTakeFirst();
      this.rows.set(key, row ?? null);
    }
    return this.rows.get(key) ?? undefined;
  }

  /**
   * Records a row the batch just wrote itself, so a later mutation of the same batch sees it. A write of that
   * record still waiting for `flush` takes this state too: the database never ends older than the cache.
   */
  put(kind: EntityKind, row: EntityTable): void {
    this.rows.set(`${kind}:${row.id}`, row);
    this.replacePending(kind, row);
  }

  /** Whether a write of this record was waiting for `flush`; it now writes `row`. */
  private replacePending(kind: EntityKind, row: EntityTable): boolean {
    for (const pending of [this.created.get(kind), this.rewritten.get(kind)]) {
      if (pending?.has(row.id)) {
        pending.set(row.id, row);
        return true;
      }
    }
    return false;
  }

  /** A new record, seen at once by the batch and written to the database by the next `flush`. */
  create(kind: EntityKind, row: EntityTable): void {
    this.rows.set(`${kind}:${row.id}`, row);
    queue(this.created, kind, row);
  }

  /**
   * A record's new state, seen at once by the batch and written by the next `flush`: a record created in this
   * batch and not yet flushed is inserted in that state; one already in the database is rewritten.
   */
  rewrite(kind: EntityKind, row: EntityTable): void {
    this.rows.set(`${kind}:${row.id}`, row);
    if (!this.replacePending(kind, row)) queue(this.rewritten, kind, row);
  }

  /**
   * Writes what the batch created or rewrote since the last flush. Called before any statement that reads or
   * writes entity rows in the database by other means (a consent withdrawal's search and tombstones) and at the
   * end of the batch.
   */
  async flush(): Promise<void> {
    for (const kind of INSERT_ORDER) {
      const rows = this.created.get(kind);
      if (!rows) continue;
      this.created.delete(kind);
      const inserted = await this.trx
        .insertInto(ENTITY_TABLES[kind])
        .values([...rows.values()])
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .execute();
      if (inserted.length < rows.size) throw new CreatedMeanwhile(kind);
    }
    for (const kind of INSERT_ORDER) {
      const rows = this.rewritten.get(kind);
      if (!rows) continue;
      this.rewritten.delete(kind);
      // Every row was read in this transaction, under the scope's lock: each id exists, so each line updates it,
      // with every column a write may change (scope and creation stay as stored).
      await this.trx
        .insertInto(ENTITY_TABLES[kind])
        .values([...rows.values()])
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            deleted: eb.ref('excluded.deleted'),
            deleted_at: eb.ref('excluded.deleted_at'),
            data: eb.ref('excluded.data'),
            field_versions: eb.ref('excluded.field_versions'),
            version: eb.ref('excluded.version'),
            updated_at: eb.ref('excluded.updated_at'),
            updated_by_sub: eb.ref('excluded.updated_by_sub'),
            last_activity_at: eb.ref('excluded.last_activity_at'),
          })),
        )
        .execute();
    }
  }

  /** The live rows of `kind` this batch wrote: those stamped with a version above `since`. */
  writtenSince(kind: EntityKind, since: number): EntityTable[] {
    const prefix = `${kind}:`;
    const written: EntityTable[] = [];
    for (const [key, row] of this.rows) {
      if (key.startsWith(prefix) && row && !row.deleted && row.data !== null && Number(row.version) > since) written.push(row);
    }
    return written;
  }
}
