/**
 * Table by header: maps the rows of any table to objects by header text, whatever the column
 * order, with or without `<thead>`, for `<table>` markup or ARIA grids.
 */
import { labelKey, textOf } from './text';

/** For each field, the header texts that name its column, preferred first. */
export type Columns<K extends string> = Record<K, readonly string[]>;
export type Row<K extends string> = Partial<Record<K, Element>> & { readonly $row: Element };

export interface TableSpec<K extends string> {
  columns: Columns<K>;
  /** The table is the one sought only if these columns are all found. */
  required: readonly K[];
  /** Headers that disqualify a table (e.g. "Date" for a history of contacts). */
  reject?: readonly string[];
  /** Only tables this accepts (e.g. those of one section) are considered. */
  within?: (table: Element) => boolean;
}

function rowsOf(table: Element): Element[] {
  if (table.tagName === 'TABLE') {
    return Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
  }
  return Array.from(table.querySelectorAll('[role="row"]')).filter((r) => r.closest('[role="table"], [role="grid"]') === table);
}

const MAX_HEADER = 80;
const CELL_ROLES = new Set(['cell', 'gridcell', 'columnheader', 'rowheader']);

/** Cells laid out by column index, a `colspan` filling every column it spans. */
function cellsOf(row: Element): Element[] {
  const cells: Element[] = [];
  for (const cell of Array.from(row.children)) {
    const isCell = cell.tagName === 'TD' || cell.tagName === 'TH' || CELL_ROLES.has(cell.getAttribute('role') ?? '');
    if (!isCell) continue;
    const span = Math.min(Math.max(Number(cell.getAttribute('colspan')) || 1, 1), 50);
    for (let i = 0; i < span; i++) cells.push(cell);
  }
  return cells;
}

const isHeaderCell = (cell: Element) => cell.tagName === 'TH' || cell.getAttribute('role') === 'columnheader';

/** Exact header matches first, then headers that contain a synonym as whole words. */
function mapColumns<K extends string>(headers: string[], columns: Columns<K>): Partial<Record<K, number>> {
  const keys = headers.map(labelKey);
  const taken = new Set<number>();
  const map: Partial<Record<K, number>> = {};
  const fields = Object.keys(columns) as K[];
  const pass = (matches: (header: string, synonym: string) => boolean) => {
    for (const field of fields) {
      if (map[field] !== undefined) continue;
      for (const synonym of columns[field].map(labelKey)) {
        const index = keys.findIndex((h, i) => !taken.has(i) && matches(h, synonym));
        if (index >= 0) {
          map[field] = index;
          taken.add(index);
          break;
        }
      }
    }
  };
  pass((h, s) => h === s);
  pass((h, s) => ` ${h} `.includes(` ${s} `));
  return map;
}

/** Rows of the first table of `root` whose headers carry the required columns. */
export function readTable<K extends string>(root: ParentNode, spec: TableSpec<K>): Row<K>[] | undefined {
  const rejected = (spec.reject ?? []).map(labelKey);
  for (const table of Array.from(root.querySelectorAll('table, [role="table"], [role="grid"]'))) {
    if ((table.tagName !== 'TABLE' && table.querySelector('table')) || (spec.within && !spec.within(table))) continue;
    const rows = rowsOf(table);
    const headerIndex = findHeaderRow(table, rows);
    if (headerIndex < 0) continue;
    // A layout table's cells hold whole blocks of the page: they are not column headers.
    const headers = cellsOf(rows[headerIndex]!).map((c) => (c.querySelector('table') ? '' : textOf(c)))
      .map((h) => (h.length > MAX_HEADER ? '' : h));
    if (headers.some((h) => rejected.includes(labelKey(h)))) continue;
    const map = mapColumns(headers, spec.columns);
    if (!spec.required.every((k) => map[k] !== undefined)) continue;
    const result: Row<K>[] = [];
    for (const row of rows.slice(headerIndex + 1)) {
      const cells = cellsOf(row);
      if (cells.length === 0 || cells.every(isHeaderCell)) continue;
      const entry = { $row: row } as Row<K>;
      for (const field of Object.keys(map) as K[]) {
        const cell = cells[map[field]!];
        // A cell spanning the whole row ("Aucun résultat") belongs to no column.
        if (cell && cells.filter((c) => c === cell).length < cells.length) (entry as Record<K, Element>)[field] = cell;
      }
      if (spec.required.some((k) => entry[k] && textOf(entry[k]) !== '')) result.push(entry);
    }
    return result;
  }
  return undefined;
}

/** The header row: the last row of `<thead>`, else the first row of header cells, else the first row. */
function findHeaderRow(table: Element, rows: Element[]): number {
  if (rows.length === 0) return -1;
  const head = table.tagName === 'TABLE' ? table.querySelector('thead') : null;
  if (head && head.closest('table') === table) {
    const headRows = rows.filter((r) => head.contains(r));
    if (headRows.length > 0) return rows.indexOf(headRows[headRows.length - 1]!);
  }
  const firstHeader = rows.findIndex((r) => {
    const cells = cellsOf(r);
    return cells.length > 1 && cells.every(isHeaderCell);
  });
  return firstHeader >= 0 ? firstHeader : 0;
}
