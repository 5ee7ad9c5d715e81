// @vitest-environment happy-dom
// The options page under an administrator's policy: the policy's fields disabled and said to be so, in words a
// screen reader gives with the field; the other fields still saved, the policy's values never saved as the counsellor's.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import { SyncSettings } from '@/components/sync/SyncSettings';
import { SETTINGS_KEY } from '@/lib/settings';
import { openDb, type ProfilenceDb } from '@/lib/store';
import { SYNC_SETTINGS_KEY } from '@/lib/sync/settings';

vi.mock('@/lib/messaging/protocol', () => ({ sendMessage: vi.fn(), onMessage: vi.fn() }));

let root: HTMLElement;
let db: ProfilenceDb;
beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  db = openDb(`profilence-policy-${crypto.randomUUID()}`);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  render(null, root);
  root.remove();
  db.close();
  await Dexie.delete(db.name);
});

const input = (id: string) => root.querySelector<HTMLInputElement>(`#${id}`)!;
/** The text a screen reader reads as the field's description. */
const description = (id: string) =>
  (input(id).getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((ref) => root.querySelector(`#${ref}`)?.textContent)
    .join(' | ');
const type = (id: string, value: string) =>
  act(() => {
    input(id).value = value;
    input(id).dispatchEvent(new Event('input', { bubbles: true }));
  });
const click = (name: string) =>
  act(() => Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === name)!.click());

describe('follow-up settings under a policy', () => {
  it('locks the policy’s fields with « Réglé par votre administrateur » and saves the others only', async () => {
    await fakeBrowser.storage.managed.set({ autoCloseDays: 60, workingDays: true, firstFollowUpDays: 'dix' });
    await act(() => render(<OptionsApp />, root));
    await vi.waitFor(() => expect(input('autoCloseDays')?.value).toBe('60'));

    expect(input('autoCloseDays').disabled).toBe(true);
    expect(description('autoCloseDays')).toBe('Réglé par votre administrateur');
    expect(input('workingDays').checked).toBe(true);
    expect(input('workingDays').disabled).toBe(true);
    expect(description('workingDays')).toBe('Réglé par votre administrateur');
    // The invalid policy key is ignored, said so, and the field stays the counsellor's.
    expect(input('firstFollowUpDays').disabled).toBe(false);
    expect(input('firstFollowUpDays').getAttribute('aria-describedby')).toBeNull();
    expect(root.querySelector('[data-testid="policy-warnings"]')?.textContent).toContain('Stratégie « firstFollowUpDays » ignorée');

    await type('firstFollowUpDays', '12');
    await click('Enregistrer');
    await vi.waitFor(() => expect(root.querySelector('[data-testid="settings-feedback"]')?.textContent).toBe('Réglages enregistrés.'));
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual({
      firstFollowUpDays: 12,
      autoCloseDays: 30,
      workingDays: false,
      notifications: true,
    });
    expect(input('autoCloseDays').value).toBe('60');

    // « Revenir aux valeurs par défaut » does not unlock what the administrator set.
    await click('Revenir aux valeurs par défaut');
    expect(input('firstFollowUpDays').value).toBe('7');
    expect(input('autoCloseDays').value).toBe('60');
    expect(input('workingDays').checked).toBe(true);
  });

  it('leaves every field open without a policy', async () => {
    await act(() => render(<OptionsApp />, root));
    await vi.waitFor(() => expect(input('autoCloseDays')?.value).toBe('30'));
    expect(root.querySelectorAll('input:disabled')).toHaveLength(0);
    expect(root.textContent).not.toContain('Réglé par votre administrateur');
    expect(root.querySelector('[data-testid="policy-warnings"]')).toBeNull();
  });
});

describe('synchronisation settings under a policy', () => {
  it('locks the server and the provider the policy names, and saves the counsellor’s client id without their server being overwritten', async () => {
    await fakeBrowser.storage.local.set({ [SYNC_SETTINGS_KEY]: { serverUrl: 'http://localhost:9999' } });
    await fakeBrowser.storage.managed.set({
      serverUrl: 'https://profilence.agence.example',
      oidcIssuer: 'https://sso.agence.example/realms/agents',
    });
    await act(() => render(<SyncSettings db={db} />, root));
    await vi.waitFor(() => expect(input('sync-serverUrl')?.value).toBe('https://profilence.agence.example'));

    for (const id of ['sync-serverUrl', 'sync-issuer']) {
      expect(input(id).disabled).toBe(true);
      expect(description(id)).toBe('Réglé par votre administrateur');
    }
    expect(input('sync-issuer').value).toBe('https://sso.agence.example/realms/agents');
    expect(input('sync-clientId').disabled).toBe(false);
    expect(input('sync-devToken').disabled).toBe(false);

    await type('sync-clientId', 'profilence-extension');
    await click('Enregistrer');
    await vi.waitFor(() => expect(root.querySelector('[data-testid="sync-settings-feedback"]')?.textContent).toContain('Réglages enregistrés'));
    // The counsellor's own server stays theirs; the provider, which they never had, is kept beside their client id.
    expect((await fakeBrowser.storage.local.get(SYNC_SETTINGS_KEY))[SYNC_SETTINGS_KEY]).toEqual({
      serverUrl: 'http://localhost:9999',
      oidc: { issuer: 'https://sso.agence.example/realms/agents', clientId: 'profilence-extension', scopes: 'openid profile' },
    });
    expect(input('sync-serverUrl').value).toBe('https://profilence.agence.example');
  });

  it('follows a policy that arrives or leaves while the options are open, keeping the counsellor’s unsaved edits', async () => {
    // The browser can hand the policy over seconds after startup (lib/platform managedStore): the page must follow.
    await fakeBrowser.storage.local.set({ [SYNC_SETTINGS_KEY]: { serverUrl: 'http://localhost:9999' } });
    await act(() => render(<SyncSettings db={db} />, root));
    await vi.waitFor(() => expect(input('sync-serverUrl')?.value).toBe('http://localhost:9999'));
    await type('sync-clientId', 'mon-client');

    await fakeBrowser.storage.managed.set({ serverUrl: 'https://profilence.agence.example' });
    await vi.waitFor(() => expect(input('sync-serverUrl').value).toBe('https://profilence.agence.example'));
    expect(input('sync-serverUrl').disabled).toBe(true);
    expect(description('sync-serverUrl')).toBe('Réglé par votre administrateur');
    expect(input('sync-clientId').value).toBe('mon-client');

    await fakeBrowser.storage.managed.remove('serverUrl');
    await vi.waitFor(() => expect(input('sync-serverUrl').value).toBe('http://localhost:9999'));
    expect(input('sync-serverUrl').disabled).toBe(false);
    expect(input('sync-clientId').value).toBe('mon-client');
  });
});
