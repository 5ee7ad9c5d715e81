import { agentFromIdentity, type Agent } from '@/lib/domain/agent';
import { readIdentity } from '@/lib/sync/status';
import { useLiveQuery } from '../hooks/use-live-query';
import { uiDb } from '../promotion/db';

/** The agent signed in to the central endpoint (the background writes under the same), never a page's banner. */
export function useSignedInAgent(): Agent {
  const identity = useLiveQuery(() => readIdentity(uiDb()), [], undefined);
  return agentFromIdentity(identity);
}
