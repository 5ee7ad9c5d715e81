import type { Kysely, Migration } from 'kysely';
import { factsOfRow, upsertFacts, type PromotionFactsTable } from '../../stats/facts-table';
import type { DatabaseSchema, EntityTable } from '../schema';

const PAGE = 1000;

/** Frozen copy of the author fields at the time of this migration (lib/domain/authorship.ts may change later). */
const AUTHOR_FIELDS = {
  promotions: { id: 'counsellorId', name: 'counsellorName' },
  needs: { id: 'createdBy', name: 'createdByName' },
  pool_entries: { id: 'addedBy', name: 'addedByName' },
} as const;
type Table = keyof typeof AUTHOR_FIELDS;

type Data = Record<string, unknown> & { mode?: string; jobSeeker?: Record<string, unknown> };

/**
 * The record as the push writes it since this version, or `undefined` when it already is: the author field holds
 * the `sub` recorded by migration 002 (what the client wrote there, often the banner's name, becomes the display
 * name), and an anonymous promotion no longer keeps the job seeker's last name (docs/privacy.md).
 */
function rewritten(table: Table, data: Data, sub: string | null): Data | undefined {
  const { id, name } = AUTHOR_FIELDS[table];
  let next: Data | undefined;
  if (sub && data[id] !== sub) {
    next = { ...data, [id]: sub };
    if (next[name] === undefined && typeof data[id] === 'string') next[name] = data[id];
  }
  if (table === 'promotions' && data.mode === 'anonymous' && data.jobSeeker?.lastName) {
    next = { ...(next ?? data), jobSeeker: { ...data.jobSeeker, lastName: '' } };
  }
  return next;
}

/**
 * Author identity (issue 12): records written before the server stamped their authors from the token are
 * rewritten to the same shape, each with a new version of its scope so every extension pulls the change, and
 * the statistics rows of the rewritten promotions are rebuilt under the author's `sub`. Events keep their `by`:
 * who recorded each older event was never stored, only who wrote the promotion last.
 */
export const authorIdentity: Migration = {
  async up(db: Kysely<unknown>) {
    const typed = db as unknown as Kysely<DatabaseSchema>;
    const counters = new Map(
      (await typed.selectFrom('scope_versions').select(['scope', 'version']).execute()).map((r) => [r.scope, Number(r.version)]),
    );
    for (const table of Object.keys(AUTHOR_FIELDS) as Table[]) {
      let after = '';
      for (;;) {
        const page: Pick<EntityTable, 'id' | 'scope' | 'data' | 'created_by_sub'>[] = await typed
          .selectFrom(table)
          .select(['id', 'scope', 'data', 'created_by_sub'])
          .where('id', '>', after)
          .orderBy('id')
          .limit(PAGE)
          .execute();
        if (page.length === 0) break;
        const facts: PromotionFactsTable[] = [];
        for (const row of page) {
          if (row.data === null) continue;
          const next = rewritten(table, JSON.parse(row.data) as Data, row.created_by_sub ?? null);
          if (!next) continue;
          const version = (counters.get(row.scope) ?? 0) + 1;
          counters.set(row.scope, version);
          const data = JSON.stringify(next);
          await typed.updateTable(table).set({ data, version }).where('id', '=', row.id).execute();
          if (table === 'promotions') {
            const fact = factsOfRow({ data, version }, row.created_by_sub ?? undefined);
            if (fact) facts.push(fact);
          }
        }
        if (facts.length) {
          // The upsert keeps a fact row's first author: rows filed under the banner's name are replaced.
          const withFacts = typed.withTables<{ promotion_facts: PromotionFactsTable }>();
          await withFacts.deleteFrom('promotion_facts').where('id', 'in', facts.map((f) => f.id)).execute();
          await upsertFacts(typed, facts);
        }
        after = page[page.length - 1]!.id;
      }
    }
    for (const [scope, version] of counters) {
      await typed.updateTable('scope_versions').set({ version }).where('scope', '=', scope).execute();
    }
  },

  // Nothing to undo: the rewritten records are valid for the previous code too.
  async down() {},
};
