/**
 * What a counsellor may still change in a promotion. Before it is sent, everything the employer will
 * receive (contact, job, mode, channel, message); once sent, only the contact (the person who answered
 * may not be the one written to). Pure: the extension applies it, the server may too.
 */
import type { PromotionStatus } from './status';

export const EDITABLE_BEFORE_SENDING = ['contact', 'rome', 'mode', 'channel', 'pitch'] as const;
export const EDITABLE_AFTER_SENDING = ['contact'] as const;
export type EditableField = (typeof EDITABLE_BEFORE_SENDING)[number];

/** How each field is named to the counsellor. */
export const EDITABLE_FIELD_LABELS: Record<EditableField, string> = {
  contact: "l'interlocuteur",
  rome: 'le métier proposé',
  mode: 'le mode',
  channel: 'le canal',
  pitch: 'le message',
};

export function editableFields(status: PromotionStatus): readonly EditableField[] {
  return status === 'draft' ? EDITABLE_BEFORE_SENDING : EDITABLE_AFTER_SENDING;
}

/** The French refusal for changes the status no longer allows, or `undefined` when they are all allowed. */
export function editRefusal(status: PromotionStatus, fields: readonly string[]): string | undefined {
  const allowed: readonly string[] = editableFields(status);
  const refused = fields.filter((f): f is EditableField => !allowed.includes(f));
  if (!refused.length) return undefined;
  const names = refused.map((f) => EDITABLE_FIELD_LABELS[f] ?? f).join(', ');
  return `Promotion déjà envoyée : seul l'interlocuteur peut encore changer (pas ${names}).`;
}
