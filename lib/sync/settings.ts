/**
 * Synchronisation settings: the central endpoint's address and how the counsellor signs in (OpenID Connect
 * with PKCE against the agents' identity provider, or a development token for the demo). Pure: the one
 * schema of these settings (stored options, build-time defaults, and later policies all go through it), the
 * checks of the options form, with French messages.
 */
import { z } from 'zod';
import { DEV_TOKEN, OIDC_CLIENT_ID, OIDC_ISSUER, OIDC_RESOURCE, OIDC_SCOPES, SERVER_URL } from '../config';

export const SYNC_SETTINGS_KEY = 'settings.sync';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  /** Requested scopes, space-separated; `openid` always. */
  scopes: string;
  /** The API's resource indicator (RFC 8707), e.g. `https://profilence.intranet.example`; none = not sent. */
  resource?: string;
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

/** Without its trailing slash: the provider's discovery document is compared either way (lib/sync/oidc.ts). */
const issuerSchema = z
  .string()
  .trim()
  .refine((v) => isAllowedServerUrl(v), { error: "Fournisseur d'identité : une adresse https://… est attendue." })
  .transform((v) => v.replace(/\/+$/, ''));

/** Scopes as the provider spells them: no quotes, no backslash (RFC 6749 3.3); `openid` added when missing. */
const scopesSchema = z
  .string()
  .trim()
  .max(500, { error: 'Étendues demandées : 500 caractères au plus.' })
  .regex(/^[\x21\x23-\x5b\x5d-\x7e ]*$/, { error: 'Étendues demandées : des mots séparés par des espaces, sans guillemets ni caractères accentués.' })
  .transform((v) => {
    const words = v.split(/\s+/).filter(Boolean);
    return [...new Set(['openid', ...words])].join(' ');
  });

/** RFC 8707: an absolute URI without fragment. */
const resourceSchema = z
  .string()
  .trim()
  .max(500)
  .refine((v) => !v || (URL.canParse(v) && !v.includes('#')), { error: 'Ressource (audience) : une adresse absolue sans « # » est attendue, par exemple https://profilence.intranet.example.' })
  .transform((v) => v || undefined);

export const oidcSettingsSchema = z.object({
  issuer: issuerSchema,
  clientId: z.string().trim().min(1, { error: 'Identifiant client : valeur obligatoire.' }).max(200),
  scopes: scopesSchema.default('openid profile'),
  resource: resourceSchema.optional(),
});

export const syncSettingsSchema = z.object({
  serverUrl: serverUrlSchema,
  devToken: z
    .string()
    .trim()
    .max(8192, { error: 'Jeton de développement : 8192 caractères au plus.' })
    .regex(/^[\x21-\x7e]*$/, { error: 'Jeton de développement : ni espace ni caractère accentué.' })
    .optional()
    .transform((v) => v || undefined),
  oidc: oidcSettingsSchema.optional(),
});

export function defaultSyncSettings(): SyncSettings {
  const oidc = OIDC_ISSUER && OIDC_CLIENT_ID ? oidcSettingsSchema.safeParse({ issuer: OIDC_ISSUER, clientId: OIDC_CLIENT_ID, scopes: OIDC_SCOPES, resource: OIDC_RESOURCE }) : undefined;
  return {
    serverUrl: SERVER_URL.replace(/\/+$/, ''),
    ...(DEV_TOKEN ? { devToken: DEV_TOKEN } : {}),
    ...(oidc?.success ? { oidc: oidc.data } : {}),
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
  resource: string;
  scopes: string;
}

export type SyncSettingsField = keyof SyncSettingsForm;
export type SyncSettingsErrors = Partial<Record<SyncSettingsField, string>>;

export const toSyncForm = (s: SyncSettings): SyncSettingsForm => ({
  serverUrl: s.serverUrl,
  devToken: s.devToken ?? '',
  issuer: s.oidc?.issuer ?? '',
  clientId: s.oidc?.clientId ?? '',
  // Without a provider yet, the build's defaults pre-fill the provider's fields.
  resource: s.oidc ? (s.oidc.resource ?? '') : OIDC_RESOURCE,
  scopes: s.oidc?.scopes ?? OIDC_SCOPES,
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
    ...(issuer && clientId ? { oidc: { issuer, clientId, scopes: form.scopes, resource: form.resource } } : {}),
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
