// The administrator's policy: each key checked on its own, and policy > options > build defaults.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { establishmentUrlFor, jobSeekerUrlFor, composeUrlFor } from '@/lib/config';
import { AUTO_CLOSE_RANGE, FIRST_FOLLOW_UP_RANGE, loadSettings, onSettingsChanged, saveSettings, SECOND_FOLLOW_UP_RANGE, SETTINGS_KEY } from '@/lib/settings';
import { applyFollowUpPolicy, parsePolicy, POLICY_KEYS } from '@/lib/settings/policy';
import { applySyncPolicy, parseSyncSettings, SYNC_SETTINGS_KEY } from '@/lib/sync/settings';
import { loadSyncSettings, onSyncSettingsChanged, saveSyncSettings } from '@/lib/sync/settings-store';

const setPolicy = (policy: Record<string, unknown>) => fakeBrowser.storage.managed.set(policy);

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('reading the policy', () => {
  it('keeps the valid keys and leaves out an invalid one with a French warning', () => {
    const { policy, warnings } = parsePolicy({
      serverUrl: 'https://profilence.agence.example/',
      oidcClientId: 'profilence-extension',
      oidcScopes: 'profile email',
      firstFollowUpDays: 2,
      workingDays: 'oui',
      notifications: false,
    });
    expect(policy).toEqual({
      serverUrl: 'https://profilence.agence.example',
      oidcClientId: 'profilence-extension',
      oidcScopes: 'openid profile email',
      notifications: false,
    });
    expect(warnings).toEqual([
      'Stratégie « firstFollowUpDays » ignorée : Première relance : 3 jours au moins.',
      'Stratégie « workingDays » ignorée : Jours ouvrés : oui ou non.',
    ]);
  });

  it('refuses a server in clear text, an unknown key, and a template without its placeholder', () => {
    const { policy, warnings } = parsePolicy({
      serverUrl: 'http://profilence.agence.example',
      serveurUrl: 'https://typo.example',
      jobSeekerUrlTemplate: 'https://dde.intranet.example/dossier/',
      establishmentUrlTemplate: 'https://crm.intranet.example/etablissement/{siret}',
    });
    expect(policy).toEqual({ establishmentUrlTemplate: 'https://crm.intranet.example/etablissement/{siret}' });
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toContain('« serverUrl » ignorée : Adresse du serveur : une adresse https://… est attendue');
    expect(warnings[1]).toBe('Stratégie : clé inconnue « serveurUrl », ignorée.');
    expect(warnings[2]).toBe("Stratégie « jobSeekerUrlTemplate » ignorée : Adresse du dossier demandeur : l'adresse doit contenir {ftId}.");
  });

  it('keeps URL templates on the tool origins fixed at build time', () => {
    const matches = { 'dossier-demandeur': ['https://dde.intranet.example/*'], messagerie: ['https://webmail.intranet.example/*'] };
    const { policy, warnings } = parsePolicy(
      { jobSeekerUrlTemplate: 'https://elsewhere.example/dossier/{ftId}', composeUrl: 'https://webmail.intranet.example/mail/nouveau' },
      matches,
    );
    expect(policy).toEqual({ composeUrl: 'https://webmail.intranet.example/mail/nouveau' });
    expect(warnings[0]).toContain("« jobSeekerUrlTemplate » ignorée : l'adresse n'est pas sur les origines de l'outil");
  });

  it('leaves out delays that do not follow each other, counting the defaults the policy leaves open', () => {
    // 30 days to the auto-close by default: a first follow-up of 20 puts the automatic second one at 40.
    const { policy, warnings } = parsePolicy({ firstFollowUpDays: 20, notifications: true });
    expect(policy).toEqual({ notifications: true });
    expect(warnings[0]).toContain('délais de relance ignorés (firstFollowUpDays)');
    expect(parsePolicy({ firstFollowUpDays: 20, autoCloseDays: 60 }).policy).toEqual({ firstFollowUpDays: 20, autoCloseDays: 60 });
  });

  it('is empty for no policy or a policy that is not an object', () => {
    expect(parsePolicy(undefined)).toEqual({ policy: {}, warnings: [] });
    expect(parsePolicy(['serverUrl'])).toEqual({ policy: {}, warnings: [] });
  });

  it('declares to Chrome and Edge exactly the keys it reads, with the same ranges', () => {
    const schema = JSON.parse(readFileSync(new URL('../../public/managed-schema.json', import.meta.url), 'utf8'));
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_KEYS].sort());
    const range = (key: string) => ({ min: schema.properties[key].minimum, max: schema.properties[key].maximum });
    expect(range('firstFollowUpDays')).toEqual(FIRST_FOLLOW_UP_RANGE);
    expect(range('secondFollowUpDays')).toEqual(SECOND_FOLLOW_UP_RANGE);
    expect(range('autoCloseDays')).toEqual(AUTO_CLOSE_RANGE);
  });
});

describe('precedence: policy > options > build defaults', () => {
  it('sync settings, field by field', () => {
    const stored = parseSyncSettings({
      serverUrl: 'https://mine.example',
      devToken: 'demo-jeanne',
      oidc: { issuer: 'https://sso.mine.example', clientId: 'mine', scopes: 'openid profile', resource: 'https://api.mine.example' },
    });
    expect(applySyncPolicy(stored, { serverUrl: 'https://profilence.agence.example', oidcClientId: 'profilence-extension' })).toEqual({
      serverUrl: 'https://profilence.agence.example',
      devToken: 'demo-jeanne',
      oidc: { issuer: 'https://sso.mine.example', clientId: 'profilence-extension', scopes: 'openid profile', resource: 'https://api.mine.example' },
    });
    // Nothing stored: the build's defaults (the demo server, no provider) under the policy.
    expect(applySyncPolicy(parseSyncSettings(undefined), { oidcIssuer: 'https://sso.agence.example', oidcClientId: 'pf' })).toEqual({
      serverUrl: 'http://localhost:8787',
      oidc: { issuer: 'https://sso.agence.example', clientId: 'pf', scopes: 'openid profile' },
    });
    expect(applySyncPolicy(parseSyncSettings(undefined), {})).toEqual({ serverUrl: 'http://localhost:8787' });
  });

  it('follow-up settings, the build defaults filling in where the counsellor’s delays no longer fit', () => {
    const stored = { firstFollowUpDays: 5, secondFollowUpDays: 9, autoCloseDays: 20, workingDays: true, notifications: true };
    expect(applyFollowUpPolicy(stored, { notifications: false })).toEqual({ ...stored, notifications: false });
    // A first follow-up at 10 days comes after the counsellor's second one (9): the default second (automatic,
    // twice the first) takes its place; the counsellor's choices the policy does not touch otherwise stay.
    expect(applyFollowUpPolicy(stored, { firstFollowUpDays: 10, autoCloseDays: 60 })).toEqual({
      firstFollowUpDays: 10,
      autoCloseDays: 60,
      workingDays: true,
      notifications: true,
    });
  });

  it('loads through managed storage, and saving never stores the policy’s value as the counsellor’s', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { firstFollowUpDays: 5, autoCloseDays: 20, workingDays: false, notifications: true } });
    await setPolicy({ autoCloseDays: 45, workingDays: true, serverUrl: 'https://profilence.agence.example' });
    expect(await loadSettings()).toEqual({ firstFollowUpDays: 5, autoCloseDays: 45, workingDays: true, notifications: true });

    const inForce = await saveSettings({ firstFollowUpDays: 6, autoCloseDays: 45, workingDays: true, notifications: false });
    expect(inForce).toEqual({ firstFollowUpDays: 6, autoCloseDays: 45, workingDays: true, notifications: false });
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual({
      firstFollowUpDays: 6,
      autoCloseDays: 20,
      workingDays: false,
      notifications: false,
    });

    await fakeBrowser.storage.local.set({ [SYNC_SETTINGS_KEY]: { serverUrl: 'https://mine.example' } });
    expect((await loadSyncSettings()).serverUrl).toBe('https://profilence.agence.example');
    await saveSyncSettings({ serverUrl: 'https://profilence.agence.example', devToken: 'demo-jeanne' });
    expect((await fakeBrowser.storage.local.get(SYNC_SETTINGS_KEY))[SYNC_SETTINGS_KEY]).toEqual({ serverUrl: 'https://mine.example', devToken: 'demo-jeanne' });

    // The administrator withdraws the policy: the counsellor's own values come back.
    await fakeBrowser.storage.managed.remove(['autoCloseDays', 'workingDays', 'serverUrl']);
    expect(await loadSettings()).toEqual({ firstFollowUpDays: 6, autoCloseDays: 20, workingDays: false, notifications: false });
    expect((await loadSyncSettings()).serverUrl).toBe('https://mine.example');
  });

  it('opens the tools at the policy’s addresses, an open tab still lending its origin', async () => {
    expect(await jobSeekerUrlFor('1234567A')).toBe('http://dossiers.localhost:8090/dossier/1234567A');
    await setPolicy({
      jobSeekerUrlTemplate: 'http://dossiers.localhost:8090/dde/consulter?id={ftId}',
      establishmentUrlTemplate: 'http://entreprises.localhost:8090/crm/{siret}/fiche',
      composeUrl: 'http://messagerie.localhost:8090/owa/compose',
    });
    expect(await jobSeekerUrlFor('1234567A')).toBe('http://dossiers.localhost:8090/dde/consulter?id=1234567A');
    expect(await establishmentUrlFor('73282932000074')).toBe('http://entreprises.localhost:8090/crm/73282932000074/fiche');
    expect(await composeUrlFor('http://messagerie.localhost:9999/owa/inbox')).toBe('http://messagerie.localhost:9999/owa/compose');
  });

  it('changes nothing when the browser has no managed storage (Firefox without policy)', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    expect(await loadSettings()).toEqual({ firstFollowUpDays: 7, autoCloseDays: 30, workingDays: false, notifications: true });
    expect(await jobSeekerUrlFor('1234567A')).toBe('http://dossiers.localhost:8090/dossier/1234567A');
  });

  it('tells the background when the administrator changes the policy, so that sync and reminders follow', async () => {
    const syncChanged = vi.fn();
    const followUpChanged = vi.fn();
    const offSync = onSyncSettingsChanged(syncChanged);
    const offFollowUp = onSettingsChanged(followUpChanged);
    await setPolicy({ serverUrl: 'https://profilence.agence.example' });
    expect(syncChanged).toHaveBeenCalledTimes(1);
    expect(followUpChanged).toHaveBeenCalledTimes(1);
    offSync();
    offFollowUp();
    await setPolicy({ serverUrl: 'https://autre.agence.example' });
    expect(syncChanged).toHaveBeenCalledTimes(1);
  });
});
