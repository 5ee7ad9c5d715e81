/**
 * Runs a legacy-page reader in a content script: once when the page is ready, then again
 * whenever the page changes in place (JSF partial updates, tabs, history navigation).
 * Only a reading that differs from the last one is sent, so a busy page does not flood the background.
 */
import { labelSetHash } from '@/lib/adapters/kit/label-set';
import { observe } from '@/lib/adapters/kit/observe';
import type { ReadResult } from '@/lib/domain/legacy';

export interface ReaderLoop {
  stop(): void;
  /** Reads now, bypassing the debounce (used after history navigation). */
  readNow(): void;
}

export function runReader(
  read: (document: Document, url: URL) => ReadResult,
  send: (result: ReadResult) => Promise<unknown> | void,
  { debounceMs = 250, win = window }: { debounceMs?: number; win?: Window } = {},
): ReaderLoop {
  let last = '';

  const readNow = () => {
    let result: ReadResult;
    try {
      result = read(win.document, new URL(win.location.href));
    } catch {
      // Readers never throw by contract; this is the last guard so the page itself is never disturbed.
      result = { url: win.location.href, recognized: false };
    }
    // The page's layout, as a hash of its label texts: the readers' health report tells redesigns by it.
    const labelSet = labelSetHash(win.document);
    if (labelSet) result = { ...result, labelSet };
    const serialized = JSON.stringify(result);
    if (serialized === last) return;
    last = serialized;
    void Promise.resolve(send(result)).catch(() => {
      last = ''; // the background was asleep or reloading: send again on the next change
    });
  };
  // Any change of the page, once it has been quiet for `debounceMs`: the whole document is read again.
  const stopObserving = observe('html', readNow, { root: win.document, debounceMs });
  win.addEventListener('popstate', readNow);
  win.addEventListener('hashchange', readNow);
  // The page is back from the back/forward cache: the background may have cleared this tab.
  win.addEventListener('pageshow', (e) => {
    if ((e as PageTransitionEvent).persisted) {
      last = '';
      readNow();
    }
  });
  readNow();

  return {
    readNow,
    stop() {
      stopObserving();
      win.removeEventListener('popstate', readNow);
      win.removeEventListener('hashchange', readNow);
    },
  };
}
