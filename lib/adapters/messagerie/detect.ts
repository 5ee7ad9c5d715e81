/** Which page of the webmail this is, by URL path and DOM (never by host). */
import { perRead } from '../kit/per-read';
import { fieldsOf } from '../kit/fields';
import { textOf } from '../kit/text';
import { inboxRows } from './inbox';
import { LABELS, SENT_CONFIRMATION } from './labels';
import { messageHeader } from './message';

export type MessageriePageKind = 'compose' | 'sent' | 'inbox' | 'message';

const COMPOSE_PATH = /\/mail\/(nouveau|nouveau-message|redaction|rediger|compose|new)\/?$/i;
const SENT_PATH = /\/mail\/(envoye|envoy%C3%A9|sent)\/([^/]+)\/?$/i;
/** A folder's list: the inbox, or a folder the counsellor files replies in. */
const INBOX_PATH = /\/mail\/((dossier|dossiers|folder)\/[^/]+|reception|r%C3%A9ception|boite-de-reception|inbox)\/?$/i;
/** One received message. */
const MESSAGE_PATH = /\/mail\/(message|messages|lire|lecture|read|item)\/[^/]+\/?$/i;

/** The message id at the end of `/mail/envoye/{id}`. */
export function messageIdFromPath(url: URL): string | undefined {
  const id = SENT_PATH.exec(url.pathname)?.[2];
  if (!id) return undefined;
  try {
    return decodeURIComponent(id);
  } catch {
    return undefined;
  }
}

const CONTROL = 'input:not([type="hidden"]):not([type="submit"]):not([type="button"]), textarea';

export interface ComposeFields {
  form: HTMLFormElement;
  to: HTMLInputElement | HTMLTextAreaElement;
  cc?: HTMLInputElement | HTMLTextAreaElement;
  subject?: HTMLInputElement;
  body?: HTMLTextAreaElement;
  attachments?: HTMLInputElement;
}

/** The compose form's fields, found by their labels (else by their field names), for the extension to fill. */
export const findComposeFields = perRead(function findComposeFields(document: Document): ComposeFields | undefined {
  if (!document.body) return undefined;
  const fields = fieldsOf(document.body);
  const control = (labels: readonly string[], name: string, selector = CONTROL) =>
    fields.control(labels, selector) ?? document.querySelector(`form [name="${name}"]`);
  const to = control(LABELS.to, 'to');
  const form = to?.closest('form');
  if (!to || !form || !to.matches(CONTROL)) return undefined;
  const inForm = <T extends Element>(e: Element | null | undefined) => (e && form.contains(e) ? (e as T) : undefined);
  const body =
    inForm<HTMLTextAreaElement>(control(LABELS.body, 'body', 'textarea')) ??
    inForm<HTMLTextAreaElement>(form.querySelector('textarea'));
  return {
    form: form as HTMLFormElement,
    to: to as HTMLInputElement,
    cc: inForm(control(LABELS.cc, 'cc')),
    subject: inForm(control(LABELS.subject, 'subject', 'input')),
    body,
    attachments: inForm(control(LABELS.attachments, 'attachments', 'input[type="file"]')),
  };
});

const isLoginForm = (document: Document) => document.querySelector('input[type="password"]') !== null;

/** A heading or status line saying the message was sent. */
function showsSentConfirmation(document: Document): boolean {
  return Array.from(document.querySelectorAll('h1, h2, h3, [role="status"], [role="alert"], p, strong')).some(
    (el) => el.closest('form') === null && SENT_CONFIRMATION.test(textOf(el).slice(0, 200)),
  );
}

/** The webmail's pages are known by their address only (`byContent` changes nothing here). */
export function detect(url: URL, document: Document, _byContent = true): MessageriePageKind | null {
  if (!document.body || isLoginForm(document)) return null;
  if (COMPOSE_PATH.test(url.pathname) && findComposeFields(document)) return 'compose';
  if (messageIdFromPath(url) && showsSentConfirmation(document)) return 'sent';
  if (INBOX_PATH.test(url.pathname) && inboxRows(document) !== undefined) return 'inbox';
  if (MESSAGE_PATH.test(url.pathname) && !findComposeFields(document) && messageHeader(document)) return 'message';
  return null;
}
