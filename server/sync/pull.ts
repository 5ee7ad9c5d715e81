/**
 * `GET /v1/sync/pull`: changes after the cursor, in version order, across the three entity tables.
 * The hot path of the server (every install, every minute): one statement, written once per dialect and reused.
 */
import { CompiledQuery } from 'kysely';
import type { EntityKind } from '../../lib/domain/sync';
import { ENTITY_TABLES, type Db, type Dialect } from '../db/schema';
import { ApiError } from '../errors';
import { decodeCursor, encodeCursor } from './cursor';

interface ChangeRow {
  entity: EntityKind;
  id: string;
  version: number | string;
  deleted: number;
  /** The stored JSON: as UTF-8 bytes on SQLite (read as a blob: never decoded into a JS string), text on PostgreSQL. */
  data: Buffer | string | null;
}

/** The statement's row: the scope's marks, and one change (all null when there is none). */
type MarkedRow = { horizon: number | string | null; current: number | string | null } & (ChangeRow | { [K in keyof ChangeRow]: null });

export const cursorExpired = () =>
  new ApiError(
    410,
    'cursor_expired',
    'Synchronisation trop ancienne : les données de votre agence vont être téléchargées à nouveau.',
  );

export interface ChangesPage {
  rows: ChangeRow[];
  cursor: string;
  hasMore: boolean;
}

const ENTITIES = Object.keys(ENTITY_TABLES) as EntityKind[];

/**
 * One statement, hence one snapshot: the rows, the tombstone horizon and the scope's version are read together.
 * Separate reads per table could miss a row committed between them while a later version from another table is
 * returned; a horizon read apart could miss a purge. Parameters: scope, cursor version, limit + 1.
 *
 * PostgreSQL: the marks come as a one-row table left-joined to the changes (each branch limited), so an empty
 * pull costs one index probe per table. SQLite: the same join made it copy the page's rows into a temporary
 * table and sort them again (twice the time of the rows themselves, bench/server.ts); there the rows stream
 * from the three `(scope, version)` indexes merged in order, followed by one row of marks (`union all`).
 */
function pullStatement(dialect: Dialect): string {
  if (dialect === 'postgres') {
    const branch = (entity: EntityKind) =>
      `(select cast('${entity}' as text) as entity, id, version, deleted, data from ${ENTITY_TABLES[entity]} where scope = $1 and version > $2 order by version limit $3)`;
    const marks = `select (select version from tombstone_horizons where scope = $1) as horizon, (select version from scope_versions where scope = $1) as current`;
    const changes = `${ENTITIES.map(branch).join(' union all ')} order by version limit $3`;
    return `select m.horizon, m.current, c.entity, c.id, c.version, c.deleted, c.data from (${marks}) as m left join (${changes}) as c on true order by c.version`;
  }
  // A blob is handed over as the stored bytes; a text column would be decoded to a string, then encoded again.
  const branch = (entity: EntityKind) =>
    `select cast('${entity}' as text) as entity, id, version, deleted, cast(data as blob) as data from ${ENTITY_TABLES[entity]} where scope = ? and version > ?`;
  const changes = `select c.*, null as horizon, null as current from (${ENTITIES.map(branch).join(' union all ')} order by version limit ?) as c`;
  const marks = 'select null, null, null, null, null, (select version from tombstone_horizons where scope = ?), (select version from scope_versions where scope = ?)';
  return `${changes} union all ${marks}`;
}

const STATEMENTS: Record<Dialect, string> = { sqlite: pullStatement('sqlite'), postgres: pullStatement('postgres') };

/** SQLite numbers `?` in order of appearance: each branch's scope and version, the limit, then the marks' scope twice. */
function parameters(dialect: Dialect, scope: string, after: number, limit: number): unknown[] {
  if (dialect === 'postgres') return [scope, after, limit + 1];
  return [...ENTITIES.flatMap(() => [scope, after]), limit + 1, scope, scope];
}

const byVersion = (a: ChangeRow, b: ChangeRow) => Number(a.version) - Number(b.version);

export async function readChangesPage(db: Db, dialect: Dialect, scope: string, cursor: string | undefined, limit: number): Promise<ChangesPage> {
  const after = decodeCursor(cursor);
  const { rows } = await db.executeQuery<MarkedRow>(CompiledQuery.raw(STATEMENTS[dialect], parameters(dialect, scope, after, limit)));
  // The marks: SQLite's row without a change; on PostgreSQL, on every row.
  const marks = rows.find((row) => row.id === null) ?? rows[0];
  const horizon = Number(marks?.horizon ?? 0);
  const current = Number(marks?.current ?? 0);
  if ((after > 0 && after < horizon) || after > current) throw cursorExpired();

  // Sorted here rather than by SQLite, which would copy the rows to sort them (already in order: a cheap pass).
  const changes = rows.filter((row): row is MarkedRow & ChangeRow => row.id !== null).sort(byVersion);
  const page = changes.slice(0, limit);
  const last = page.length ? Number(page[page.length - 1]!.version) : after;
  return { rows: page, cursor: encodeCursor(last), hasMore: changes.length > limit };
}

/**
 * The page as JSON bytes, with each record's stored JSON spliced in as is: no parse and re-serialise of
 * data the server wrote itself (the pull is the hot path), and on SQLite not even a decode and re-encode of
 * the text. Same shape as `pullResponseSchema`.
 */
export function pageToJson(page: ChangesPage): Buffer {
  const parts: Buffer[] = [];
  let text = '{"changes":[';
  page.rows.forEach((row, i) => {
    const deleted = Boolean(row.deleted) || row.data === null;
    text += `${i ? ',' : ''}{"entity":"${row.entity}","id":${JSON.stringify(row.id)},"version":${Number(row.version)},"deleted":${deleted},"data":`;
    if (deleted) {
      text += 'null}';
      return;
    }
    if (typeof row.data === 'string') {
      text += `${row.data}}`;
      return;
    }
    parts.push(Buffer.from(text, 'utf8'), row.data!);
    text = '}';
  });
  parts.push(Buffer.from(`${text}],"cursor":"${page.cursor}","hasMore":${page.hasMore}}`, 'utf8'));
  return Buffer.concat(parts);
}
