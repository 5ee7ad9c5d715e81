/** Server configuration: read once from the environment, checked with zod, refused in French when wrong. */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { DestinationStream } from 'pino';
import { z } from 'zod';
import { AGENCY_CODE_PATTERN } from '../lib/domain/formats';
import { ROLES, type Role } from './auth/counsellor';

export interface DevTokenEntry {
  sub: string;
  agency: string;
  name: string;
  roles?: Role[];
}

export interface OidcConfig {
  /** Compared with the token's `iss` with and without a trailing slash. */
  issuer: string;
  audience: string;
  /** When absent, found through the issuer's `/.well-known/openid-configuration`. */
  jwksUrl?: string;
  /** Claim paths: a claim name, or a dotted path into nested claims (`realm_access.roles`). */
  agencyClaim: string;
  rolesClaim: string;
  /** Absent: `name`, else `given_name` + `family_name`, else the provider's userinfo. */
  nameClaim?: string;
  /** The provider's role values → Profilence roles (`GRP_MANAGERS=manager`); absent: the values are the roles. */
  roleMap?: Record<string, Role[]>;
  /**
   * JWT access tokens without the RFC 9068 type (`typ: at+jwt`) accepted, for providers that do not set it; ID
   * tokens (carrying `nonce`, `at_hash` or `typ: ID`) are still refused.
   */
  acceptUntypedJwt?: boolean;
  /** Opaque access tokens checked at the provider (RFC 7662) with this confidential client. */
  introspection?: { url?: string; clientId: string; clientSecret: string };
}

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; poolSize: number };

export interface ServerConfig {
  host: string;
  port: number;
  database: DatabaseConfig;
  auth: { devTokens?: Record<string, DevTokenEntry>; oidc?: OidcConfig };
  rateLimit: { max: number; timeWindowMs: number };
  /** Extension origins allowed by CORS; absent = any `chrome-extension://` or `moz-extension://` origin. */
  extensionOrigins?: string[];
  trustProxy: boolean;
  log: { level: string; stream?: DestinationStream };
  /** Tombstones older than this are purged; a cursor behind them gets `410`. */
  tombstoneRetentionDays: number;
  /** How often the purge runs while the server is up (0 = only at start). */
  maintenanceIntervalMs: number;
  /** Bearer token a Prometheus scraper must send to `/metrics`; absent = open (keep it off the public proxy). */
  metricsToken?: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const DEFAULTS = {
  port: 8787,
  dataDir: '.data',
  rateLimitMax: 600,
  rateLimitWindowMs: 60_000,
  tombstoneRetentionDays: 180,
  maintenanceIntervalMs: 6 * 60 * 60 * 1000,
} as const;

const devTokenFileSchema = z.record(
  z.string().min(4, { error: 'jeton trop court (4 caractères au moins)' }),
  z.object({
    sub: z.string().trim().min(1, { error: '« sub » obligatoire' }),
    agency: z.string().regex(AGENCY_CODE_PATTERN, { error: 'code agence SAFIR de 5 chiffres attendu' }),
    name: z.string().trim().min(1, { error: '« name » obligatoire' }),
    roles: z.array(z.enum(ROLES, { error: 'rôle inconnu (manager ou national)' })).optional(),
  }),
);

const intFrom = (label: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: `${label} : nombre entier attendu` })
    .transform(Number)
    .pipe(z.number().min(min, { error: `${label} : ${min} au moins` }).max(max, { error: `${label} : ${max} au plus` }));

const envSchema = z.object({
  PORT: intFrom('PORT', 0, 65535).optional(),
  HOST: z.string().min(1).optional(),
  PROFILENCE_DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'DATABASE_URL : une adresse postgres://… est attendue (laisser vide pour SQLite)' })
    .optional(),
  PROFILENCE_DB_POOL_SIZE: intFrom('PROFILENCE_DB_POOL_SIZE', 1, 500).optional(),
  PROFILENCE_DEV_TOKENS: z.string().min(1).optional(),
  PROFILENCE_OIDC_ISSUER: z.url({ error: 'PROFILENCE_OIDC_ISSUER : adresse https://… attendue' }).optional(),
  PROFILENCE_OIDC_AUDIENCE: z.string().min(1).optional(),
  PROFILENCE_OIDC_JWKS_URL: z.url({ error: 'PROFILENCE_OIDC_JWKS_URL : adresse https://… attendue' }).optional(),
  PROFILENCE_OIDC_ACCEPT_UNTYPED_JWT: z.enum(['0', '1'], { error: 'PROFILENCE_OIDC_ACCEPT_UNTYPED_JWT : 0 ou 1' }).optional(),
  PROFILENCE_OIDC_INTROSPECTION_URL: z.url({ error: 'PROFILENCE_OIDC_INTROSPECTION_URL : adresse https://… attendue' }).optional(),
  PROFILENCE_OIDC_INTROSPECTION_CLIENT_ID: z.string().min(1).optional(),
  PROFILENCE_OIDC_INTROSPECTION_CLIENT_SECRET: z.string().min(1).optional(),
  PROFILENCE_AGENCY_CLAIM: z.string().min(1).default('agency'),
  PROFILENCE_ROLES_CLAIM: z.string().min(1).default('roles'),
  PROFILENCE_NAME_CLAIM: z.string().min(1).optional(),
  PROFILENCE_ROLE_MAP: z.string().optional(),
  PROFILENCE_ALLOW_DEV_TOKENS: z.enum(['0', '1'], { error: 'PROFILENCE_ALLOW_DEV_TOKENS : 0 ou 1' }).optional(),
  NODE_ENV: z.string().optional(),
  PROFILENCE_RATE_LIMIT_MAX: intFrom('PROFILENCE_RATE_LIMIT_MAX', 1, 1_000_000).optional(),
  PROFILENCE_RATE_LIMIT_WINDOW_MS: intFrom('PROFILENCE_RATE_LIMIT_WINDOW_MS', 1000, 86_400_000).optional(),
  PROFILENCE_EXTENSION_ORIGINS: z.string().optional(),
  PROFILENCE_TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).optional(),
  PROFILENCE_TOMBSTONE_DAYS: intFrom('PROFILENCE_TOMBSTONE_DAYS', 1, 3650).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PROFILENCE_METRICS_TOKEN: z.string().min(16, { error: 'jeton de supervision trop court (16 caractères au moins)' }).optional(),
});

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[a-z0-9-]+$/i;

function issuesToFrench(error: z.ZodError): string {
  return error.issues.map((i) => `- ${i.path.length ? `${i.path.join('.')} : ` : ''}${i.message}`).join('\n');
}

/** Reads and checks the development tokens file (`{ "<token>": { sub, agency, name, roles? } }`). */
export function readDevTokens(path: string): Record<string, DevTokenEntry> {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError(`Fichier de jetons de développement illisible : ${path}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ConfigError(`Fichier de jetons de développement : JSON invalide (${path})`);
  }
  const parsed = devTokenFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigError(`Fichier de jetons de développement invalide (${path}) :\n${issuesToFrench(parsed.error)}`);
  }
  return parsed.data;
}

/**
 * `PROFILENCE_ROLE_MAP`: `GRP_MANAGERS=manager,GRP_NAT=national`; a provider value may appear twice to give
 * two roles. Only mapped values count once a map is set.
 */
export function parseRoleMap(raw: string): Record<string, Role[]> {
  const map: Record<string, Role[]> = {};
  for (const pair of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = pair.lastIndexOf('=');
    const from = pair.slice(0, at).trim();
    const to = pair.slice(at + 1).trim();
    if (at <= 0 || !from || !(ROLES as readonly string[]).includes(to)) {
      throw new ConfigError(
        `PROFILENCE_ROLE_MAP : « ${pair} » illisible ; attendu <valeur du fournisseur>=manager ou =national, séparés par des virgules.`,
      );
    }
    map[from] = [...new Set([...(map[from] ?? []), to as Role])];
  }
  return map;
}

/**
 * Production (`NODE_ENV=production`) runs only with the identity provider and a closed list of extension
 * origins: a development token never expires and may claim any agency and role. Elsewhere, dev tokens beside a
 * provider need `PROFILENCE_ALLOW_DEV_TOKENS=1`, so a test server wired to the real provider is not left open.
 */
function refuseUnsafeAuth(c: { production: boolean; devTokens: boolean; oidc: boolean; allowDevTokens: boolean; extensionOrigins: boolean }): void {
  if (c.production) {
    const problems = [
      c.devTokens &&
        "PROFILENCE_DEV_TOKENS est défini : les jetons de développement n'expirent jamais et peuvent se réclamer de n'importe quelle agence ; retirez-le.",
      !c.oidc && "aucun fournisseur d'identité : définissez PROFILENCE_OIDC_ISSUER et PROFILENCE_OIDC_AUDIENCE.",
      !c.extensionOrigins &&
        "PROFILENCE_EXTENSION_ORIGINS est vide : donnez l'origine de l'extension déployée (chrome-extension://<id>, moz-extension://<id>), sinon toute extension serait admise.",
    ].filter((p): p is string => typeof p === 'string');
    if (problems.length) {
      throw new ConfigError(
        `Démarrage refusé en production (NODE_ENV=production) :\n${problems.map((p) => `- ${p}`).join('\n')}`,
      );
    }
    return;
  }
  if (c.devTokens && c.oidc && !c.allowDevTokens) {
    throw new ConfigError(
      "Jetons de développement refusés à côté d'un fournisseur d'identité : retirez PROFILENCE_DEV_TOKENS, ou définissez PROFILENCE_ALLOW_DEV_TOKENS=1 si c'est voulu (jamais en production).",
    );
  }
}

/** Builds the configuration from environment variables; throws `ConfigError` with a French message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): ServerConfig {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(blanksRemoved);
  if (!parsed.success) throw new ConfigError(`Configuration du serveur invalide :\n${issuesToFrench(parsed.error)}`);
  const e = parsed.data;

  const dataDir = resolve(cwd, e.PROFILENCE_DATA_DIR ?? DEFAULTS.dataDir);
  const database: DatabaseConfig = e.DATABASE_URL
    ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.PROFILENCE_DB_POOL_SIZE ?? 10 }
    : { kind: 'sqlite', file: join(dataDir, 'profilence.sqlite') };

  const oidcVars = [e.PROFILENCE_OIDC_ISSUER, e.PROFILENCE_OIDC_AUDIENCE];
  if (oidcVars.some(Boolean) && !oidcVars.every(Boolean)) {
    throw new ConfigError(
      'Configuration OpenID Connect incomplète : PROFILENCE_OIDC_ISSUER et PROFILENCE_OIDC_AUDIENCE vont ensemble.',
    );
  }
  const introspectionVars = [e.PROFILENCE_OIDC_INTROSPECTION_CLIENT_ID, e.PROFILENCE_OIDC_INTROSPECTION_CLIENT_SECRET];
  if (introspectionVars.some(Boolean) && !introspectionVars.every(Boolean)) {
    throw new ConfigError(
      "Introspection incomplète : PROFILENCE_OIDC_INTROSPECTION_CLIENT_ID et PROFILENCE_OIDC_INTROSPECTION_CLIENT_SECRET vont ensemble.",
    );
  }
  const oidc: OidcConfig | undefined =
    e.PROFILENCE_OIDC_ISSUER && e.PROFILENCE_OIDC_AUDIENCE
      ? {
          issuer: e.PROFILENCE_OIDC_ISSUER,
          audience: e.PROFILENCE_OIDC_AUDIENCE,
          jwksUrl: e.PROFILENCE_OIDC_JWKS_URL,
          agencyClaim: e.PROFILENCE_AGENCY_CLAIM,
          rolesClaim: e.PROFILENCE_ROLES_CLAIM,
          nameClaim: e.PROFILENCE_NAME_CLAIM,
          roleMap: e.PROFILENCE_ROLE_MAP ? parseRoleMap(e.PROFILENCE_ROLE_MAP) : undefined,
          acceptUntypedJwt: e.PROFILENCE_OIDC_ACCEPT_UNTYPED_JWT === '1',
          introspection:
            e.PROFILENCE_OIDC_INTROSPECTION_CLIENT_ID && e.PROFILENCE_OIDC_INTROSPECTION_CLIENT_SECRET
              ? {
                  url: e.PROFILENCE_OIDC_INTROSPECTION_URL,
                  clientId: e.PROFILENCE_OIDC_INTROSPECTION_CLIENT_ID,
                  clientSecret: e.PROFILENCE_OIDC_INTROSPECTION_CLIENT_SECRET,
                }
              : undefined,
        }
      : undefined;
  let extensionOrigins: string[] | undefined;
  if (e.PROFILENCE_EXTENSION_ORIGINS) {
    extensionOrigins = e.PROFILENCE_EXTENSION_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = extensionOrigins.filter((o) => !EXTENSION_ORIGIN.test(o));
    if (bad.length) {
      throw new ConfigError(
        `PROFILENCE_EXTENSION_ORIGINS : origine d'extension invalide (${bad.join(', ')}) ; chrome-extension://<id> ou moz-extension://<id> attendu.`,
      );
    }
  }

  const devTokensPath = e.PROFILENCE_DEV_TOKENS;
  const production = e.NODE_ENV === 'production';
  refuseUnsafeAuth({
    production,
    devTokens: Boolean(devTokensPath),
    oidc: Boolean(oidc),
    allowDevTokens: e.PROFILENCE_ALLOW_DEV_TOKENS === '1',
    extensionOrigins: Boolean(extensionOrigins?.length),
  });
  const devTokens = devTokensPath
    ? readDevTokens(isAbsolute(devTokensPath) ? devTokensPath : resolve(cwd, devTokensPath))
    : undefined;
  if (!oidc && !devTokens) {
    throw new ConfigError(
      "Aucune authentification configurée : définissez PROFILENCE_OIDC_ISSUER et PROFILENCE_OIDC_AUDIENCE, ou PROFILENCE_DEV_TOKENS (développement).",
    );
  }

  return {
    host: e.HOST ?? '127.0.0.1',
    port: e.PORT ?? DEFAULTS.port,
    database,
    auth: { devTokens, oidc },
    rateLimit: {
      max: e.PROFILENCE_RATE_LIMIT_MAX ?? DEFAULTS.rateLimitMax,
      timeWindowMs: e.PROFILENCE_RATE_LIMIT_WINDOW_MS ?? DEFAULTS.rateLimitWindowMs,
    },
    extensionOrigins,
    trustProxy: e.PROFILENCE_TRUST_PROXY === '1' || e.PROFILENCE_TRUST_PROXY === 'true',
    log: { level: e.LOG_LEVEL },
    tombstoneRetentionDays: e.PROFILENCE_TOMBSTONE_DAYS ?? DEFAULTS.tombstoneRetentionDays,
    maintenanceIntervalMs: DEFAULTS.maintenanceIntervalMs,
    metricsToken: e.PROFILENCE_METRICS_TOKEN,
  };
}

export function isExtensionOrigin(origin: string, allowList?: readonly string[]): boolean {
  if (!EXTENSION_ORIGIN.test(origin)) return false;
  return !allowList || allowList.includes(origin);
}
