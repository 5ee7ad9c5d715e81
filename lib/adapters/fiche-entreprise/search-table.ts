/** The rows of a table of establishments, found by its column headers (a search page is recognised by them too). */
import { readTable, type Row } from '../kit/table';
import { columnsWithTaught, type TaughtLabels } from '../kit/taught';
import { SEARCH_COLUMNS } from './labels';

export type SearchColumn = keyof typeof SEARCH_COLUMNS;

export function searchRows(document: Document, taught?: TaughtLabels): Row<SearchColumn>[] | undefined {
  const columns = columnsWithTaught(SEARCH_COLUMNS, {}, taught);
  return readTable(document.body, { columns, required: ['siret', 'name'] });
}
