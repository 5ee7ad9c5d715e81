import { readIdentity } from '@/lib/sync/status';
import { useOpenTabs } from '../hooks/use-open-tabs';
import { useLiveQuery } from '../hooks/use-live-query';
import { uiDb } from '../promotion/db';

/** The signed-in counsellor: named by the banner of an open legacy page, else by the central endpoint. */
export function useCounsellorName(): string | undefined {
  const tabs = useOpenTabs();
  const identity = useLiveQuery(() => readIdentity(uiDb()), [], undefined);
  for (const c of tabs) {
    if (c.result.recognized && c.result.agent?.name) return c.result.agent.name;
  }
  return identity?.name;
}
