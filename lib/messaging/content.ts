/**
 * The protocol of ./protocol.ts as content scripts speak it: a thin typed layer over runtime messages, on the
 * same wire as @webext-core/messaging (`{ id, type, data, timestamp }` out, `{ res }` or `{ err }` back), which
 * the background keeps with its router and its sender checks. Content scripts run inside the legacy tools' pages
 * and must stay small (bench/content-scripts.ts): the library and WXT's browser wrapper are left out here.
 */
import { assertFromBackground } from '@/lib/content/background-only';
import { contentExtensionId, listenToExtension, sendToExtension } from '@/lib/platform/runtime-messages';
import type { ProtocolMap } from './protocol';

/** What a content script sends, and what the background asks of it. */
type ContentSends = 'page.read' | 'aliases.get' | 'aliases.matched';
type ContentAnswers = 'cv.fetch' | 'compose.fill' | 'aliases.changed' | 'alias.pick';
type Data<K extends keyof ProtocolMap> = Parameters<ProtocolMap[K]>[0];
type Answer<K extends keyof ProtocolMap> = ReturnType<ProtocolMap[K]>;

interface WireMessage {
  id: number;
  type: string;
  data: unknown;
  timestamp: number;
}
type WireAnswer = { res: unknown } | { err: { name: string; message: string; stack: string } };

let nextId = Math.floor(Math.random() * 1e4);

export async function sendToBackground<K extends ContentSends>(type: K, data: Data<K>): Promise<Answer<K>> {
  const message: WireMessage = { id: nextId++, type, data, timestamp: Date.now() };
  const answer = (await sendToExtension(message)) as WireAnswer | undefined;
  if (!answer) throw new Error('No response');
  if ('err' in answer) throw Object.assign(new Error(answer.err.message), { name: answer.err.name });
  return answer.res as Answer<K>;
}

/** Answers `type` when the message comes from this extension's background (no tab, same id), refuses it otherwise. */
export function answerBackground<K extends ContentAnswers>(type: K, handle: (data: Data<K>) => Answer<K> | Promise<Answer<K>>): void {
  listenToExtension((raw, sender) => {
    const message = raw as Partial<WireMessage> | null;
    if (message?.type !== type || typeof message.timestamp !== 'number') return undefined;
    return (async (): Promise<WireAnswer> => {
      try {
        assertFromBackground(sender, contentExtensionId());
        return { res: await handle(message.data as Data<K>) };
      } catch (err) {
        const error = err instanceof Error ? err : new Error(String(err));
        return { err: { name: error.name, message: error.message, stack: error.stack ?? '' } };
      }
    })();
  });
}
