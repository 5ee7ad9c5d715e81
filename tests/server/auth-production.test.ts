// @vitest-environment node
/**
 * Production mode: the server refuses to start on settings that would let anyone in (development tokens, no
 * identity provider, any extension origin allowed by CORS); outside production, development tokens beside a
 * real provider need to be asked for explicitly.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

const root = resolve(import.meta.dirname, '../..');
const DEV_TOKENS = 'server/dev-tokens.demo.json';
const OIDC = { PROFILENCE_OIDC_ISSUER: 'https://sso.example.fr/realms/agents', PROFILENCE_OIDC_AUDIENCE: 'https://profilence.example.fr' };
const ORIGINS = { PROFILENCE_EXTENSION_ORIGINS: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' };

const refusal = (env: NodeJS.ProcessEnv): string => {
  try {
    loadConfig(env, root);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('configuration acceptée');
};

/** The real `npm run server` entry point, as an IT team would start it. */
function startServer(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'profilence-prod-'));
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH, PORT: '0', PROFILENCE_DATA_DIR: dataDir, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('production mode (NODE_ENV=production)', () => {
  it('refuses to start with development tokens, even beside a provider and with the origins listed', () => {
    const run = startServer({ NODE_ENV: 'production', PROFILENCE_DEV_TOKENS: DEV_TOKENS, ...OIDC, ...ORIGINS });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Démarrage refusé en production/);
    expect(run.stderr).toMatch(/PROFILENCE_DEV_TOKENS est défini/);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
    // PROFILENCE_ALLOW_DEV_TOKENS does not open production.
    expect(refusal({ NODE_ENV: 'production', PROFILENCE_DEV_TOKENS: DEV_TOKENS, PROFILENCE_ALLOW_DEV_TOKENS: '1', ...OIDC, ...ORIGINS })).toMatch(
      /PROFILENCE_DEV_TOKENS est défini/,
    );
  });

  it('refuses to start without an identity provider', () => {
    const run = startServer({ NODE_ENV: 'production', ...ORIGINS });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/aucun fournisseur d'identité : définissez PROFILENCE_OIDC_ISSUER/);
  });

  it('refuses to start when any extension could call it (PROFILENCE_EXTENSION_ORIGINS empty)', () => {
    expect(refusal({ NODE_ENV: 'production', ...OIDC })).toMatch(/PROFILENCE_EXTENSION_ORIGINS est vide/);
    expect(refusal({ NODE_ENV: 'production', ...OIDC, PROFILENCE_EXTENSION_ORIGINS: ' , ' })).toMatch(/PROFILENCE_EXTENSION_ORIGINS est vide/);
  });

  it('starts with a provider and the extension origins, and answers only those origins', () => {
    const config = loadConfig({ NODE_ENV: 'production', ...OIDC, ...ORIGINS }, root);
    expect(config.auth.devTokens).toBeUndefined();
    expect(config.auth.oidc).toMatchObject({ issuer: OIDC.PROFILENCE_OIDC_ISSUER });
    expect(config.extensionOrigins).toEqual([ORIGINS.PROFILENCE_EXTENSION_ORIGINS]);
  });
});

describe('outside production', () => {
  it('refuses development tokens beside an identity provider unless PROFILENCE_ALLOW_DEV_TOKENS=1', () => {
    expect(refusal({ PROFILENCE_DEV_TOKENS: DEV_TOKENS, ...OIDC })).toMatch(/PROFILENCE_ALLOW_DEV_TOKENS=1/);
    const both = loadConfig({ PROFILENCE_DEV_TOKENS: DEV_TOKENS, PROFILENCE_ALLOW_DEV_TOKENS: '1', ...OIDC }, root);
    expect(both.auth.devTokens?.['demo-jeanne']).toMatchObject({ sub: 'jeanne.martin' });
    expect(both.auth.oidc).toBeDefined();
  });

  it('keeps the demo as `npm start` runs it: development tokens alone, any extension origin', () => {
    const demo = loadConfig({ PROFILENCE_DEV_TOKENS: DEV_TOKENS }, root);
    expect(demo.auth.devTokens?.['demo-jeanne']).toMatchObject({ sub: 'jeanne.martin', agency: '69031' });
    expect(demo.extensionOrigins).toBeUndefined();
  });

  it('reads the role map and refuses an unreadable one in French', () => {
    const config = loadConfig({ ...OIDC, PROFILENCE_ROLE_MAP: 'GRP_MANAGERS=manager, GRP_NAT=national,GRP_NAT=manager' }, root);
    expect(config.auth.oidc?.roleMap).toEqual({ GRP_MANAGERS: ['manager'], GRP_NAT: ['national', 'manager'] });
    expect(refusal({ ...OIDC, PROFILENCE_ROLE_MAP: 'GRP_MANAGERS=chef' })).toMatch(/PROFILENCE_ROLE_MAP : « GRP_MANAGERS=chef » illisible/);
    expect(refusal({ ...OIDC, PROFILENCE_OIDC_INTROSPECTION_CLIENT_ID: 'api' })).toMatch(/Introspection incomplète/);
  });
});
