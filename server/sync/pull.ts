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
  data: string | null;
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
 * returned; a horizon read apart could miss a purge. The marks come as a one-row table left-joined to the changes,
 * so an empty pull (the cursor at the scope's version) costs one index probe per table.
 * Parameters: scope, cursor version, limit + 1.
 */
function pullStatement(dialect: Dialect): string {
  const p = dialect === 'postgres' ? (n: number) => `$${n}` : () => '?';
  // SQLite reads each table's (scope, version) index in order and merges; PostgreSQL wants each branch limited.
  const branch = (entity: EntityKind) => {
    const select = `select cast('${entity}' as text) as entity, id, version, deleted, data from ${ENTITY_TABLES[entity]} where scope = ${p(1)} and version > ${p(2)}`;
    return dialect === 'postgres' ? `(${select} order by version limit ${p(3)})` : select;
  };
  // SQLite numbers `?` in order of appearance: the marks' scope first, then each branch's scope and version, then the limit.
  const marks = `select (select version from tombstone_horizons where scope = ${p(1)}) as horizon, (select version from scope_versions where scope = ${p(1)}) as current`;
  const changes = `${ENTITIES.map(branch).join(' union all ')} order by version limit ${p(3)}`;
  return `select m.horizon, m.current, c.entity, c.id, c.version, c.deleted, c.data from (${marks}) as m left join (${changes}) as c on true order by c.version`;
}

const STATEMENTS: Record<Dialect, string> = { sqlite: pullStatement('sqlite'), postgres: pullStatement('postgres') };

function parameters(dialect: Dialect, scope: string, after: number, limit: number): unknown[] {
  if (dialect === 'postgres') return [scope, after, limit + 1];
  return [scope, scope, ...ENTITIES.flatMap(() => [scope, after]), limit + 1];
}

export async function readChangesPage(db: Db, dialect: Dialect, scope: string, cursor: string | undefined, limit: number): Promise<ChangesPage> {
  const after = decodeCursor(cursor);
  const { rows } = await db.executeQuery<MarkedRow>(CompiledQuery.raw(STATEMENTS[dialect], parameters(dialect, scope, after, limit)));
  const horizon = Number(rows[0]?.horizon ?? 0);
  const current = Number(rows[0]?.current ?? 0);
  if ((after > 0 && after < horizon) || after > current) throw cursorExpired();

  const changes = rows.filter((row): row is MarkedRow & ChangeRow => row.id !== null);
  const page = changes.slice(0, limit);
  const last = page.length ? Number(page[page.length - 1]!.version) : after;
  return { rows: page, cursor: encodeCursor(last), hasMore: changes.length > limit };
}

/**
 * The page as JSON text, with each record's stored JSON spliced in as is: no parse and re-serialise of
 * data the server wrote itself (the pull is the hot path). Same shape as `pullResponseSchema`.
 */
export function pageToJson(page: ChangesPage): string {
  const changes = page.rows.map((row) => {
    const deleted = Boolean(row.deleted) || row.data === null;
    return `{"entity":"${row.entity}","id":${JSON.stringify(row.id)},"version":${Number(row.version)},"deleted":${deleted},"data":${deleted ? 'null' : row.data}}`;
  });
  return `{"changes":[${changes.join(',')}],"cursor":"${page.cursor}","hasMore":${page.hasMore}}`;
}
