/**
 * Sign-in with OpenID Connect for an extension (public client, no secret): authorization code + PKCE S256
 * (RFC 7636), discovery with the issuer checked, `state`, the `iss` response parameter (RFC 9207), the API's
 * `resource` (RFC 8707), `offline_access` when the provider offers it, and the refresh of the access token
 * with the refresh token rotated (RFC 6749 6, OAuth 2.0 Security BCP 4.14). Pure protocol: the browser window,
 * the storage and the clock come from the caller.
 */
import { z } from 'zod';
import type { OidcSettings } from './settings';
import type { FetchLike } from './transport';

export interface OidcSession {
  accessToken: string;
  /** Epoch ms; absent when the provider did not say. */
  expiresAt?: number;
  /** Kept only in session storage; replaced at each refresh when the provider rotates it. */
  refreshToken?: string;
  /** Which provider and client issued it: a session is dropped when the settings name another. */
  issuer: string;
  clientId: string;
  /** Epoch ms of the last interactive sign-in. */
  signedInAt: number;
}

export class SignInError extends Error {
  override name = 'SignInError';
}

/** Renewal failed. `retry`: the provider could not be reached (try again later); else a new sign-in is needed. */
export class RenewalError extends Error {
  override name = 'RenewalError';
  constructor(
    message: string,
    readonly retry: boolean,
  ) {
    super(message);
  }
}

const discoverySchema = z.object({
  issuer: z.string().min(1),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  scopes_supported: z.array(z.string()).optional(),
  authorization_response_iss_parameter_supported: z.boolean().optional(),
});
export type ProviderMetadata = z.infer<typeof discoverySchema>;

const tokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().positive().optional(),
  refresh_token: z.string().min(1).optional(),
});

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const randomString = (bytes = 32) => base64url(crypto.getRandomValues(new Uint8Array(bytes)));

/** `code_verifier` (43 characters) and its S256 `code_challenge`. */
export async function createPkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = randomString(32);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: base64url(new Uint8Array(digest)) };
}

const sameIssuer = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

export interface SignInDeps {
  fetch?: FetchLike;
  /**
   * Shows the provider's page and resolves with the URL it redirected to (`browser.identity.launchWebAuthFlow`);
   * `interactive: false` must not show anything (a silent renewal with the provider's own session).
   */
  launch: (url: string, interactive: boolean) => Promise<string | undefined>;
  /** The extension's redirect URL (`browser.identity.getRedirectURL()`), registered at the provider. */
  redirectUri: string;
  now?: () => number;
}

const fetchOf = (deps: { fetch?: FetchLike }): FetchLike => deps.fetch ?? ((url, init) => fetch(url, init));

/** The provider's description, whose `issuer` must be the one configured (a lookalike could not answer for it). */
export async function discover(issuer: string, fetchFn: FetchLike): Promise<ProviderMetadata> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let response: Response;
  try {
    response = await fetchFn(url, { headers: { accept: 'application/json' } });
  } catch {
    throw new SignInError("Fournisseur d'identité injoignable : vérifiez le réseau et son adresse dans les options.");
  }
  const parsed = discoverySchema.safeParse(response.ok ? await response.json().catch(() => null) : null);
  if (!parsed.success) throw new SignInError("Fournisseur d'identité mal configuré : sa description OpenID Connect est illisible.");
  if (!sameIssuer(parsed.data.issuer, issuer)) {
    throw new SignInError(`Fournisseur d'identité inattendu : il se présente comme ${parsed.data.issuer}, pas ${issuer}.`);
  }
  return parsed.data;
}

/** The scopes asked: the configured ones, `offline_access` added when the provider lists it. */
export function requestedScopes(settings: OidcSettings, metadata: ProviderMetadata): string {
  const words = new Set(settings.scopes.split(/\s+/).filter(Boolean));
  words.add('openid');
  if (metadata.scopes_supported?.includes('offline_access')) words.add('offline_access');
  return [...words].join(' ');
}

async function tokenRequest(endpoint: string, form: Record<string, string>, fetchFn: FetchLike): Promise<Response> {
  return fetchFn(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams(form).toString(),
  });
}

function sessionFrom(token: z.infer<typeof tokenSchema>, base: Omit<OidcSession, 'accessToken' | 'expiresAt'>, now: number): OidcSession {
  return {
    ...base,
    accessToken: token.access_token,
    ...(token.expires_in ? { expiresAt: now + token.expires_in * 1000 } : {}),
    ...(token.refresh_token ? { refreshToken: token.refresh_token } : {}),
  };
}

/**
 * Signs in: interactive (the counsellor sees the provider's pages), or silent (`prompt=none`, no window: works
 * only while the provider still has a session in this browser).
 */
export async function signInWithPkce(
  settings: OidcSettings,
  deps: SignInDeps,
  mode: { interactive: boolean } = { interactive: true },
): Promise<OidcSession> {
  const fetchFn = fetchOf(deps);
  const now = deps.now ?? Date.now;
  const metadata = await discover(settings.issuer, fetchFn);
  const { verifier, challenge } = await createPkcePair();
  const state = randomString(16);
  const scope = requestedScopes(settings, metadata);
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: deps.redirectUri,
    scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  if (settings.resource) params.set('resource', settings.resource);
  // OpenID Connect Core 11: a provider issues a refresh token for offline_access only after consent was asked.
  if (!mode.interactive) params.set('prompt', 'none');
  else if (scope.split(' ').includes('offline_access')) params.set('prompt', 'consent');
  const authorize = new URL(metadata.authorization_endpoint);
  for (const [k, v] of params) authorize.searchParams.set(k, v);

  let redirected: string | undefined;
  try {
    redirected = await deps.launch(authorize.href, mode.interactive);
  } catch {
    throw new SignInError(mode.interactive ? 'Connexion annulée ou impossible : réessayez.' : 'Reconnexion silencieuse impossible.');
  }
  if (!redirected) throw new SignInError('Connexion annulée : réessayez.');
  const back = new URL(redirected);
  const answer = back.searchParams.has('state') ? back.searchParams : new URLSearchParams(back.hash.slice(1));
  if (answer.get('state') !== state) throw new SignInError('Réponse de connexion inattendue (state) : réessayez.');
  // RFC 9207: the answer names who sent it, so a mix-up with another provider cannot hand us its code.
  const iss = answer.get('iss');
  if (iss !== null ? iss !== metadata.issuer : metadata.authorization_response_iss_parameter_supported === true) {
    throw new SignInError("Réponse de connexion d'un autre fournisseur d'identité (iss) : connexion refusée.");
  }
  if (answer.get('error')) throw new SignInError(`Connexion refusée par le fournisseur d'identité (${answer.get('error')}).`);
  const code = answer.get('code');
  if (!code) throw new SignInError('Réponse de connexion incomplète : aucun code reçu.');

  let response: Response;
  try {
    response = await tokenRequest(
      metadata.token_endpoint,
      {
        grant_type: 'authorization_code',
        code,
        redirect_uri: deps.redirectUri,
        client_id: settings.clientId,
        code_verifier: verifier,
        ...(settings.resource ? { resource: settings.resource } : {}),
      },
      fetchFn,
    );
  } catch {
    throw new SignInError(
      "Fournisseur d'identité injoignable pendant la connexion, ou qui refuse l'origine de l'extension (CORS) : voir docs/deploy.md, « Fournisseur d'identité ».",
    );
  }
  const token = tokenSchema.safeParse(response.ok ? await response.json().catch(() => null) : null);
  if (!token.success) throw new SignInError(`Jeton refusé par le fournisseur d'identité (${response.status}) : réessayez.`);
  return sessionFrom(token.data, { issuer: settings.issuer, clientId: settings.clientId, signedInAt: now() }, now());
}

/** A new access token from the refresh token; the provider's new refresh token replaces the old one. */
export async function refreshSession(
  settings: OidcSettings,
  session: OidcSession,
  deps: { fetch?: FetchLike; now?: () => number },
): Promise<OidcSession> {
  if (!session.refreshToken) throw new RenewalError('Aucun jeton de renouvellement : reconnexion nécessaire.', false);
  const fetchFn = fetchOf(deps);
  const now = deps.now ?? Date.now;
  let metadata: ProviderMetadata;
  try {
    metadata = await discover(settings.issuer, fetchFn);
  } catch (err) {
    throw new RenewalError((err as Error).message, true);
  }
  let response: Response;
  try {
    response = await tokenRequest(
      metadata.token_endpoint,
      {
        grant_type: 'refresh_token',
        refresh_token: session.refreshToken,
        client_id: settings.clientId,
        ...(settings.resource ? { resource: settings.resource } : {}),
      },
      fetchFn,
    );
  } catch {
    throw new RenewalError("Fournisseur d'identité injoignable : nouvel essai plus tard.", true);
  }
  if (response.status >= 500) throw new RenewalError(`Fournisseur d'identité en erreur (${response.status}) : nouvel essai plus tard.`, true);
  const token = tokenSchema.safeParse(response.ok ? await response.json().catch(() => null) : null);
  // 400 invalid_grant: expired, revoked, or already used (rotation): only a new sign-in helps.
  if (!token.success) throw new RenewalError(`Renouvellement refusé par le fournisseur d'identité (${response.status}).`, false);
  return sessionFrom(
    { ...token.data, refresh_token: token.data.refresh_token ?? session.refreshToken },
    { issuer: session.issuer, clientId: session.clientId, signedInAt: session.signedInAt },
    now(),
  );
}

/** Margin before expiry: a token this close to its end is renewed first. */
export const EXPIRY_MARGIN_MS = 30_000;

/** A session still usable (with the margin before expiry). */
export const isSessionValid = (s: OidcSession | undefined, now: number): s is OidcSession =>
  Boolean(s?.accessToken) && (s!.expiresAt === undefined || s!.expiresAt - EXPIRY_MARGIN_MS > now);

/** The session belongs to the provider and client now configured. */
export const sessionMatches = (s: OidcSession | undefined, settings: OidcSettings | undefined): s is OidcSession =>
  Boolean(s && settings && sameIssuer(s.issuer, settings.issuer) && s.clientId === settings.clientId);
