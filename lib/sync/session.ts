/**
 * Keeps the signed-in session alive in the background: the access token is renewed shortly before it expires
 * (an alarm, so a stopped service worker wakes for it) and whenever a call finds it expired or refused, with the
 * refresh token (rotated by the provider at each use), else silently with the provider's own session
 * (`prompt=none`, no window). One renewal at a time: a rotated refresh token works once, and a provider that sees
 * it used twice revokes the whole session. When nothing works, the engine shows « Reconnexion nécessaire ».
 */
import { SyncError } from './errors';
import { isSessionValid, refreshSession, RenewalError, sessionMatches, signInWithPkce, type OidcSession, type SignInDeps } from './oidc';
import type { SyncSettings } from './settings';
import { clearSession, isSignedOut, loadSession, saveSession, setSignedOut } from './settings-store';

/** The renewal alarm rings this long before the access token expires. */
export const RENEW_AHEAD_MS = 60_000;
/** Browsers do not ring alarms sooner than 30 s from now. */
const MIN_ALARM_DELAY_MS = 30_000;
/** A silent sign-in without a session (after a browser restart) is tried at most this often. */
export const SILENT_RETRY_MS = 5 * 60_000;

export interface SessionKeeperDeps {
  settings: () => Promise<SyncSettings>;
  fetch?: SignInDeps['fetch'];
  now?: () => number;
  /** The browser's window for a silent sign-in; absent: refresh token only. */
  silent?: () => Pick<SignInDeps, 'launch' | 'redirectUri'>;
  /** Asks to be woken at `when` (epoch ms) to renew; `undefined` cancels. */
  schedule?: (when: number | undefined) => Promise<void>;
}

export interface SessionKeeper {
  /** The bearer token for the next call, renewed first when expired; throws a `SyncError` when unreachable. */
  token(): Promise<string | undefined>;
  /** The server refused the token: renew once; true when there is a new one to try. */
  renewAfterRefusal(): Promise<boolean>;
  /** The renewal alarm rang. */
  renewIfDue(): Promise<void>;
  /** A new session from an interactive sign-in. */
  signedIn(session: OidcSession): Promise<void>;
  signedOut(): Promise<void>;
}

export function createSessionKeeper(deps: SessionKeeperDeps): SessionKeeper {
  const now = deps.now ?? Date.now;
  let renewing: Promise<OidcSession | undefined> | undefined;
  let lastSilentAttempt = -Infinity;

  async function schedule(session: OidcSession | undefined): Promise<void> {
    if (!deps.schedule) return;
    if (!session?.expiresAt) return deps.schedule(undefined);
    await deps.schedule(Math.max(now() + MIN_ALARM_DELAY_MS, session.expiresAt - RENEW_AHEAD_MS));
  }

  async function renewNow(settings: SyncSettings, session: OidcSession): Promise<OidcSession | undefined> {
    const oidc = settings.oidc!;
    let renewed: OidcSession | undefined;
    try {
      renewed = await refreshSession(oidc, session, { fetch: deps.fetch, now });
    } catch (err) {
      if (err instanceof RenewalError && err.retry) throw new SyncError('network', err.message);
      if (deps.silent) {
        renewed = await signInWithPkce(oidc, { ...deps.silent(), fetch: deps.fetch, now }, { interactive: false })
          .then((s) => ({ ...s, signedInAt: session.signedInAt }))
          .catch(() => undefined);
      }
    }
    if (!renewed) {
      lastSilentAttempt = now();
      await clearSession();
      await schedule(undefined);
      return undefined;
    }
    await saveSession(renewed);
    await schedule(renewed);
    return renewed;
  }

  /** One renewal shared by every caller meanwhile. */
  function renew(settings: SyncSettings, session: OidcSession): Promise<OidcSession | undefined> {
    renewing ??= renewNow(settings, session).finally(() => {
      renewing = undefined;
    });
    return renewing;
  }

  /**
   * No session (the browser restarted: session storage is empty): the provider may still have its own session
   * in this browser's cookies, so a sign-in without window gives a new one and the counsellor is not asked again.
   */
  async function silentSignIn(settings: SyncSettings): Promise<OidcSession | undefined> {
    if (!settings.oidc || !deps.silent || now() - lastSilentAttempt < SILENT_RETRY_MS) return undefined;
    lastSilentAttempt = now();
    if (await isSignedOut()) return undefined;
    try {
      const session = await signInWithPkce(settings.oidc, { ...deps.silent(), fetch: deps.fetch, now }, { interactive: false });
      await saveSession(session);
      await schedule(session);
      return session;
    } catch {
      return undefined;
    }
  }

  async function current(): Promise<{ settings: SyncSettings; session?: OidcSession }> {
    const settings = await deps.settings();
    const session = await loadSession();
    return { settings, session: sessionMatches(session, settings.oidc) ? session : undefined };
  }

  return {
    async token() {
      if (renewing) await renewing.catch(() => undefined);
      const { settings, session } = await current();
      if (!session) return (await silentSignIn(settings))?.accessToken ?? settings.devToken;
      if (isSessionValid(session, now())) return session.accessToken;
      return (await renew(settings, session))?.accessToken;
    },
    async renewAfterRefusal() {
      const { settings, session } = await current();
      if (!session) return false;
      return Boolean(await renew(settings, session));
    },
    async renewIfDue() {
      const { settings, session } = await current();
      if (!session?.expiresAt) return;
      if (session.expiresAt - RENEW_AHEAD_MS > now()) return schedule(session);
      await renew(settings, session).catch(() => undefined); // unreachable: the next call tries again
    },
    async signedIn(session) {
      lastSilentAttempt = -Infinity; // the provider has a session again: worth trying after a restart
      await setSignedOut(false);
      await saveSession(session);
      await schedule(session);
    },
    async signedOut() {
      await setSignedOut(true);
      await clearSession();
      await schedule(undefined);
    },
  };
}
