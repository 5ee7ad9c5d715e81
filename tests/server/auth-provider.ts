/**
 * A real OpenID Connect provider in the test process: panva's `oidc-provider` (the certified library), on
 * loopback, with its development login and consent pages. JWT access tokens for the Profilence API when asked
 * with `resource` (RFC 8707), custom agency/role/name claims, refresh tokens rotated at each use, short
 * lifetimes, introspection for the API's confidential client, and signing-key rotation.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { errors } from 'oidc-provider';
import { createMemoryAdapter } from 'oidc-provider/lib/adapters/memory_adapter.js';

export const API_RESOURCE = 'https://api.profilence.test';
export const API_SCOPE = 'sync';
export const EXTENSION_CLIENT = 'profilence-extension';
export const API_CLIENT = { id: 'profilence-api', secret: 'secret-de-test-de-l-api-profilence' };

export interface Account {
  name: string;
  given_name?: string;
  family_name?: string;
  /** The provider's custom claims, as an agents' directory would give them. */
  safir: string;
  groups: string[];
}

export const ACCOUNTS: Record<string, Account> = {
  'jeanne.martin': { name: 'Jeanne MARTIN', given_name: 'Jeanne', family_name: 'MARTIN', safir: '69031', groups: ['GRP_CONSEILLERS'] },
  'sophie.leroy': { name: 'Sophie LEROY', safir: '69031', groups: ['GRP_CONSEILLERS', 'GRP_MANAGERS'] },
};

export interface ProviderOptions {
  redirectUris: string[];
  /** Seconds. */
  accessTokenTtl?: number;
  refreshTokenTtl?: number;
  /** `opaque`: access tokens for the API are opaque (introspection). */
  accessTokenFormat?: 'jwt' | 'opaque';
  /** Put the display name in the access token (most providers do not). */
  nameInAccessToken?: boolean;
  /** Origins allowed by CORS on the token endpoint (the provider's setting for public clients). */
  corsOrigins?: string[];
}

export interface RealProvider {
  issuer: string;
  /** Signs with a new key from now on; the old key stays published (a rotation, as providers do it). */
  rotateSigningKey(): Promise<void>;
  /** Token endpoint requests seen, by grant type. */
  tokenRequests: { grant: string; origin?: string }[];
  /** Forms the user submitted on the provider's pages (login, consent): what an interactive sign-in costs. */
  formSubmissions: string[];
  /** Introspection requests received (RFC 7662). */
  introspections(): number;
  close(): Promise<void>;
}

async function signingKey(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
}

function configuration(options: ProviderOptions, keys: JWK[], adapter: unknown) {
  const ttl = options.accessTokenTtl ?? 60;
  return {
    clients: [
      {
        client_id: EXTENSION_CLIENT,
        token_endpoint_auth_method: 'none',
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
      { client_id: API_CLIENT.id, client_secret: API_CLIENT.secret, grant_types: [], response_types: [], redirect_uris: [] },
    ],
    jwks: { keys },
    adapter,
    cookies: { keys: ['cle-de-cookies-de-test'] },
    scopes: ['openid', 'offline_access', 'profile'],
    claims: { openid: ['sub'], profile: ['name', 'given_name', 'family_name'] },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => undefined,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, indicator: string) => {
          if (indicator !== API_RESOURCE) throw new errors.InvalidTarget();
          return {
            scope: API_SCOPE,
            audience: API_RESOURCE,
            accessTokenTTL: ttl,
            accessTokenFormat: options.accessTokenFormat ?? 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    ttl: {
      AccessToken: ttl,
      IdToken: 600,
      RefreshToken: options.refreshTokenTtl ?? 3600,
      Session: 86_400,
      Grant: 86_400,
      Interaction: 600,
    },
    rotateRefreshToken: true,
    findAccount: (_ctx: unknown, sub: string) => {
      const account = ACCOUNTS[sub];
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, name: account.name, given_name: account.given_name, family_name: account.family_name }),
      };
    },
    extraTokenClaims: (_ctx: unknown, token: { kind: string; accountId?: string }) => {
      const account = token.accountId ? ACCOUNTS[token.accountId] : undefined;
      if (token.kind !== 'AccessToken' || !account) return undefined;
      return {
        safir: account.safir,
        realm_access: { roles: account.groups },
        ...(options.nameInAccessToken ? { name: account.name } : {}),
      };
    },
    clientBasedCORS: (_ctx: unknown, origin: string) => (options.corsOrigins ?? []).includes(origin),
    renderError: (ctx: { type: string; body: string }, out: Record<string, string>) => {
      ctx.type = 'html';
      ctx.body = `<h1>Erreur du fournisseur</h1><pre>${JSON.stringify(out).replace(/</g, '&lt;')}</pre>`;
    },
  };
}

export async function startProvider(options: ProviderOptions): Promise<RealProvider> {
  const keys = [await signingKey('k1')];
  const tokenRequests: RealProvider['tokenRequests'] = [];
  const formSubmissions: string[] = [];
  let introspections = 0;
  let handler: (req: IncomingMessage, res: ServerResponse) => void = () => undefined;
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/token') && req.method === 'POST') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => tokenRequests.push({ grant: new URLSearchParams(body).get('grant_type') ?? '', origin: req.headers.origin }));
    }
    if (req.url?.startsWith('/interaction/') && req.method === 'POST') formSubmissions.push(req.url);
    if (req.url === '/token/introspection') introspections++;
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // One store for every instance: a key rotation rebuilds the provider, sessions and grants carry on.
  const adapter = createMemoryAdapter();
  const build = () => {
    const provider = new Provider(issuer, configuration(options, keys, adapter));
    handler = provider.callback();
  };
  build();
  return {
    issuer,
    tokenRequests,
    formSubmissions,
    introspections: () => introspections,
    async rotateSigningKey() {
      // The first key signs: the new one goes first, the old one stays to check tokens already issued.
      // Grants, sessions and refresh tokens live in the library's shared in-memory store and survive.
      keys.unshift(await signingKey(`k${keys.length + 1}`));
      build();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * What a browser does on the provider's development pages, over plain HTTP with a cookie jar: follows the
 * authorization URL, signs in as `login`, grants consent, and hands back the URL the provider redirected to
 * (the extension's redirect URL with `code`, `state` and `iss`). For tests without a browser.
 */
export async function signInThroughPages(
  authorizationUrl: string,
  login: string,
  redirectUri: string,
  /** The browser's cookies, kept between sign-ins to find the provider's own session again. */
  jar = new Map<string, string>(),
): Promise<string> {
  const remember = (res: Response) => {
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  let url = authorizationUrl;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(redirectUri)) return url;
    let res = await fetch(url, { redirect: 'manual', headers: { cookie: cookie() } });
    remember(res);
    if (res.status === 200 && url.includes('/interaction/')) {
      const page = await res.text();
      const form: Record<string, string> = page.includes('value="login"') ? { prompt: 'login', login, password: 'x' } : { prompt: 'consent' };
      res = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      });
      remember(res);
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`signInThroughPages: ${res.status} sans redirection sur ${url}: ${(await res.text()).slice(0, 300)}`);
    url = new URL(location, url).href;
  }
  throw new Error('signInThroughPages: trop de redirections');
}
