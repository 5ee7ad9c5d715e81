/**
 * A received message's page (`/mail/message/{id}`) → sender, date, subject and the promotion references of
 * its subject and body (a reply may quote the reference only, a colleague's forward buries it deeper). Only
 * those leave the content script: the body's text is read here and dropped.
 */
import { perRead } from '../kit/per-read';
import { findReferencesIn } from '@/lib/domain/reply-references';
import type { ReceivedMail } from '@/lib/domain/legacy';
import { fieldsOf, type Field, type Fields } from '../kit/fields';
import { type Extraction } from '../kit/result';
import { labelKey, linesOf, textOf } from '../kit/text';
import { LABELS } from './labels';
import { senderAddress } from './sender';
import { parseSentAt } from './date-time';

const keysOf = (labels: readonly string[]) => new Set(labels.map(labelKey));
const FROM_KEYS = keysOf(LABELS.from);
const DATE_KEYS = keysOf(LABELS.receivedAt);
const SUBJECT_KEYS = keysOf(LABELS.subject);

/** The first field in page order under one of these labels that `accept` takes: the header comes before any quote. */
function firstInPage(fields: Fields, keys: ReadonlySet<string>, accept: (f: Field) => boolean): Field | undefined {
  return fields.findAll((key) => keys.has(key)).find(accept);
}

/** Where the message is: the page's main region or article, else the whole body. */
const messageRoot = (document: Document): Element =>
  document.querySelector('article, [role="article"], main, [role="main"]') ?? document.body;

export interface MessageHeader {
  fields: Fields;
  from: Field;
  date: Field;
}

/** Sender and date of the message shown, or undefined when the page shows no received message. */
export const messageHeader = perRead(function messageHeader(document: Document): MessageHeader | undefined {
  if (!document.body) return undefined;
  const fields = fieldsOf(messageRoot(document));
  const from = firstInPage(fields, FROM_KEYS, (f) => senderAddress(f.element, f.text) !== undefined);
  const date = firstInPage(fields, DATE_KEYS, (f) => parseSentAt(f.text) !== undefined);
  return from && date ? { fields, from, date } : undefined;
});

/** `Node.DOCUMENT_POSITION_FOLLOWING`, written out: readers also run where no DOM globals exist (saved pages). */
const FOLLOWING = 4;
const precedes = (a: Node, b: Node) => (a.compareDocumentPosition(b) & FOLLOWING) !== 0;

/**
 * The subject: an « Objet » shown before the sender (the header, not a quote), else the heading over the
 * header, as a webmail's reading pane shows it.
 */
function subjectOf(document: Document, { fields, from }: MessageHeader): string | undefined {
  const fromNode = from.element;
  const labelled = firstInPage(fields, SUBJECT_KEYS, (f) => f.text !== '' && (!fromNode || !f.element || precedes(f.element, fromNode) || headerOf(fromNode)?.contains(f.element) === true));
  if (labelled) return labelled.text;
  const heading = Array.from(messageRoot(document).querySelectorAll('h1, h2')).find((h) => !fromNode || precedes(h, fromNode));
  return heading ? textOf(heading) : undefined;
}

/** The block holding the header's labels (`<dl>`, table, list): a subject shown in it belongs to the header. */
const headerOf = (node: Node): Element | null => (node instanceof Element ? node : node.parentElement)?.closest('dl, table, ul, header') ?? null;

/** Every line of the message region but the navigation, forms and scripts: the body is read here, never kept. */
function messageText(document: Document): string {
  return linesOf(messageRoot(document)).join('\n');
}

export function extractMessage(document: Document): Extraction<'message'> | undefined {
  const header = messageHeader(document);
  if (!header) return undefined;
  const subject = subjectOf(document, header) ?? '';
  const data: ReceivedMail = {
    from: senderAddress(header.from.element, header.from.text)!,
    subject,
    receivedAt: parseSentAt(header.date.text)!,
    references: findReferencesIn([subject, messageText(document)]),
  };
  return { data, missing: subject === '' ? ['subject'] : [] };
}
