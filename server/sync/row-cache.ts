/** The entity rows a push batch touches, read in one query per table and kept current as the batch writes. */
import { UUID_PATTERN } from '../../lib/domain/ids';
import { mutationTarget } from '../../lib/domain/mutations';
import type { EntityKind } from '../../lib/domain/sync';
import { ENTITY_TABLES, type EntityTable, type Tx } from '../db/schema';

export class RowCache {
  private readonly rows = new Map<string, EntityTable | null>();

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
}
