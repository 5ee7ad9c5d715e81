/**
 * Build-time settings of the extension (WXT exposes WXT_* variables as import.meta.env).
 * Defaults serve the demo started by `npm start`. The tools' page addresses can be replaced by the
 * administrator's policy (lib/settings/policy.ts): the `…UrlFor` functions apply it.
 */
import { loadPolicy } from './settings/policy-store';

const env = import.meta.env as Record<string, string | undefined>;

/** The webmail's new-message page; an open webmail tab is reused at the same path on its own origin. */
export const COMPOSE_URL = env.WXT_PROFILENCE_COMPOSE_URL ?? 'http://messagerie.localhost:8090/mail/nouveau';
export const SERVER_URL = env.WXT_PROFILENCE_SERVER_URL ?? 'http://localhost:8787';
export const DEV_TOKEN = env.WXT_PROFILENCE_DEV_TOKEN ?? '';
/** The agents' identity provider (OpenID Connect, sign-in with PKCE) and this extension's client id there. */
export const OIDC_ISSUER = env.WXT_PROFILENCE_OIDC_ISSUER ?? '';
export const OIDC_CLIENT_ID = env.WXT_PROFILENCE_OIDC_CLIENT_ID ?? '';
/** The API's resource indicator (RFC 8707) asked for at sign-in, so the provider issues tokens for it. */
export const OIDC_RESOURCE = env.WXT_PROFILENCE_OIDC_RESOURCE ?? '';
/** Scopes asked at sign-in; `offline_access` is added when the provider offers it. */
export const OIDC_SCOPES = env.WXT_PROFILENCE_OIDC_SCOPES ?? 'openid profile';

/** The webmail's new-message page (policy, else build); an open webmail tab lends its origin. */
export async function composeUrlFor(openWebmailUrl?: string): Promise<string> {
  const composeUrl = (await loadPolicy()).composeUrl ?? COMPOSE_URL;
  if (!openWebmailUrl) return composeUrl;
  const configured = new URL(composeUrl);
  return new URL(configured.pathname + configured.search, new URL(openWebmailUrl).origin).href;
}

/** A job-seeker file and an establishment page of the legacy tools; `{ftId}` and `{siret}` are replaced. */
export const JOB_SEEKER_URL = env.WXT_PROFILENCE_JOB_SEEKER_URL ?? 'http://dossiers.localhost:8090/dossier/{ftId}';
export const ESTABLISHMENT_URL = env.WXT_PROFILENCE_ESTABLISHMENT_URL ?? 'http://entreprises.localhost:8090/etablissement/{siret}';

/** The template filled in; an open tab of the same tool lends its origin, as `composeUrlFor` does. */
function fillTemplate(template: string, key: string, value: string, openToolUrl?: string): string {
  const filled = template.replace(`{${key}}`, encodeURIComponent(value));
  if (!openToolUrl) return filled;
  const configured = new URL(filled);
  return new URL(configured.pathname + configured.search, new URL(openToolUrl).origin).href;
}

/** A job seeker's file: the policy's template, else the build's. */
export async function jobSeekerUrlFor(ftId: string, openToolUrl?: string): Promise<string> {
  return fillTemplate((await loadPolicy()).jobSeekerUrlTemplate ?? JOB_SEEKER_URL, 'ftId', ftId, openToolUrl);
}

/** An establishment's page: the policy's template, else the build's. */
export async function establishmentUrlFor(siret: string, openToolUrl?: string): Promise<string> {
  return fillTemplate((await loadPolicy()).establishmentUrlTemplate ?? ESTABLISHMENT_URL, 'siret', siret, openToolUrl);
}
