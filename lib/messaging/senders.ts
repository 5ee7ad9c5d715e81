/**
 * Every runtime message's sender is checked before its payload is looked at:
 * page readings only from our content scripts on the legacy origins, commands only from our own pages.
 */
import { MatchPattern } from 'wxt/utils/match-patterns';

export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

export class UntrustedSenderError extends Error {
  constructor(what: string) {
    super(`Message refusé : ${what}.`);
    this.name = 'UntrustedSenderError';
  }
}

/** A message from one of our content scripts, in the top frame of a tab on one of `patterns`. */
export function assertLegacyTabSender(
  sender: SenderLike,
  ownId: string,
  patterns: readonly string[],
): { tabId: number; url: string } {
  if (sender.id !== ownId) throw new UntrustedSenderError('expéditeur étranger à Profilence');
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0 || !sender.url) {
    throw new UntrustedSenderError("le message ne vient pas d'un onglet");
  }
  const allowed = patterns.some((p) => new MatchPattern(p).includes(sender.url!));
  if (!allowed) throw new UntrustedSenderError("la page n'appartient pas aux outils connus");
  return { tabId, url: sender.url };
}

/** A message from one of our extension pages (side panel, popup, options, dashboard). */
export function assertExtensionPageSender(sender: SenderLike, ownId: string, ownOrigin: string): void {
  if (sender.id !== ownId) throw new UntrustedSenderError('expéditeur étranger à Profilence');
  const origin = ownOrigin.replace(/\/$/, '');
  if (!sender.url?.startsWith(`${origin}/`)) throw new UntrustedSenderError("le message ne vient pas d'une page de Profilence");
}
