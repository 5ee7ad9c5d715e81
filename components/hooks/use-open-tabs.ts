import { useEffect, useState } from 'preact/hooks';
import { onTabReadingsChanged } from '@/lib/messaging/changes';
import { sendMessage } from '@/lib/messaging/protocol';
import type { TabContext } from '@/lib/messaging/tab-context';

/** Readings of every open legacy tab, kept current. */
export function useOpenTabs(): TabContext[] {
  const [contexts, setContexts] = useState<TabContext[]>([]);
  useEffect(() => {
    let alive = true;
    // Only the answer to the latest request is kept: an earlier one may come back last (use-tab-context.ts).
    let latest = 0;
    const refresh = () => {
      const request = ++latest;
      return sendMessage('context.all', undefined)
        .then((all) => alive && request === latest && setContexts(all))
        .catch(() => undefined);
    };
    void refresh();
    const stop = onTabReadingsChanged(() => void refresh());
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return contexts;
}
