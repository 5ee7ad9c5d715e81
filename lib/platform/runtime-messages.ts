/**
 * Raw runtime messages for content scripts, nothing else: a content script imports this file alone, so that it
 * does not carry the rest of lib/platform (nor `wxt/browser`) into the pages of the legacy tools. The typed
 * contract on top is lib/messaging/content.ts.
 */
interface RuntimeSender {
  id?: string;
  tab?: unknown;
}
interface ContentRuntime {
  id: string;
  lastError?: { message?: string };
  sendMessage(message: unknown, callback: (response: unknown) => void): void;
  onMessage: {
    addListener(listener: (message: unknown, sender: RuntimeSender, sendResponse: (response: unknown) => void) => boolean | undefined): void;
  };
}

/** `chrome` in Chromium and Firefox alike (Firefox also answers to `chrome.*` with callbacks). */
const runtime = () => (globalThis as unknown as { chrome: { runtime: ContentRuntime } }).chrome.runtime;

export const contentExtensionId = () => runtime().id;

/** Sends to the background; rejects when no one answers (the background is reloading). */
export function sendToExtension(message: unknown): Promise<unknown> {
  return new Promise((resolve, reject) =>
    runtime().sendMessage(message, (response) => {
      const error = runtime().lastError;
      if (error) reject(new Error(error.message));
      else resolve(response);
    }),
  );
}

/** Listens to messages for this tab; `answer` returns undefined to leave a message to other listeners. */
export function listenToExtension(answer: (message: unknown, sender: RuntimeSender) => Promise<unknown> | undefined): void {
  runtime().onMessage.addListener((message, sender, sendResponse) => {
    const reply = answer(message, sender);
    if (!reply) return false;
    void reply.then(sendResponse);
    return true; // the answer comes later
  });
}
