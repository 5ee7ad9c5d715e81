/**
 * Fills the webmail's new-message form, so the counsellor only checks and presses « Envoyer ».
 * Fields are found by their French labels (then by usual names), like the readers: a redesign
 * that keeps the labels keeps working.
 */
import { findComposeFields } from '@/lib/adapters/messagerie/detect';

export interface Attachment {
  fileName: string;
  type: string;
  base64: string;
}
export interface ComposeFill {
  to: string[];
  subject: string;
  body: string;
  attachment?: Attachment;
  /** Several files (a shortlist: the CV of each named profile), after `attachment`. */
  attachments?: Attachment[];
}

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * Checks a fill command from the background. Hand-written rather than zod: this runs in the
 * webmail's content script, which must stay small.
 */
export function parseComposeFill(value: unknown): ComposeFill {
  const v = value as Partial<ComposeFill> | null;
  const a = v?.attachment;
  const many = v?.attachments;
  const validFile = (f: Attachment | undefined) =>
    f === undefined || (isText(f.fileName, 255) && f.fileName.length > 0 && isText(f.type, 100) && isText(f.base64, 30_000_000));
  const valid =
    !!v &&
    Array.isArray(v.to) &&
    v.to.length > 0 &&
    v.to.every((t) => isText(t, 254) && EMAIL.test(t)) &&
    isText(v.subject, 255) &&
    v.subject.length > 0 &&
    isText(v.body, 20_000) &&
    validFile(a) &&
    (many === undefined || (Array.isArray(many) && many.length <= 10 && many.every((f) => !!f && validFile(f))));
  if (!valid) throw new Error('Demande de remplissage invalide.');
  return { to: v.to!, subject: v.subject!, body: v.body!, ...(a ? { attachment: a } : {}), ...(many?.length ? { attachments: many } : {}) };
}

type Control = HTMLInputElement | HTMLTextAreaElement;

function setValue(control: Control, value: string): void {
  // The native setter, then events, so page scripts (frameworks included) see the change as typed.
  const proto = Object.getPrototypeOf(control) as object;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(control, value);
  control.dispatchEvent(new Event('input', { bubbles: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

function decodeBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export type FillOutcome = { filled: true; attached: boolean } | { filled: false; reason: string };

export function fillCompose(doc: Document, fill: ComposeFill): FillOutcome {
  // The messagerie reader's own lookup of the form (labels first, then field names): one definition of the form.
  const fields = findComposeFields(doc);
  if (!fields?.subject || !fields.body) {
    return { filled: false, reason: "Le formulaire de nouveau message n'a pas été trouvé : la messagerie a peut-être changé." };
  }
  setValue(fields.to, fill.to.join(', '));
  setValue(fields.subject, fill.subject);
  // The webmail pre-fills the counsellor's signature: the pitch goes above it.
  const signature = fields.body.value.trim();
  setValue(fields.body, signature ? `${fill.body}\n\n${signature}` : fill.body);
  let attached = false;
  const files = [...(fill.attachment ? [fill.attachment] : []), ...(fill.attachments ?? [])];
  if (files.length > 0 && fields.attachments) {
    const win = doc.defaultView!;
    const transfer = new win.DataTransfer();
    for (const file of files) {
      transfer.items.add(new win.File([decodeBase64(file.base64)], file.fileName, { type: file.type || 'application/pdf' }));
    }
    fields.attachments.files = transfer.files;
    fields.attachments.dispatchEvent(new Event('change', { bubbles: true }));
    attached = true;
  }
  fields.to.focus();
  return { filled: true, attached };
}
