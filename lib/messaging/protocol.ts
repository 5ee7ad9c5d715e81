/**
 * The one typed protocol between content scripts, UI pages and the background.
 * Payloads crossing it are parsed again with zod by the receiver (lib/messaging/guards.ts).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ReadResult } from '@/lib/domain/legacy';
import type { TabContext } from './tab-context';

export interface ProtocolMap {
  /** Content script → background: what the reader found on the page (sent on load and on in-place changes). */
  'page.read'(result: ReadResult): void;
  /** UI → background: the context of a tab (the active one when tabId is omitted). */
  'context.get'(query: { tabId?: number }): TabContext | null;
}

export const messaging = defineExtensionMessaging<ProtocolMap>();
export const { sendMessage, onMessage } = messaging;
