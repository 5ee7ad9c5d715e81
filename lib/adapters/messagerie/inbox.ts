/**
 * A folder's message list (`/mail/dossier/reception`) → the messages that name a promotion: the reference is
 * in the subject or in the preview line under it. Other mail is not returned, so it never leaves the content
 * script; a reply whose reference is only in its quoted text is read when the counsellor opens it.
 */
import { perRead } from '../kit/per-read';
import { findReferences } from '@/lib/domain/reply-references';
import type { Inbox, InboxMessage } from '@/lib/domain/legacy';
import { absoluteHref, type Extraction } from '../kit/result';
import { readTable, type Row } from '../kit/table';
import { linesOf, normalizeText, textOf } from '../kit/text';
import { INBOX_COLUMNS, UNREAD } from './labels';
import { senderAddress } from './sender';
import { parseSentAt } from './date-time';

type Column = keyof typeof INBOX_COLUMNS;

/** The rows of the page's message list, or undefined when the page has none. */
export const inboxRows = perRead(function inboxRows(document: Document): Row<Column>[] | undefined {
  if (!document.body) return undefined;
  return readTable(document.body, { columns: INBOX_COLUMNS, required: ['from', 'subject', 'receivedAt'] });
});

/** The subject is the cell's link, else its first line (the preview follows it). */
function subjectOf(cell: Element): string {
  const link = cell.querySelector('a[href]');
  return link ? textOf(link) : (linesOf(cell)[0] ?? '');
}

const saysUnread = (value: string | null | undefined) => value != null && UNREAD.test(normalizeText(value));

/** A row says « Non lu » in its own words: a text, a tooltip or an icon's accessible name, never a class. */
function isUnread(row: Element): boolean {
  for (const el of [row, ...Array.from(row.querySelectorAll('*'))]) {
    if (saysUnread(el.getAttribute('title')) || saysUnread(el.getAttribute('aria-label'))) return true;
    if (el.childElementCount === 0 && saysUnread(el.textContent)) return true;
  }
  return false;
}

function messageOf(row: Row<Column>, base: URL): InboxMessage | undefined {
  const references = findReferences(textOf(row.subject));
  if (references.length === 0) return undefined;
  const url = absoluteHref(row.subject!.querySelector('a[href]') ?? row.$row.querySelector('a[href]'), base);
  const from = senderAddress(row.from);
  const receivedAt = parseSentAt(textOf(row.receivedAt));
  if (!url || !from || !receivedAt) return undefined;
  return { url, from, subject: subjectOf(row.subject!), receivedAt, unread: isUnread(row.$row), references };
}

export function extractInbox(document: Document, url: URL): Extraction<'inbox'> | undefined {
  const rows = inboxRows(document);
  if (!rows) return undefined;
  const data: Inbox = { messages: rows.flatMap((row) => messageOf(row, url) ?? []) };
  return { data, missing: [] };
}
