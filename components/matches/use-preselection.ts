import { useEffect, useState } from 'preact/hooks';
import { preselectionKey, preselectionSchema, PRESELECTION_TTL_MS } from '@/lib/background/board';
import { sessionStore } from '@/lib/platform';

/**
 * Establishments a match's « Promouvoir » asked to tick in this job seeker's promotion form. Read once
 * and removed, so a later visit of the file starts afresh; kept current while the panel shows the file.
 */
export function usePreselection(ftId: string): string[] {
  const [sirets, setSirets] = useState<string[]>([]);
  useEffect(() => {
    let alive = true;
    setSirets([]);
    const key = preselectionKey(ftId);
    const read = async () => {
      const parsed = preselectionSchema.safeParse(await sessionStore.get(key));
      if (!parsed.success || !alive) return;
      await sessionStore.remove(key);
      if (Date.now() - Date.parse(parsed.data.at) > PRESELECTION_TTL_MS) return;
      setSirets((previous) => [...new Set([...previous, ...parsed.data.sirets])]);
    };
    void read().catch(() => undefined);
    const stop = sessionStore.onChanged((keys) => keys.includes(key) && void read().catch(() => undefined));
    return () => {
      alive = false;
      stop();
    };
  }, [ftId]);
  return sirets;
}
