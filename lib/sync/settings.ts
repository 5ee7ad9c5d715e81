/**
 * Synchronisation settings: the central endpoint's address and how the counsellor signs in (OpenID Connect
 * with PKCE against the agents' identity provider, or a development token for the demo). Pure: parsing,
 * build-time defaults and the checks of the options form, with French messages.
 */
import { z } from 'zod';
import { DEV_TOKEN, OIDC_CLIENT_ID, OIDC_ISSUER, SERVER_URL } from '../config';

export const SYNC_SETTINGS_KEY = 'settings.sync';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  /** Requested scopes; `openid` at least. */
  scope: string;
}

export interface SyncSettings {
  serverUrl: string;
  /** Development tokens (`server/dev-tokens.*.json`) only: never on a production endpoint. */
  devToken?: string;
  oidc?: OidcSettings;
}

const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\]|[a-z0-9-]+\.localhost)$/i;

/** https, or http on this machine (the demo). */
export function isAllowedServerUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password || url.search || url.hash) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOST.test(url.hostname));
}

const serverUrlSchema = z
  .string()
  .trim()
  .min(1, { error: 'Adresse du serveur : valeur obligatoire.' })
  .refine(isAllowedServerUrl, {
    error: 'Adresse du serveur : une adresse https://… est attendue (http:// seulement sur ce poste, pour la démonstration).',
  })
  .transform((v) => v.replace(/\/+$/, ''));

const issuerSchema = z
  .string()
  .trim()
  .refine((v) => isAllowedServerUrl(v), { error: "Fournisseur d'identité : une adresse https://… est attendue." })
  .transform((v) => v.replace(/\/+$/, ''));

export const syncSettingsSchema = z.object({
  serverUrl: serverUrlSchema,
  devToken: z
    .string()
    .trim()
    .max(8192, { error: 'Jeton de développement : 8192 caractères au plus.' })
    .regex(/^[\x21-\x7e]*$/, { error: 'Jeton de développement : ni espace ni caractère accentué.' })
    .optional()
    .transform((v) => v || undefined),
  oidc: z
    .object({
      issuer: issuerSchema,
      clientId: z.string().trim().min(1, { error: 'Identifiant client : valeur obligatoire.' }).max(200),
      scope: z.string().trim().min(1).max(500).default('openid profile'),
    })
    .optional(),
});

export function defaultSyncSettings(): SyncSettings {
  return {
    serverUrl: SERVER_URL.replace(/\/+$/, ''),
    ...(DEV_TOKEN ? { devToken: DEV_TOKEN } : {}),
    ...(OIDC_ISSUER && OIDC_CLIENT_ID ? { oidc: { issuer: OIDC_ISSUER, clientId: OIDC_CLIENT_ID, scope: 'openid profile' } } : {}),
  };
}

/** Stored settings, or the build-time defaults when there are none or they no longer parse. */
export function parseSyncSettings(raw: unknown): SyncSettings {
  if (raw === undefined || raw === null) return defaultSyncSettings();
  const parsed = syncSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : defaultSyncSettings();
}

/** The options form, as typed. */
export interface SyncSettingsForm {
  serverUrl: string;
  devToken: string;
  issuer: string;
  clientId: string;
}

export type SyncSettingsField = keyof SyncSettingsForm;
export type SyncSettingsErrors = Partial<Record<SyncSettingsField, string>>;

export const toSyncForm = (s: SyncSettings): SyncSettingsForm => ({
  serverUrl: s.serverUrl,
  devToken: s.devToken ?? '',
  issuer: s.oidc?.issuer ?? '',
  clientId: s.oidc?.clientId ?? '',
});

export function validateSyncForm(
  form: SyncSettingsForm,
): { ok: true; settings: SyncSettings } | { ok: false; errors: SyncSettingsErrors } {
  const errors: SyncSettingsErrors = {};
  const issuer = form.issuer.trim();
  const clientId = form.clientId.trim();
  if (issuer && !clientId) errors.clientId = 'Identifiant client : obligatoire avec un fournisseur d’identité.';
  if (clientId && !issuer) errors.issuer = "Fournisseur d'identité : obligatoire avec un identifiant client.";
  const parsed = syncSettingsSchema.safeParse({
    serverUrl: form.serverUrl,
    devToken: form.devToken,
    ...(issuer && clientId ? { oidc: { issuer, clientId } } : {}),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = (issue.path[0] === 'oidc' ? issue.path[1] : issue.path[0]) as SyncSettingsField;
      errors[field] ??= issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, settings: parsed.data };
}
