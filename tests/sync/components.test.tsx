// @vitest-environment happy-dom
// The sync line of the side panel and the synchronisation section of the options, on a real store.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SyncSettings } from '@/components/sync/SyncSettings';
import { SyncStatus } from '@/components/sync/SyncStatus';
import { uuidv7 } from '@/lib/domain/ids';
import { openDb, setMeta, type ProfilenceDb } from '@/lib/store';
import { SYNC_META, type SyncStatus as Status } from '@/lib/sync';
import { SYNC_SETTINGS_KEY } from '@/lib/sync/settings';
import { eventually } from '../support/eventually';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging/protocol', () => ({ sendMessage, onMessage: vi.fn() }));

const settle = (ms = 60) => act(() => new Promise((r) => setTimeout(r, ms)));
const button = (root: HTMLElement, name: string) =>
  Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === name) as HTMLButtonElement | undefined;

let db: ProfilenceDb;
let root: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  sendMessage.mockReset();
  db = openDb(`profilence-ui-${crypto.randomUUID()}`);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  render(null, root);
  root.remove();
  db.close();
  await Dexie.delete(db.name);
});

const status = (s: Partial<Status>) => setMeta(db, SYNC_META.status, { state: 'idle', pending: 0, ...s });
const outboxRow = (seq: number) => ({ seq, id: uuidv7(), name: 'promotion.addEvent' as const, args: {}, clientTs: new Date().toISOString() });
const line = () => root.querySelector('[data-testid="sync-line"]')?.textContent ?? '';

describe('sync line in the side panel', () => {
  it('says when the last sync was, and how many changes wait', async () => {
    await status({ lastSyncedAt: new Date(Date.now() - 2 * 60_000).toISOString() });
    await act(() => render(<SyncStatus db={db} />, root));
    await eventually(() => expect(line()).toContain('Synchronisé il y a 2 min'));

    await db.outbox.bulkAdd([outboxRow(1), outboxRow(2), outboxRow(3)]);
    await eventually(() => expect(line()).toContain('3 modifications en attente'));
  });

  it('says « Hors ligne », and « Reconnexion nécessaire » with the way to the options', async () => {
    await status({ state: 'offline' });
    await act(() => render(<SyncStatus db={db} />, root));
    await eventually(() => expect(line()).toContain('Hors ligne'));

    await status({ state: 'auth_required' });
    await eventually(() => expect(line()).toContain('Reconnexion nécessaire'));
    const link = root.querySelector<HTMLAnchorElement>('[data-testid="sync-line"] a')!;
    expect(link.textContent).toContain('Se reconnecter');
    expect(link.getAttribute('href')).toContain('options.html#sync-settings');
    const opened = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue();
    await act(() => link.click());
    expect(opened).toHaveBeenCalled();
  });

  it('asks the background to sync now, and shows why the last attempt failed', async () => {
    await status({ state: 'error', lastError: { kind: 'server', message: 'Le serveur a rencontré une erreur.', at: new Date().toISOString() } });
    await act(() => render(<SyncStatus db={db} />, root));
    await eventually(() => expect(root.querySelector('[data-testid="sync-error"]')?.textContent).toContain('Le serveur a rencontré une erreur.'));
    sendMessage.mockResolvedValue({ state: 'idle', pending: 0 });
    await act(() => button(root, 'Synchroniser maintenant')!.click());
    expect(sendMessage).toHaveBeenCalledWith('sync.now', undefined);
  });

  it('lists the refused changes in French, and hides one once read', async () => {
    await db.rejections.add({
      ...outboxRow(4),
      name: 'promotion.create',
      args: { reference: 'PRF-00ABCD', establishment: { name: 'Boulangerie des Pentes' } },
      code: 'consent_missing',
      message: "Le demandeur d'emploi n'a pas autorisé la promotion de son profil : envoi refusé.",
      rejectedAt: new Date().toISOString(),
    });
    await act(() => render(<SyncStatus db={db} />, root));
    await eventually(() => expect(root.querySelectorAll('[data-testid="sync-rejection"]')).toHaveLength(1));
    const item = root.querySelector('[data-testid="sync-rejection"]')!.textContent!;
    expect(item).toContain('Nouvelle promotion');
    expect(item).toContain('PRF-00ABCD · Boulangerie des Pentes');
    expect(item).toContain("Refusée : le demandeur n'a pas autorisé la promotion de son profil");
    sendMessage.mockResolvedValue(undefined);
    await act(() => button(root, 'Masquer')!.click());
    expect(sendMessage).toHaveBeenCalledWith('sync.dismissRejection', { seq: 4 });
  });
});

describe('synchronisation section of the options', () => {
  async function type(id: string, value: string) {
    const input = root.querySelector<HTMLInputElement>(`#sync-${id}`)!;
    await act(() => {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  it('refuses a server address that is neither https nor this machine, in French, and saves nothing', async () => {
    await act(() => render(<SyncSettings db={db} />, root));
    await eventually(() => expect(root.querySelector('#sync-serverUrl')).not.toBeNull());
    await type('serverUrl', 'http://profilence.example');
    await act(() => button(root, 'Enregistrer')!.click());
    await settle();
    expect(root.querySelector('[data-testid="sync-serverUrl-error"]')?.textContent).toMatch(/https:\/\//);
    expect(await fakeBrowser.storage.local.get(SYNC_SETTINGS_KEY)).toEqual({});
  });

  it('saves the address and the demo token, and shows who is connected', async () => {
    await setMeta(db, SYNC_META.identity, { sub: 'jeanne.martin', agencyCode: '69031', name: 'Jeanne MARTIN', roles: [] });
    await act(() => render(<SyncSettings db={db} />, root));
    await eventually(() => expect(root.querySelector('#sync-serverUrl')).not.toBeNull());
    await type('serverUrl', 'https://profilence.intranet.example/');
    await type('devToken', 'demo-jeanne');
    await act(() => button(root, 'Enregistrer')!.click());
    await eventually(() => expect(root.querySelector('[data-testid="sync-settings-feedback"]')?.textContent).toContain('enregistrés'));
    expect((await fakeBrowser.storage.local.get(SYNC_SETTINGS_KEY))[SYNC_SETTINGS_KEY]).toEqual({
      serverUrl: 'https://profilence.intranet.example',
      devToken: 'demo-jeanne',
    });
    expect(root.querySelector('[data-testid="sync-settings-status"]')?.textContent).toContain('Jeanne MARTIN (jeanne.martin), agence 69031');
  });

  it('offers the sign-in once an identity provider is set, and reports its refusal', async () => {
    await act(() => render(<SyncSettings db={db} />, root));
    await eventually(() => expect(root.querySelector('#sync-issuer')).not.toBeNull());
    expect(button(root, 'Se connecter')).toBeUndefined();
    await type('issuer', 'https://idp.intranet.example/realms/agents');
    await type('clientId', 'profilence');
    sendMessage.mockResolvedValue({ ok: false, message: 'Connexion annulée : réessayez.' });
    await act(() => button(root, 'Se connecter')!.click());
    await eventually(() => expect(root.querySelector('[data-testid="sync-settings-feedback"]')?.textContent).toContain('Connexion annulée'));
    expect(sendMessage).toHaveBeenCalledWith('sync.signIn', undefined);
  });
});
