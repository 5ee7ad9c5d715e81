/**
 * The entity rows a push batch touches: read in one query per table, kept current as the batch writes, and the
 * batch's new records inserted together (one statement per table) instead of one by one.
 */
import { UUID_PATTERN } from '../../lib/domain/ids';
import { mutationTarget } from '../../lib/domain/mutations';
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

export class RowCache {
  private readonly rows = new Map<string, EntityTable | null>();
  private readonly created = new Map<EntityKind, EntityTable[]>();

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

  async get(kind: EntityKind, id: string): Promise<EntityTable | undefined> {
    const key = `${kind}:${id}`;
    if (!this.rows.has(key)) {
      const row = await this.trx.selectFrom(ENTITY_TABLES[kind]).selectAll().where('id', '=', id).executeTakeFirst();
      this.rows.set(key, row ?? null);
    }
    return this.rows.get(key) ?? undefined;
  }

  /** Records a row the batch just wrote, so a later mutation of the same batch sees it. */
  put(kind: EntityKind, row: EntityTable): void {
    this.rows.set(`${kind}:${row.id}`, row);
  }

  /** A new record, seen at once by the batch and written to the database by the next `flush`. */
  create(kind: EntityKind, row: EntityTable): void {
    this.put(kind, row);
    this.created.set(kind, [...(this.created.get(kind) ?? []), row]);
  }

  /**
   * Inserts the records created since the last flush. Called before any statement that reads or rewrites
   * entity rows in the database (an update, a consent withdrawal) and at the end of the batch.
   */
  async flush(): Promise<void> {
    for (const kind of INSERT_ORDER) {
      const rows = this.created.get(kind);
      if (!rows) continue;
      this.created.delete(kind);
      const inserted = await this.trx
        .insertInto(ENTITY_TABLES[kind])
        .values(rows)
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .execute();
      if (inserted.length < rows.length) throw new CreatedMeanwhile(kind);
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
