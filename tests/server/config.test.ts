// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

const root = resolve(__dirname, '../..');
const demoTokens = join(root, 'server/dev-tokens.demo.json');

const configError = (env: NodeJS.ProcessEnv): string => {
  try {
    loadConfig(env, root);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('configuration acceptée');
};

describe('server configuration', () => {
  it('defaults to SQLite in .data on port 8787 with the demo tokens', () => {
    const config = loadConfig({ PROFILENCE_DEV_TOKENS: 'server/dev-tokens.demo.json' }, root);
    expect(config.port).toBe(8787);
    expect(config.database).toEqual({ kind: 'sqlite', file: join(root, '.data', 'profilence.sqlite') });
    expect(config.rateLimit).toEqual({ max: 600, timeWindowMs: 60_000 });
    expect(config.tombstoneRetentionDays).toBe(180);
    const tokens = config.auth.devTokens!;
    expect(tokens['demo-jeanne']).toEqual({ sub: 'jeanne.martin', agency: '69031', name: 'Jeanne MARTIN' });
    expect(tokens['demo-paul']).toMatchObject({ agency: '69031', name: 'Paul BERNARD' });
    expect(tokens['demo-manager']).toMatchObject({ agency: '69031', roles: ['manager'] });
    expect(tokens['demo-villeurbanne']).toMatchObject({ agency: '69032' });
  });

  it('reads PostgreSQL, OIDC, limits and extension origins from the environment', () => {
    const config = loadConfig(
      {
        PORT: '9000',
        DATABASE_URL: 'postgres://api@db.internal:5432/profilence',
        PROFILENCE_OIDC_ISSUER: 'https://sso.example.fr/realms/agents',
        PROFILENCE_OIDC_AUDIENCE: 'profilence',
        PROFILENCE_AGENCY_CLAIM: 'safir',
        PROFILENCE_RATE_LIMIT_MAX: '120',
        PROFILENCE_EXTENSION_ORIGINS: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      },
      root,
    );
    expect(config.port).toBe(9000);
    expect(config.database).toMatchObject({ kind: 'postgres', url: 'postgres://api@db.internal:5432/profilence' });
    expect(config.auth.oidc).toMatchObject({ issuer: 'https://sso.example.fr/realms/agents', agencyClaim: 'safir', rolesClaim: 'roles' });
    expect(config.auth.devTokens).toBeUndefined();
    expect(config.rateLimit.max).toBe(120);
    expect(config.extensionOrigins).toEqual(['chrome-extension://abcdefghijklmnopabcdefghijklmnop']);
  });

  it('refuses bad settings with a French message naming the variable', () => {
    const auth = { PROFILENCE_DEV_TOKENS: demoTokens };
    expect(configError({ ...auth, PORT: 'huit' })).toMatch(/PORT : nombre entier attendu/);
    expect(configError({ ...auth, DATABASE_URL: 'mysql://x' })).toMatch(/DATABASE_URL/);
    expect(configError({})).toMatch(/Aucune authentification configurée/);
    expect(configError({ PROFILENCE_OIDC_ISSUER: 'https://sso.example.fr' })).toMatch(/OpenID Connect incomplète/);
    expect(configError({ ...auth, PROFILENCE_EXTENSION_ORIGINS: 'https://example.org' })).toMatch(/origine d'extension invalide/);
    expect(configError({ PROFILENCE_DEV_TOKENS: '/nonexistent/tokens.json' })).toMatch(/illisible/);
  });

  it('checks the dev tokens file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'profilence-config-'));
    const file = join(dir, 'tokens.json');
    writeFileSync(file, JSON.stringify({ 'demo-x': { sub: 'x', agency: 'Lyon', name: 'X' } }));
    expect(configError({ PROFILENCE_DEV_TOKENS: file })).toMatch(/demo-x\.agency : code agence SAFIR de 5 chiffres attendu/);
    writeFileSync(file, '{ pas du json');
    expect(configError({ PROFILENCE_DEV_TOKENS: file })).toMatch(/JSON invalide/);
  });
});
