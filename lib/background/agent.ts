/**
 * The agent signed in to the central endpoint, as the sync engine cached it from `GET /v1/me` (the `meta`
 * table, key `syncIdentity`): every record the background writes names them. Never the name a legacy
 * page prints in its banner.
 */
import { LOCAL_AGENT_ID } from '@/lib/domain/agent';
import type { ProfilenceDb } from '@/lib/store';
import { readIdentity } from '@/lib/sync/status';

export interface SignedInAgent {
  /** The token's `sub`, or `LOCAL_AGENT_ID` on an install never signed in (the server replaces it at first sync). */
  id: string;
  /** Display name; absent for the local placeholder (the interface says « vous »). */
  name?: string;
}

export async function signedInAgent(db: ProfilenceDb): Promise<SignedInAgent> {
  const me = await readIdentity(db);
  if (!me) return { id: LOCAL_AGENT_ID };
  return me.name.trim() ? { id: me.sub, name: me.name.trim() } : { id: me.sub };
}

/** The author fields of a store write: identity plus display name when known. */
export const writerOf = (agent: SignedInAgent) => ({ counsellorId: agent.id, ...(agent.name ? { counsellorName: agent.name } : {}) });
