/**
 * The agent signed in to the central endpoint, as the sync engine cached it from `GET /v1/me` (the `meta`
 * table, key `syncIdentity`): every record the background writes names them. Never the name a legacy
 * page prints in its banner.
 */
import { agentFromIdentity, type Agent } from '@/lib/domain/agent';
import type { ProfilenceDb } from '@/lib/store';
import { readIdentity } from '@/lib/sync/status';

export const signedInAgent = async (db: ProfilenceDb): Promise<Agent> => agentFromIdentity(await readIdentity(db));

/** The author fields of a store write: identity plus display name when known. */
export const writerOf = (agent: Agent) => ({ counsellorId: agent.id, ...(agent.name ? { counsellorName: agent.name } : {}) });
