/**
 * Work a page's detection and its extraction both need (the label index, the message header…), done once per
 * read. A read is synchronous and never changes the page, so what it found stays true until the read ends;
 * the next read (after the page changed) starts afresh. Outside a read, nothing is kept.
 */
let current: Map<unknown, WeakMap<object, unknown>> | undefined;

/** Runs one read; `perRead` functions called inside it share their results. */
export function duringRead<T>(read: () => T): T {
  if (current) return read();
  current = new Map();
  try {
    return read();
  } finally {
    current = undefined;
  }
}

/** `fn`, its result for one argument kept for the rest of the current read. */
export function perRead<A extends object, R>(fn: (arg: A) => R): (arg: A) => R {
  return (arg) => {
    if (!current) return fn(arg);
    let results = current.get(fn);
    if (!results) current.set(fn, (results = new WeakMap()));
    if (results.has(arg)) return results.get(arg) as R;
    const result = fn(arg);
    results.set(arg, result);
    return result;
  };
}
