/**
 * Sign-in with OpenID Connect, authorisation code + PKCE (RFC 7636), for an extension (public client, no
 * secret): the browser shows the identity provider's page (`launchWebAuthFlow`), the code comes back on the
 * extension's redirect URL and is exchanged for an access token, kept in session storage only.
 */
import { z } from 'zod';
import type { FetchLike } from './transport';
import type { OidcSettings } from './settings';

export interface OidcSession {
  accessToken: string;
  /** Epoch ms; absent when the provider did not say. */
  expiresAt?: number;
}

export class SignInError extends Error {
  override name = 'SignInError';
}

const discoverySchema = z.object({ authorization_endpoint: z.url(), token_endpoint: z.url() });
const tokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().positive().optional(),
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

export interface SignInDeps {
  fetch?: FetchLike;
  /** Shows the provider's page; resolves with the URL it redirected to (`browser.identity.launchWebAuthFlow`). */
  launch: (url: string) => Promise<string | undefined>;
  /** The extension's redirect URL (`browser.identity.getRedirectURL()`), registered at the provider. */
  redirectUri: string;
  now?: () => number;
}

async function discover(issuer: string, fetchFn: FetchLike) {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let response: Response;
  try {
    response = await fetchFn(url, { headers: { accept: 'application/json' } });
  } catch {
    throw new SignInError("Fournisseur d'identité injoignable : vérifiez le réseau et son adresse dans les options.");
  }
  const parsed = discoverySchema.safeParse(response.ok ? await response.json().catch(() => null) : null);
  if (!parsed.success) throw new SignInError("Fournisseur d'identité mal configuré : sa description OpenID Connect est illisible.");
  return parsed.data;
}

export async function signInWithPkce(settings: OidcSettings, deps: SignInDeps): Promise<OidcSession> {
  const fetchFn: FetchLike = deps.fetch ?? ((url, init) => fetch(url, init));
  const now = deps.now ?? Date.now;
  const endpoints = await discover(settings.issuer, fetchFn);
  const { verifier, challenge } = await createPkcePair();
  const state = randomString(16);
  const authorize = new URL(endpoints.authorization_endpoint);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: deps.redirectUri,
    scope: settings.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();

  let redirected: string | undefined;
  try {
    redirected = await deps.launch(authorize.href);
  } catch {
    throw new SignInError('Connexion annulée ou impossible : réessayez.');
  }
  if (!redirected) throw new SignInError('Connexion annulée : réessayez.');
  const back = new URL(redirected);
  const params = back.searchParams.has('state') ? back.searchParams : new URLSearchParams(back.hash.slice(1));
  if (params.get('state') !== state) throw new SignInError('Réponse de connexion inattendue (state) : réessayez.');
  if (params.get('error')) throw new SignInError(`Connexion refusée par le fournisseur d'identité (${params.get('error')}).`);
  const code = params.get('code');
  if (!code) throw new SignInError("Réponse de connexion incomplète : aucun code reçu.");

  let response: Response;
  try {
    response = await fetchFn(endpoints.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: deps.redirectUri,
        client_id: settings.clientId,
        code_verifier: verifier,
      }).toString(),
    });
  } catch {
    throw new SignInError("Fournisseur d'identité injoignable pendant la connexion : réessayez.");
  }
  const token = tokenSchema.safeParse(response.ok ? await response.json().catch(() => null) : null);
  if (!token.success) throw new SignInError(`Jeton refusé par le fournisseur d'identité (${response.status}) : réessayez.`);
  return {
    accessToken: token.data.access_token,
    ...(token.data.expires_in ? { expiresAt: now() + token.data.expires_in * 1000 } : {}),
  };
}

/** A session still usable (30 s of margin before expiry). */
export const isSessionValid = (s: OidcSession | undefined, now: number): s is OidcSession =>
  Boolean(s?.accessToken) && (s!.expiresAt === undefined || s!.expiresAt - 30_000 > now);
