/**
 * The counsellor's follow-up settings: reminder delays, working days, notifications.
 * Pure: parsing, defaults and the checks of the options form, with French messages.
 */
import { z } from 'zod';

export const FIRST_FOLLOW_UP_RANGE = { min: 3, max: 30 } as const;
export const SECOND_FOLLOW_UP_RANGE = { min: 4, max: 60 } as const;
export const AUTO_CLOSE_RANGE = { min: 7, max: 120 } as const;

export interface FollowUpSettings {
  /** Days after `sent` when the first follow-up is due. */
  firstFollowUpDays: number;
  /** Days after `sent` when the second follow-up is due; absent, twice the first delay. */
  secondFollowUpDays?: number;
  /** Days after `sent` when a promotion still without answer closes as `no_response`. */
  autoCloseDays: number;
  /** Count Monday–Friday except French public holidays instead of calendar days. */
  workingDays: boolean;
  /** At most one system notification a day when follow-ups are due. */
  notifications: boolean;
}

export const DEFAULT_FOLLOW_UP_SETTINGS: Readonly<FollowUpSettings> = Object.freeze({
  firstFollowUpDays: 7,
  autoCloseDays: 30,
  workingDays: false,
  notifications: true,
});

const days = (label: string, range: { min: number; max: number }) =>
  z
    .number({ error: `${label} : indiquez un nombre de jours.` })
    .int({ error: `${label} : un nombre entier de jours.` })
    .min(range.min, { error: `${label} : ${range.min} jours au moins.` })
    .max(range.max, { error: `${label} : ${range.max} jours au plus.` });

/** Each setting checked on its own: the options form and the administrator's policy (policy.ts) use them. */
export const followUpFields = {
  firstFollowUpDays: days('Première relance', FIRST_FOLLOW_UP_RANGE),
  secondFollowUpDays: days('Deuxième relance', SECOND_FOLLOW_UP_RANGE).optional(),
  autoCloseDays: days('Clôture sans réponse', AUTO_CLOSE_RANGE),
  workingDays: z.boolean({ error: 'Jours ouvrés : oui ou non.' }),
  notifications: z.boolean({ error: 'Notifications : oui ou non.' }),
};

/** The delay of the second follow-up, explicit or twice the first. */
export const secondFollowUpDays = (s: FollowUpSettings): number => s.secondFollowUpDays ?? 2 * s.firstFollowUpDays;

export const followUpSettingsSchema = z.object(followUpFields).superRefine((s, ctx) => {
  const second = secondFollowUpDays(s);
  if (second <= s.firstFollowUpDays) {
    ctx.addIssue({
      code: 'custom',
      path: ['secondFollowUpDays'],
      message: `Deuxième relance : elle doit venir après la première (plus de ${s.firstFollowUpDays} jours).`,
    });
  }
  if (s.autoCloseDays <= second) {
    ctx.addIssue({
      code: 'custom',
      path: ['autoCloseDays'],
      message: `Clôture sans réponse : elle doit venir après la deuxième relance (plus de ${second} jours).`,
    });
  }
});

export type SettingsField = keyof typeof followUpFields;
export type SettingsErrors = Partial<Record<SettingsField, string>>;

/**
 * What is stored, read leniently: a missing or invalid field takes its default, and delays that no
 * longer follow each other fall back to the default delays. Never throws.
 */
export function parseFollowUpSettings(raw: unknown): FollowUpSettings {
  const source = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const settings: FollowUpSettings = { ...DEFAULT_FOLLOW_UP_SETTINGS };
  for (const key of Object.keys(followUpFields) as SettingsField[]) {
    const parsed = followUpFields[key].safeParse(source[key]);
    if (parsed.success && parsed.data !== undefined) (settings as unknown as Record<string, unknown>)[key] = parsed.data;
  }
  if (!followUpSettingsSchema.safeParse(settings).success) {
    const { workingDays, notifications } = settings;
    return { ...DEFAULT_FOLLOW_UP_SETTINGS, workingDays, notifications };
  }
  return settings;
}

/** The options form as typed: numbers as text, the second delay blank for "automatic". */
export interface SettingsForm {
  firstFollowUpDays: string;
  secondFollowUpDays: string;
  autoCloseDays: string;
  workingDays: boolean;
  notifications: boolean;
}

export function toForm(s: FollowUpSettings): SettingsForm {
  return {
    firstFollowUpDays: String(s.firstFollowUpDays),
    secondFollowUpDays: s.secondFollowUpDays === undefined ? '' : String(s.secondFollowUpDays),
    autoCloseDays: String(s.autoCloseDays),
    workingDays: s.workingDays,
    notifications: s.notifications,
  };
}

const asNumber = (text: string): number | undefined => {
  const t = text.trim();
  return t === '' ? undefined : /^-?\d+([.,]\d+)?$/.test(t) ? Number(t.replace(',', '.')) : Number.NaN;
};

/** Checks the form strictly: the counsellor sees each problem in French beside its field. */
export function validateForm(form: SettingsForm): { ok: true; settings: FollowUpSettings } | { ok: false; errors: SettingsErrors } {
  const candidate = {
    firstFollowUpDays: asNumber(form.firstFollowUpDays),
    ...(form.secondFollowUpDays.trim() === '' ? {} : { secondFollowUpDays: asNumber(form.secondFollowUpDays) }),
    autoCloseDays: asNumber(form.autoCloseDays),
    workingDays: form.workingDays,
    notifications: form.notifications,
  };
  const parsed = followUpSettingsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors: SettingsErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as SettingsField;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
