/** The confirmation that a message left (`/mail/envoye/{id}`) → `SentMail`. */
import type { SentMail } from '@/lib/domain/legacy';
import { fieldsOf, type Field } from '../kit/fields';
import { Missing, type Extraction } from '../kit/result';
import { findEmails } from '../kit/values';
import { messageIdFromPath } from './detect';
import { parseSentAt } from './date-time';
import { withTaught, type ReadOptions } from '../kit/taught';
import { LABELS as OWN_LABELS } from './labels';

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
