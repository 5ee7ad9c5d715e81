/**
 * Labels counsellors taught the readers (issue 16), kept like the board: the record and its outbox mutation in
 * one transaction, through the reducer the server uses. Content scripts cannot reach this database: the
 * background hands each tool's taught labels to them (lib/background/aliases.ts).
 */
import { liveQuery } from 'dexie';
import { uuidv7 } from '../domain/ids';
import type { LegacyTool } from '../domain/legacy';
import { reduceAliasCreate, reduceAliasMatched, reduceAliasRevoke } from '../domain/mutations';
import { ALIAS_MATCH_REPORT_MS, isRevoked, readerAliasSchema } from '../domain/reader-alias';
import { BoardRefused, boardRefusal, type BoardWriteContext } from './board';
import type { ProfilenceDb, StoredReaderAlias } from './db';
import { enqueue } from './outbox';
import { accepted, localContext } from './reduced';

export interface NewReaderAlias {
  tool: LegacyTool;
  field: string;
  /** The label text as the page shows it; refused in French when it looks like a value. */
  label: string;
}

/** The first problem of a parse, in French (the label's own message when that is what is wrong). */
const firstMessage = (issues: readonly { message: string }[]) => issues[0]?.message ?? 'Libellé invalide.';

/**
 * Teaches a reader a label. Teaching the same label again for the same tool and field changes nothing and
 * answers the alias already there (a colleague may have taught it first).
 */
export async function teachAlias(db: ProfilenceDb, input: NewReaderAlias, ctx: BoardWriteContext): Promise<StoredReaderAlias> {
  const now = ctx.now ?? new Date();
  const parsed = readerAliasSchema.safeParse({
    id: uuidv7(now.getTime()),
    agencyCode: ctx.agencyCode,
    tool: input.tool,
    field: input.field,
    label: input.label,
    createdBy: ctx.counsellorId,
    ...(ctx.counsellorName ? { createdByName: ctx.counsellorName } : {}),
    createdAt: now.toISOString(),
  });
  if (!parsed.success) throw new BoardRefused('invalid', firstMessage(parsed.error.issues));
  const alias: StoredReaderAlias = accepted(reduceAliasCreate(undefined, parsed.data, localContext(now)), boardRefusal).record;
  return db.transaction('rw', db.aliases, db.outbox, db.meta, async () => {
    const same = (await db.aliases.where('tool').equals(alias.tool).toArray()).find(
      (a) => !isRevoked(a) && a.field === alias.field && a.label.toLowerCase() === alias.label.toLowerCase(),
    );
    if (same) return same;
    await db.aliases.add(alias);
    await enqueue(db, 'alias.create', alias, now);
    return alias;
  });
}

/** « Retirer »: the readers stop using it on every install of the agency once synced. */
export async function revokeAlias(db: ProfilenceDb, id: string, by: { counsellorId: string; counsellorName?: string }, now: Date = new Date()): Promise<StoredReaderAlias> {
  return db.transaction('rw', db.aliases, db.outbox, db.meta, async () => {
    const row = await db.aliases.get(id);
    if (!row) throw new BoardRefused('not_found', 'Libellé introuvable : il a peut-être déjà été retiré. Rechargez la liste.');
    const args = { id, at: now.toISOString(), by: by.counsellorId, ...(by.counsellorName ? { byName: by.counsellorName } : {}) };
    const result = accepted(reduceAliasRevoke(row, args, localContext(now)), boardRefusal);
    if (result.outcome !== 'changed') return row;
    await enqueue(db, 'alias.revoke', args, now);
    await db.aliases.put(result.record);
    return result.record;
  });
}

/**
 * The labels of these aliases introduced a value on a page at `now`: reported once a day at most per alias (the
 * agency's copy already says it matched in the last day), which is what the 30-day flag reads.
 */
export async function recordAliasMatches(db: ProfilenceDb, ids: readonly string[], now: Date = new Date()): Promise<number> {
  if (ids.length === 0) return 0;
  return db.transaction('rw', db.aliases, db.outbox, db.meta, async () => {
    let reported = 0;
    for (const row of await db.aliases.bulkGet([...new Set(ids)])) {
      if (!row || isRevoked(row)) continue;
      if (row.lastMatchedAt && now.getTime() - Date.parse(row.lastMatchedAt) < ALIAS_MATCH_REPORT_MS) continue;
      const args = { id: row.id, at: now.toISOString() };
      const result = reduceAliasMatched(row, args, localContext(now));
      if (result.outcome !== 'changed') continue;
      await enqueue(db, 'alias.matched', args, now);
      await db.aliases.put(result.record);
      reported++;
    }
    return reported;
  });
}

/** The agency's aliases, newest first, revoked ones included (the list shows them withdrawn). */
export async function listAliases(db: ProfilenceDb): Promise<StoredReaderAlias[]> {
  const rows = await db.aliases.toArray();
  return rows.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : -1));
}

/** The live aliases of one tool, as a content script takes them (no author, no dates). */
export async function liveAliasesOf(db: ProfilenceDb, tool: LegacyTool): Promise<{ id: string; field: string; label: string }[]> {
  const aliases = await db.aliases.where('tool').equals(tool).toArray();
  return aliases.filter((a) => !isRevoked(a)).map(({ id, field, label }) => ({ id, field, label }));
}

/** Calls `changed` whenever the aliases change, however (a write here, a pull); returns how to stop. */
export function watchAliases(db: ProfilenceDb, changed: () => void): () => void {
  const subscription = liveQuery(() => db.aliases.toArray()).subscribe({ next: changed, error: () => undefined });
  return () => subscription.unsubscribe();
}
