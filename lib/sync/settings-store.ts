/**
 * Sync settings in storage.local; the signed-in session (access and refresh tokens) in storage.session only:
 * gone when the browser closes, never written to disk, out of reach of content scripts.
 */
import { localStore, sessionStore } from '../platform';
import { loadPolicy, onPolicyChanged } from '../settings/policy-store';
import { isSessionValid, sessionMatches, type OidcSession } from './oidc';
import { applySyncPolicy, parseSyncSettings, SYNC_SETTINGS_KEY, syncSettingsSchema, syncToStore, type SyncSettings } from './settings';

export const SYNC_SESSION_KEY = 'sync.session';
/** Set by « Se déconnecter » until the next sign-in: no silent sign-in meanwhile, even after a restart. */
export const SIGNED_OUT_KEY = 'sync.signedOut';

/** The settings in force: the administrator's policy over the counsellor's options over the build's defaults. */
export async function loadSyncSettings(): Promise<SyncSettings> {
  const [stored, policy] = await Promise.all([localStore.get(SYNC_SETTINGS_KEY), loadPolicy()]);
  return applySyncPolicy(parseSyncSettings(stored), policy);
}

/**
 * Checked again before saving: storage outlives the page that wrote it. The policy's values are not written
 * as the counsellor's (`syncToStore`). Returns the settings in force.
 */
export async function saveSyncSettings(settings: SyncSettings): Promise<SyncSettings> {
  const edited = syncSettingsSchema.parse(settings);
  const [stored, policy] = await Promise.all([localStore.get(SYNC_SETTINGS_KEY), loadPolicy()]);
  const toStore = syncToStore(edited, parseSyncSettings(stored), policy);
  await localStore.set(SYNC_SETTINGS_KEY, toStore);
  return applySyncPolicy(toStore, policy);
}

/** The counsellor's settings or the administrator's policy changed. */
export function onSyncSettingsChanged(listener: () => void): () => void {
  const offLocal = localStore.onChanged((keys) => keys.includes(SYNC_SETTINGS_KEY) && listener());
  const offPolicy = onPolicyChanged(listener);
  return () => {
    offLocal();
    offPolicy();
  };
}

export async function loadSession(): Promise<OidcSession | undefined> {
  return sessionStore.get<OidcSession>(SYNC_SESSION_KEY);
}

export async function saveSession(session: OidcSession): Promise<void> {
  await sessionStore.set(SYNC_SESSION_KEY, session);
}

export async function clearSession(): Promise<void> {
  await sessionStore.remove(SYNC_SESSION_KEY);
}

export async function setSignedOut(signedOut: boolean): Promise<void> {
  if (signedOut) await localStore.set(SIGNED_OUT_KEY, true);
  else await localStore.remove(SIGNED_OUT_KEY);
}

export async function isSignedOut(): Promise<boolean> {
  return (await localStore.get<boolean>(SIGNED_OUT_KEY)) === true;
}

/**
 * The bearer token to use now without renewing (extension pages such as the dashboard): the signed-in session
 * when valid and from the configured provider, else the development token, else none. The background keeps
 * the session fresh (lib/sync/session.ts).
 */
export async function currentToken(settings: SyncSettings, now: number = Date.now()): Promise<string | undefined> {
  const session = await loadSession();
  if (sessionMatches(session, settings.oidc) && isSessionValid(session, now)) return session.accessToken;
  return settings.devToken;
}
