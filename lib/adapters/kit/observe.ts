/**
 * Follows in-place changes (JSF partial updates, client-side
 * navigation): calls back, debounced, whenever the page changes and `selector` matches.
 */
export interface ObserveOptions {
  /** Where to watch; the whole document by default. */
  root?: Node & ParentNode;
  /** Quiet time before calling back, so a burst of mutations gives one call. */
  debounceMs?: number;
  signal?: AbortSignal;
}

/** Calls `callback` with the matching elements now (if any) and after every change; returns a stop function. */
export function observe(
  selector: string,
  callback: (elements: Element[]) => void,
  { root, debounceMs = 150, signal }: ObserveOptions = {},
): () => void {
  const target = root ?? document;
  const view = (target.ownerDocument ?? (target as Document)).defaultView;
  const Observer = view?.MutationObserver ?? globalThis.MutationObserver;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const run = () => {
    timer = undefined;
    if (stopped) return;
    const found = Array.from(target.querySelectorAll(selector));
    if (found.length > 0) callback(found);
  };
  const schedule = () => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  };

  const observer = new Observer(schedule);
  observer.observe(target, { childList: true, subtree: true, characterData: true, attributes: false });
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    observer.disconnect();
  };
  signal?.addEventListener('abort', stop, { once: true });
  if (signal?.aborted) stop();
  else schedule();
  return stop;
}
