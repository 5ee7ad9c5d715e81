/** The rows of the portfolio table, found by its column headers (the page is recognised by them too). */
import { perRead } from '../kit/per-read';
import { readTable, type Row } from '../kit/table';
import { columnsWithTaught, type TaughtLabels } from '../kit/taught';
import { PORTFOLIO_COLUMNS } from './labels';

export type PortfolioColumn = keyof typeof PORTFOLIO_COLUMNS;

/** Taught headers: the field key a counsellor teaches for each column. */
const FIELD_OF: Partial<Record<PortfolioColumn, string>> = { consent: 'promotionConsent' };

/** Without taught headers (detection, and extraction when none were taught), found once per read. */
const untaughtRows = perRead((document: Document) => rowsWith(document));

export function portfolioRows(document: Document, taught?: TaughtLabels): Row<PortfolioColumn>[] | undefined {
  return taught ? rowsWith(document, taught) : untaughtRows(document);
}

function rowsWith(document: Document, taught?: TaughtLabels): Row<PortfolioColumn>[] | undefined {
  const root = document.body;
  const columns = columnsWithTaught(PORTFOLIO_COLUMNS, FIELD_OF, taught);
  return readTable(root, { columns, required: ['ftId', 'lastName'] }) ?? readTable(root, { columns, required: ['ftId', 'fullName'] });
}
