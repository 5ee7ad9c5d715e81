/**
 * The sync engine in the background: a sync every minute (alarm), about 2 s after each write (any outbox row:
 * promotions, follow-ups, board, pool), at start-up, when the network comes back, and on demand from the side
 * panel or the options. Listeners are registered synchronously when the worker starts. The server address and
 * the sign-in come from the options (build-time defaults in lib/config.ts). The dashboard's statistics go
 * through the same transport: nothing but the background talks to the server.
 */
import { assertExtensionPageSender, type SenderLike } from '@/lib/messaging/senders';
import { onMessage } from '@/lib/messaging/protocol';
import { dismissRejectionRequestSchema, type SignInOutcome } from '@/lib/messaging/sync-commands';
import { alarms, extensionId, extensionUrl, identity, network, runtimeEvents } from '@/lib/platform';
import { dismissRejection, type ProfilenceDb } from '@/lib/store';
import { createHttpTransport, createSyncEngine, readStatus, type FetchLike, type HttpTransport, type SyncEngine, type SyncStatus } from '@/lib/sync';
import { signInWithPkce, SignInError, type OidcSession } from '@/lib/sync/oidc';
import { createSessionKeeper } from '@/lib/sync/session';
import type { OidcSettings } from '@/lib/sync/settings';
import { loadSyncSettings, onSyncSettingsChanged } from '@/lib/sync/settings-store';
import { createStatsService } from './stats';

export const SYNC_ALARM = 'profilence-sync';
export const SYNC_PERIOD_MINUTES = 1;
/** Rings shortly before the access token expires, to renew it (lib/sync/session.ts). */
export const RENEW_ALARM = 'profilence-renew';
export const WRITE_DEBOUNCE_MS = 2_000;
/** A retry due sooner than this waits on a timer; later ones on the minute alarm (the worker may stop). */
const TIMER_RETRY_LIMIT_MS = 60_000;

export interface BackgroundSyncOptions {
  fetch?: FetchLike;
  debounceMs?: number;
  now?: () => number;
  random?: () => number;
  /** Replaces the browser's sign-in window (tests); the background stamps which provider it was. */
  signIn?: (settings: OidcSettings) => Promise<Pick<OidcSession, 'accessToken' | 'expiresAt' | 'refreshToken'>>;
}

export interface BackgroundSync {
  engine: SyncEngine;
  /** The one HTTP client to the central endpoint (the readers' health report goes through it too). */
  transport: HttpTransport;
  /** A write reached the outbox: one sync after the burst settles. */
  soon(): void;
  syncNow(force?: boolean): Promise<SyncStatus>;
  signIn(): Promise<SignInOutcome>;
  signOut(): Promise<void>;
  /** Removes the message handlers and timers (tests). */
  dispose(): void;
}

const fromExtensionPage = (sender: SenderLike) => assertExtensionPageSender(sender, extensionId(), extensionUrl('/'));

export function registerSync(db: ProfilenceDb, options: BackgroundSyncOptions = {}): BackgroundSync {
  const now = options.now ?? Date.now;
  let settings = loadSyncSettings();
  const session = createSessionKeeper({
    settings: () => settings,
    fetch: options.fetch,
    now,
    silent: options.signIn ? undefined : () => ({ launch: identity.launchWebAuthFlow, redirectUri: identity.redirectUrl() }),
    schedule: (when) => (when === undefined ? alarms.clear(RENEW_ALARM) : alarms.create(RENEW_ALARM, { when })),
  });
  const transport = createHttpTransport({
    baseUrl: async () => (await settings).serverUrl,
    token: session.token,
    renewToken: session.renewAfterRefusal,
    fetch: options.fetch,
    now,
  });
  const stats = createStatsService(transport);
  const engine = createSyncEngine({ db, transport, clock: { now }, random: options.random, isOnline: network.isOnline });

  let debounce: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;

  async function run(force: boolean): Promise<SyncStatus> {
    const report = await engine.syncNow({ force });
    clearTimeout(retry);
    const next = report.status.nextAttemptAt ? Date.parse(report.status.nextAttemptAt) - now() : undefined;
    if (next !== undefined && next <= TIMER_RETRY_LIMIT_MS) retry = setTimeout(() => void run(false), Math.max(0, next));
    return report.status;
  }

  function soon(): void {
    clearTimeout(debounce);
    debounce = setTimeout(() => void run(false), options.debounceMs ?? WRITE_DEBOUNCE_MS);
  }

  async function signIn(): Promise<SignInOutcome> {
    const current = await settings;
    if (!current.oidc) {
      return {
        ok: false,
        message: "Aucun fournisseur d'identité n'est configuré : renseignez-le ci-dessous, ou un jeton de développement pour la démonstration.",
      };
    }
    try {
      const login =
        options.signIn ??
        ((oidc: OidcSettings) =>
          signInWithPkce(oidc, { launch: identity.launchWebAuthFlow, redirectUri: identity.redirectUrl(), fetch: options.fetch, now }));
      const tokens = await login(current.oidc);
      await session.signedIn({ signedInAt: now(), ...tokens, issuer: current.oidc.issuer, clientId: current.oidc.clientId });
      await engine.credentialsChanged();
      return { ok: true, status: await run(true) };
    } catch (err) {
      return { ok: false, message: err instanceof SignInError ? err.message : 'Connexion impossible : réessayez.' };
    }
  }

  async function signOut(): Promise<void> {
    await session.signedOut();
    await engine.credentialsChanged();
  }

  // Listeners first, synchronously: a worker woken by one of these events must find its handler.
  alarms.onAlarm((name) => {
    if (name === SYNC_ALARM) void run(false);
    if (name === RENEW_ALARM) void session.renewIfDue();
  });
  network.onOnline(() => void run(true));
  runtimeEvents.onStartup(() => void run(false));
  onSyncSettingsChanged(() => {
    settings = loadSyncSettings();
    void engine.credentialsChanged().then(() => run(true));
  });
  // Every write adds an outbox row in its transaction: that is the signal to sync soon.
  db.outbox.hook('creating', function () {
    this.onsuccess = () => soon();
  });
  const removers = [
    onMessage('sync.now', async ({ sender }) => {
      fromExtensionPage(sender);
      return run(true);
    }),
    onMessage('sync.signIn', async ({ sender }) => {
      fromExtensionPage(sender);
      return signIn();
    }),
    onMessage('sync.signOut', async ({ sender }) => {
      fromExtensionPage(sender);
      await signOut();
      return readStatus(db);
    }),
    onMessage('sync.dismissRejection', async ({ data, sender }) => {
      fromExtensionPage(sender);
      await dismissRejection(db, dismissRejectionRequestSchema.parse(data).seq);
    }),
    onMessage('stats.get', async ({ data, sender }) => {
      fromExtensionPage(sender);
      return stats.get(data);
    }),
  ];

  void (async () => {
    const existing = await alarms.get(SYNC_ALARM);
    if (existing?.periodInMinutes !== SYNC_PERIOD_MINUTES) {
      await alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES, delayInMinutes: SYNC_PERIOD_MINUTES });
    }
  })();

  return {
    engine,
    transport,
    soon,
    syncNow: run,
    signIn,
    signOut,
    dispose() {
      clearTimeout(debounce);
      clearTimeout(retry);
      for (const remove of removers) remove();
    },
  };
}
