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
  const valid =
    !!v &&
    Array.isArray(v.to) &&
    v.to.length > 0 &&
    v.to.every((t) => isText(t, 254) && EMAIL.test(t)) &&
    isText(v.subject, 255) &&
    v.subject.length > 0 &&
    isText(v.body, 20_000) &&
    (a === undefined || (isText(a.fileName, 255) && a.fileName.length > 0 && isText(a.type, 100) && isText(a.base64, 30_000_000)));
  if (!valid) throw new Error('Demande de remplissage invalide.');
  return { to: v.to!, subject: v.subject!, body: v.body!, ...(a ? { attachment: a } : {}) };
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
  if (fill.attachment && fields.attachments) {
    const win = doc.defaultView!;
    const transfer = new win.DataTransfer();
    const bytes = decodeBase64(fill.attachment.base64);
    transfer.items.add(new win.File([bytes], fill.attachment.fileName, { type: fill.attachment.type || 'application/pdf' }));
    fields.attachments.files = transfer.files;
    fields.attachments.dispatchEvent(new Event('change', { bubbles: true }));
    attached = true;
  }
  fields.to.focus();
  return { filled: true, attached };
}
