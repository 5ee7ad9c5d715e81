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
  issuer: string;
  audience: string;
  /** When absent, found through the issuer's `/.well-known/openid-configuration`. */
  jwksUrl?: string;
  agencyClaim: string;
  rolesClaim: string;
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
  PROFILENCE_AGENCY_CLAIM: z.string().min(1).default('agency'),
  PROFILENCE_ROLES_CLAIM: z.string().min(1).default('roles'),
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
  const oidc: OidcConfig | undefined =
    e.PROFILENCE_OIDC_ISSUER && e.PROFILENCE_OIDC_AUDIENCE
      ? {
          issuer: e.PROFILENCE_OIDC_ISSUER,
          audience: e.PROFILENCE_OIDC_AUDIENCE,
          jwksUrl: e.PROFILENCE_OIDC_JWKS_URL,
          agencyClaim: e.PROFILENCE_AGENCY_CLAIM,
          rolesClaim: e.PROFILENCE_ROLES_CLAIM,
        }
      : undefined;
  const devTokensPath = e.PROFILENCE_DEV_TOKENS;
  const devTokens = devTokensPath
    ? readDevTokens(isAbsolute(devTokensPath) ? devTokensPath : resolve(cwd, devTokensPath))
    : undefined;
  if (!oidc && !devTokens) {
    throw new ConfigError(
      "Aucune authentification configurée : définissez PROFILENCE_OIDC_ISSUER et PROFILENCE_OIDC_AUDIENCE, ou PROFILENCE_DEV_TOKENS (développement).",
    );
  }

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
