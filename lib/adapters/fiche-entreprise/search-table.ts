/** The rows of a table of establishments, found by its column headers (a search page is recognised by them too). */
import { perRead } from '../kit/per-read';
import { readTable, type Row } from '../kit/table';
import { columnsWithTaught, type TaughtLabels } from '../kit/taught';
import { SEARCH_COLUMNS } from './labels';

export type SearchColumn = keyof typeof SEARCH_COLUMNS;

/** Without taught headers (detection, and extraction when none were taught), found once per read. */
const untaughtRows = perRead((document: Document) => rowsWith(document));

export function searchRows(document: Document, taught?: TaughtLabels): Row<SearchColumn>[] | undefined {
  return taught ? rowsWith(document, taught) : untaughtRows(document);
}

function rowsWith(document: Document, taught?: TaughtLabels): Row<SearchColumn>[] | undefined {
  const columns = columnsWithTaught(SEARCH_COLUMNS, {}, taught);
  return readTable(document.body, { columns, required: ['siret', 'name'] });
}
