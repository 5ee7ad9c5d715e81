import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * Re-renders whenever the IndexedDB data read by `query` changes (in this page or in the background). `initial`
 * is shown until the first answer, `failed` if the store cannot be read (by default `initial` again).
 */
export function useLiveQuery<T, I = T>(query: () => Promise<T> | T, deps: unknown[], initial: I, failed: T | I = initial): T | I {
  const [value, setValue] = useState<T | I>(initial);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: () => setValue(failed),
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
