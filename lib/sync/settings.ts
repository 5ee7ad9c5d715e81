/**
 * Synchronisation settings: the central endpoint's address and how the counsellor signs in (OpenID Connect
 * with PKCE against the agents' identity provider, or a development token for the demo). Pure: the one
 * schema of these settings (stored options and build-time defaults go through it; the policy's keys are checked
 * by the same field schemas, settings-fields.ts), the precedence policy > options > build defaults, the checks
 * of the options form, with French messages.
 */
import { z } from 'zod';
import { DEV_TOKEN, OIDC_CLIENT_ID, OIDC_ISSUER, OIDC_RESOURCE, OIDC_SCOPES, SERVER_URL } from '../config';
import type { Policy } from '../settings/policy';
import { issuerSchema, resourceSchema, scopesSchema, serverUrlSchema } from './settings-fields';

export { isAllowedServerUrl } from './settings-fields';

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

/** Which policy key locks which field of the options form. */
const POLICY_FIELD: Partial<Record<keyof Policy, SyncSettingsField>> = {
  serverUrl: 'serverUrl',
  oidcIssuer: 'issuer',
  oidcClientId: 'clientId',
  oidcResource: 'resource',
  oidcScopes: 'scopes',
};

/** The fields the administrator's policy sets: shown locked in the options. */
export const lockedSyncFields = (policy: Policy): SyncSettingsField[] =>
  (Object.entries(POLICY_FIELD) as [keyof Policy, SyncSettingsField][]).filter(([key]) => policy[key] !== undefined).map(([, field]) => field);

/** The options form of the settings in force, the policy's values shown even where they are not used yet (a provider without client id). */
export function toSyncFormUnder(settings: SyncSettings, policy: Policy): SyncSettingsForm {
  const form = toSyncForm(settings);
  for (const [key, field] of Object.entries(POLICY_FIELD) as [keyof Policy, SyncSettingsField][]) {
    const value = policy[key];
    if (typeof value === 'string') form[field] = value;
  }
  return form;
}

const buildScopes = () => scopesSchema.safeParse(OIDC_SCOPES).data ?? 'openid profile';

/**
 * Policy > options > build defaults, field by field: a policy may name the provider and leave the client id to
 * the options (or the build), and the other way round. The provider is used once both are known.
 */
export function applySyncPolicy(stored: SyncSettings, policy: Policy): SyncSettings {
  const issuer = policy.oidcIssuer ?? stored.oidc?.issuer;
  const clientId = policy.oidcClientId ?? stored.oidc?.clientId;
  const resource = policy.oidcResource ?? (stored.oidc ? stored.oidc.resource : resourceSchema.safeParse(OIDC_RESOURCE).data);
  return {
    serverUrl: policy.serverUrl ?? stored.serverUrl,
    ...(stored.devToken ? { devToken: stored.devToken } : {}),
    ...(issuer && clientId
      ? { oidc: { issuer, clientId, scopes: policy.oidcScopes ?? stored.oidc?.scopes ?? buildScopes(), ...(resource ? { resource } : {}) } }
      : {}),
  };
}

/**
 * What the options page saves: the counsellor's values, never over the policy's. A locked field keeps the
 * counsellor's earlier value; with none, the value in force is kept, so that the fields typed beside it (a
 * client id beside a locked provider) are not lost.
 */
export function syncToStore(edited: SyncSettings, previous: SyncSettings, policy: Policy): SyncSettings {
  const form = toSyncForm(edited);
  const before = toSyncForm(previous);
  for (const field of lockedSyncFields(policy)) if (before[field]) form[field] = before[field];
  const checked = validateSyncForm(form);
  return checked.ok ? checked.settings : edited;
}
