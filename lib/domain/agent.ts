/**
 * Who made a record. Identity fields (`counsellorId`, event `by`, need `createdBy`, pool `addedBy`) hold the
 * signed-in agent's `sub` from the central endpoint (`GET /v1/me`); display-name fields (`counsellorName`,
 * `byName`, `createdByName`, `addedByName`) carry the name shown to people. The name printed in a legacy page's
 * banner is never used: any page can print any name.
 */

/**
 * Stands for the agent on an install that has never been signed in to the central endpoint. The server
 * replaces it with the token's `sub` (and the name) when it first receives the record; the pulled version
 * then replaces the local one.
 */
export const LOCAL_AGENT_ID = 'agent:local';

/** What the interface says for an author: the display name, « vous » for this install's placeholder. */
export function authorLabel(id: string, name: string | undefined): string {
  if (name?.trim()) return name.trim();
  // Records made before display names existed carry the banner name in the identity field itself.
  return id === LOCAL_AGENT_ID ? 'vous' : id;
}

export interface Agent {
  /** The token's `sub`, or `LOCAL_AGENT_ID`. */
  id: string;
  /** Display name; absent for the local placeholder. */
  name?: string;
}

/** The agent from the endpoint's `GET /v1/me` answer, the local placeholder when never signed in. */
export function agentFromIdentity(identity: { sub: string; name: string } | undefined): Agent {
  if (!identity) return { id: LOCAL_AGENT_ID };
  const name = identity.name.trim();
  // The endpoint answers the `sub` as the name when the identity provider gave none: that is no name.
  return name && name !== identity.sub ? { id: identity.sub, name } : { id: identity.sub };
}

/**
 * Whether `agent` wrote a record. Records made before identities were kept carry a name in the identity field
 * and no display name: they are matched on the signed-in agent's name.
 */
export function isAuthor(agent: Agent, id: string, name: string | undefined): boolean {
  return id === agent.id || (name === undefined && agent.name !== undefined && id === agent.name);
}
