import { useEffect, useState } from 'preact/hooks';
import { onPreselectionChanged } from '@/lib/messaging/changes';
import { sendMessage } from '@/lib/messaging/protocol';

/**
 * Establishments a match's « Promouvoir » asked to tick in this job seeker's promotion form. The background
 * hands them over once, so a later visit of the file starts afresh; asked again whenever a new one is left
 * while the panel shows the file.
 */
export function usePreselection(ftId: string): string[] {
  const [sirets, setSirets] = useState<string[]>([]);
  useEffect(() => {
    let alive = true;
    setSirets([]);
    const take = () =>
      sendMessage('promotion.takePreselection', { ftId })
        .then(({ sirets: taken }) => {
          if (alive && taken.length > 0) setSirets((previous) => [...new Set([...previous, ...taken])]);
        })
        .catch(() => undefined);
    void take();
    const stop = onPreselectionChanged(ftId, () => void take());
    return () => {
      alive = false;
      stop();
    };
  }, [ftId]);
  return sirets;
}
