// @vitest-environment node
// The background's wiring: the minute alarm, a sync shortly after writes, settings and sign-in taking effect.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerSync, SYNC_ALARM, type BackgroundSync } from '@/lib/background/sync';
import { network } from '@/lib/platform';
import { readIdentity, readStatus } from '@/lib/sync';
import { saveSyncSettings, SYNC_SESSION_KEY } from '@/lib/sync/settings-store';
import { deleteClientDatabases, SyncClient } from './clients';
import { faultyFetch } from './faults';
import { injectFetch, startServers, TOKENS, type TestServers } from './server';

const until = async (check: () => Promise<boolean>, ms = 3000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('sync in the background', () => {
  let servers: TestServers;
  let sync: BackgroundSync | undefined;
  let install: SyncClient;
  let wire: ReturnType<typeof faultyFetch>;

  beforeAll(async () => {
    servers = await startServers('sqlite');
  });
  afterAll(async () => {
    await servers.close();
  });
  beforeEach(async () => {
    fakeBrowser.reset();
    wire = faultyFetch(injectFetch(servers.apps[0]!), () => 'pass');
    // The install's database and writes; the background below syncs it.
    install = new SyncClient({ token: TOKENS.jeanne, fetch: wire });
    await saveSyncSettings({ serverUrl: 'http://localhost:8787', devToken: TOKENS.jeanne });
  });
  afterEach(async () => {
    sync?.dispose();
    // A run may still be pulling after the test saw what it waited for: its databases go only once it is over.
    const engine = sync?.engine;
    if (engine) await until(async () => !engine.busy);
    sync = undefined;
    await deleteClientDatabases();
  });

  const start = (options: Parameters<typeof registerSync>[1] = {}) =>
    (sync = registerSync(install.db, { fetch: wire, debounceMs: 30, ...options }));
  const pushes = () => wire.log.filter((e) => e.call.path === '/v1/sync/push').length;

  it('sets a sync alarm every minute and syncs when it rings', async () => {
    start();
    await until(async () => (await fakeBrowser.alarms.get(SYNC_ALARM)) !== undefined);
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: 1 });
    await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_ALARM, scheduledTime: Date.now(), periodInMinutes: 1 } as never);
    await until(async () => (await readStatus(install.db)).lastSyncedAt !== undefined);
    expect(await readIdentity(install.db)).toMatchObject({ agencyCode: '69031' });
  });

  it('syncs once, about two seconds after a burst of writes', async () => {
    start();
    const p = await install.createPromotion();
    await install.addEvent(p.id, 'sent');
    await install.createPromotion();
    expect(pushes()).toBe(0);
    await until(async () => (await install.pending()) === 0);
    expect(pushes()).toBe(1);
  });

  it('says « Hors ligne » without calling the server when the browser is offline', async () => {
    // Not vi.stubGlobal: unstubbing all globals would also remove the fake `chrome` the WXT plugin provides.
    const offline = vi.spyOn(network, 'isOnline').mockReturnValue(false);
    try {
      const status = await start().syncNow(true);
      expect(status.state).toBe('offline');
      expect(wire.log).toHaveLength(0);
    } finally {
      offline.mockRestore();
    }
  });

  it('uses new settings at once: a refused token, then the right one', async () => {
    start();
    await saveSyncSettings({ serverUrl: 'http://localhost:8787', devToken: 'wrong-token' });
    await until(async () => (await readStatus(install.db)).state === 'auth_required');
    await install.createPromotion();
    await saveSyncSettings({ serverUrl: 'http://localhost:8787', devToken: TOKENS.paul });
    await until(async () => (await readStatus(install.db)).state === 'idle' && (await install.pending()) === 0);
    expect(await readIdentity(install.db)).toMatchObject({ sub: 'paul.bernard' });
  });

  it('signs in with the identity provider, keeps the session for this browser session only, and signs out', async () => {
    await saveSyncSettings({
      serverUrl: 'http://localhost:8787',
      oidc: { issuer: 'https://idp.example', clientId: 'profilence', scopes: 'openid' },
    });
    const bg = start({ signIn: async () => ({ accessToken: TOKENS.paul, expiresAt: Date.now() + 600_000 }) });
    const outcome = await bg.signIn();
    expect(outcome).toMatchObject({ ok: true, status: { state: 'idle' } });
    expect(await readIdentity(install.db)).toMatchObject({ sub: 'paul.bernard' });
    expect(await fakeBrowser.storage.session.get(SYNC_SESSION_KEY)).toHaveProperty(SYNC_SESSION_KEY);
    expect(await fakeBrowser.storage.local.get(null)).not.toHaveProperty(SYNC_SESSION_KEY);

    await bg.signOut();
    expect(await fakeBrowser.storage.session.get(SYNC_SESSION_KEY)).toEqual({});
    expect((await bg.syncNow(true)).state).toBe('auth_required');
  });

  it('explains that sign-in needs an identity provider when none is configured', async () => {
    const outcome = await start().signIn();
    expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(/fournisseur d'identité/) });
  });
});
