/** The establishment's contacts ("Interlocuteurs"), read by column header, never by position. */
import type { EstablishmentContact } from '@/lib/domain/legacy';
import { compact } from '../kit/result';
import { columnsWithTaught, type TaughtLabels } from '../kit/taught';
import { readTable, type Row } from '../kit/table';
import { saysNothing, textOf } from '../kit/text';
import { findEmails, findPhones, parseCivility, splitFullName } from '../kit/values';
import { CONTACT_COLUMNS, CONTACT_TABLE_REJECT } from './labels';

type Column = keyof typeof CONTACT_COLUMNS;

const shown = (cell: Element | undefined): string | undefined => {
  const text = textOf(cell);
  return text && !saysNothing(text) ? text : undefined;
};

function emailOf(cell: Element | undefined): string | undefined {
  if (!cell) return undefined;
  const mailto = cell.querySelector('a[href^="mailto:" i]')?.getAttribute('href')?.slice(7).split('?')[0];
  return findEmails(`${mailto ? decodeURIComponent(mailto) : ''} ${textOf(cell)}`)[0];
}

function contactOf(row: Row<Column>): EstablishmentContact | undefined {
  const full = row.lastName ? undefined : splitFullName(shown(row.fullName) ?? '');
  const lastName = row.lastName ? shown(row.lastName) : full?.lastName;
  if (!lastName) return undefined;
  return compact({
    civility: parseCivility(textOf(row.civility)),
    lastName,
    firstName: row.lastName ? shown(row.firstName) : full?.firstName,
    role: shown(row.role),
    email: emailOf(row.email),
    phone: findPhones(textOf(row.phone))[0],
  });
}

/** The contacts, or `undefined` when the page shows no contacts table at all. */
export function readContacts(root: ParentNode, taught?: TaughtLabels): EstablishmentContact[] | undefined {
  // A header taught for the contacts names the column of their names.
  const spec = { columns: columnsWithTaught(CONTACT_COLUMNS, { fullName: 'contacts' }, taught), reject: CONTACT_TABLE_REJECT };
  const rows =
    readTable(root, { ...spec, required: ['lastName'] }) ?? readTable(root, { ...spec, required: ['fullName'] });
  if (!rows) return undefined;
  return rows.map(contactOf).filter((c): c is EstablishmentContact => c !== undefined);
}
