/** The confirmation that a message left (`/mail/envoye/{id}`) → `SentMail`. */
import { frenchDateToIso, parisOffsetIso } from '@/lib/domain/formats';
import type { SentMail } from '@/lib/domain/legacy';
import { fieldsOf, type Field } from '../kit/fields';
import { Missing, type Extraction } from '../kit/result';
import { findEmails } from '../kit/values';
import { messageIdFromPath } from './detect';
import { withTaught, type ReadOptions } from '../kit/taught';
import { LABELS as OWN_LABELS } from './labels';

const DATE_TIME = /(\d{1,2}\/\d{1,2}\/\d{4})\D{1,15}?(\d{1,2})\s*[:h]\s*(\d{2})/;

/** "20/11/2026 à 14:32", Paris time → `2026-11-20T14:32:00+01:00`. */
export function parseSentAt(text: string): string | undefined {
  const match = DATE_TIME.exec(text);
  const date = match && frenchDateToIso(match[1]!);
  if (!match || !date || Number(match[2]) > 23 || Number(match[3]) > 59) return undefined;
  return parisOffsetIso(date, `${match[2]}:${match[3]}`);
}

export function extractSent(document: Document, url: URL, options?: ReadOptions): Extraction<'sent'> | undefined {
  const urlId = messageIdFromPath(url);
  if (!document.body || !urlId) return undefined;
  const fields = fieldsOf(document.body);
  const LABELS = Object.fromEntries(
    Object.entries(OWN_LABELS).map(([key, labels]) => [key, withTaught(labels, key, options?.taught)]),
  ) as Record<keyof typeof OWN_LABELS, readonly string[]>;
  const find = (labels: readonly string[], accept?: (f: Field) => boolean) => fields.find(labels, accept);
  const missing = new Missing();

  const shownId = find(LABELS.messageId, (f) => /^[\w.@<>:-]{4,200}$/.test(f.text))?.text;
  if (!shownId) missing.add('messageId');
  // "À" only: the Cc line is a separate label and never part of `to`.
  const to = find(LABELS.to, (f) => findEmails(f.text).length > 0);
  const subject = find(LABELS.subject)?.text;
  const sentAtField = find(LABELS.sentAt, (f) => parseSentAt(f.text) !== undefined);
  if (!to || subject === undefined || !sentAtField) return undefined;

  const data: SentMail = {
    messageId: shownId ?? urlId,
    to: findEmails(to.text),
    subject,
    sentAt: parseSentAt(sentAtField.text)!,
  };
  return { data, missing: missing.fields };
}
