import { describe, expect, it } from 'vitest';
import { REJECTION_CODES } from '../../lib/domain/sync';
import { rejectionLabel, sinceLabel, statusLine } from '../../lib/sync/messages';
import { isAllowedServerUrl, validateSyncForm } from '../../lib/sync/settings';

const NOW = Date.parse('2026-03-12T14:05:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe('sync status in French', () => {
  it('tells how long ago the last sync was', () => {
    expect(sinceLabel(ago(10_000), NOW)).toBe("à l'instant");
    expect(sinceLabel(ago(2 * 60_000), NOW)).toBe('il y a 2 min');
    expect(sinceLabel(ago(3 * 3_600_000), NOW)).toBe('il y a 3 h');
    expect(sinceLabel(ago(3 * 86_400_000), NOW)).toMatch(/^le \d\d\/03 à \d\d:05$/);
  });

  it('gives one line per state, the pending changes counted', () => {
    expect(statusLine({ state: 'idle', pending: 0, lastSyncedAt: ago(120_000) }, 0, NOW)).toEqual({ tone: 'ok', text: 'Synchronisé il y a 2 min' });
    expect(statusLine({ state: 'idle', pending: 0 }, 3, NOW).text).toBe('3 modifications en attente');
    expect(statusLine({ state: 'idle', pending: 0 }, 1, NOW).text).toBe('1 modification en attente');
    expect(statusLine({ state: 'offline', pending: 2 }, 2, NOW).text).toBe('Hors ligne — 2 modifications en attente');
    expect(statusLine({ state: 'auth_required', pending: 0 }, 0, NOW)).toMatchObject({ text: 'Reconnexion nécessaire', signIn: true });
    expect(statusLine({ state: 'idle', pending: 0 }, 0, NOW).text).toBe('Pas encore synchronisé');
  });

  it('has a French label for every rejection code of the contract', () => {
    for (const code of REJECTION_CODES) expect(rejectionLabel(code)).toMatch(/^(Refusée|Modification invalide)/);
    expect(rejectionLabel(undefined)).toBe('Refusée par le serveur');
  });
});

describe('sync settings', () => {
  it('accepts https anywhere and http only on this machine', () => {
    expect(isAllowedServerUrl('https://profilence.intranet.example')).toBe(true);
    expect(isAllowedServerUrl('http://localhost:8787')).toBe(true);
    expect(isAllowedServerUrl('http://127.0.0.1:8787')).toBe(true);
    expect(isAllowedServerUrl('http://profilence.example')).toBe(false);
    expect(isAllowedServerUrl('https://user:pw@profilence.example')).toBe(false);
    expect(isAllowedServerUrl('ftp://x')).toBe(false);
  });

  it('asks for the client id with an identity provider, and the reverse', () => {
    const base = { serverUrl: 'http://localhost:8787', devToken: '', resource: '', scopes: 'openid profile' };
    expect(validateSyncForm({ ...base, issuer: 'https://idp.example', clientId: '' })).toMatchObject({
      ok: false,
      errors: { clientId: expect.stringMatching(/obligatoire/) },
    });
    expect(validateSyncForm({ ...base, issuer: '', clientId: 'x' })).toMatchObject({ ok: false, errors: { issuer: expect.any(String) } });
    expect(validateSyncForm({ ...base, issuer: 'https://idp.example/', clientId: 'profilence' })).toEqual({
      ok: true,
      settings: { serverUrl: 'http://localhost:8787', oidc: { issuer: 'https://idp.example', clientId: 'profilence', scopes: 'openid profile' } },
    });
    expect(validateSyncForm({ ...base, devToken: 'un jeton', issuer: '', clientId: '' })).toMatchObject({ ok: false, errors: { devToken: expect.any(String) } });
  });
});
