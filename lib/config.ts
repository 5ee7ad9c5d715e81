/**
 * Build-time settings of the extension (WXT exposes WXT_* variables as import.meta.env).
 * Defaults serve the demo started by `npm start`.
 */
const env = import.meta.env as Record<string, string | undefined>;

/** The webmail's new-message page; an open webmail tab is reused at the same path on its own origin. */
export const COMPOSE_URL = env.WXT_PROFILENCE_COMPOSE_URL ?? 'http://messagerie.localhost:8090/mail/nouveau';
export const SERVER_URL = env.WXT_PROFILENCE_SERVER_URL ?? 'http://localhost:8787';
export const DEV_TOKEN = env.WXT_PROFILENCE_DEV_TOKEN ?? '';

export function composeUrlFor(openWebmailUrl?: string): string {
  if (!openWebmailUrl) return COMPOSE_URL;
  const configured = new URL(COMPOSE_URL);
  return new URL(configured.pathname + configured.search, new URL(openWebmailUrl).origin).href;
}
