/**
 * Who wrote a record, and who may change it: the server enforces these rules on every push, the extension
 * uses the same functions to hide the buttons a counsellor may not use. One rule, one place.
 *
 * - Authors are identified by the token's `sub` (`counsellorId`, `createdBy`, `addedBy`, event `by`), shown by
 *   the token's name (`…Name`); the server stamps both, whatever the client sent.
 * - A pool entry or a company need is updated or closed by its author or an agency manager.
 * - A promotion's descriptive fields are edited, and `withdrawn` recorded, by its author or a manager.
 * - Any counsellor of the agency records the other follow-up events on a colleague's promotion (the employer's
 *   reply reaches whoever answers the phone), and any counsellor records a consent withdrawal (it protects the
 *   person; the server audits it).
 * - A reader alias (a label taught to a reader) is revoked by its author or an agency manager; any counsellor
 *   reports that it matched.
 * - `national` is not a manager: in its own agency it acts as a counsellor.
 */
import type { PromotionEventType } from './promotion';

export type AuthoredKind = 'promotion' | 'need' | 'pool' | 'alias';

/** The signed-in counsellor, as the verified token (server) or `GET /v1/me` (extension) gives it. */
export interface Actor {
  sub: string;
  /** Display name from the token's claims; the `sub` stands in when the provider gives none. */
  name?: string;
  roles: readonly string[];
}

/** Where each record keeps its author's `sub` and display name. */
export const AUTHOR_FIELDS = {
  promotion: { id: 'counsellorId', name: 'counsellorName' },
  need: { id: 'createdBy', name: 'createdByName' },
  pool: { id: 'addedBy', name: 'addedByName' },
  alias: { id: 'createdBy', name: 'createdByName' },
} as const satisfies Record<AuthoredKind, { id: string; name: string }>;

export const MANAGER_ROLE = 'manager';

/** Events only the promotion's author (or a manager) may record. */
export const AUTHOR_ONLY_EVENT_TYPES: readonly PromotionEventType[] = ['withdrawn'];

export const isAgencyManager = (actor: Pick<Actor, 'roles'>) => actor.roles.includes(MANAGER_ROLE);

/** The author's `sub` as the record says it (the server prefers the `sub` it recorded itself, when it has one). */
export function authorOf(kind: AuthoredKind, record: Record<string, unknown>): string | undefined {
  const id = record[AUTHOR_FIELDS[kind].id];
  return typeof id === 'string' ? id : undefined;
}

/** Edit a promotion's descriptive fields; update or close a need or a pool entry. */
export function mayEdit(actor: Actor, authorSub: string | undefined): boolean {
  return actor.sub === authorSub || isAgencyManager(actor);
}

/** Record an event on a promotion written by `authorSub`. */
export function mayRecordEvent(actor: Actor, authorSub: string | undefined, type: PromotionEventType): boolean {
  return !AUTHOR_ONLY_EVENT_TYPES.includes(type) || mayEdit(actor, authorSub);
}

/** Any counsellor of the agency may record that a job seeker withdrew their consent. */
export const mayWithdrawConsent = (_actor: Actor) => true;

export const FORBIDDEN_MESSAGES = {
  promotion: "Seul l'auteur de la promotion ou un responsable d'agence peut la modifier : modification refusée.",
  withdrawn: "Seul l'auteur de la promotion ou un responsable d'agence peut la retirer : retrait refusé.",
  need: "Seul l'auteur de ce besoin ou un responsable d'agence peut le modifier ou le clore : modification refusée.",
  pool: "Seul le conseiller qui a proposé ce profil au vivier ou un responsable d'agence peut le modifier ou le retirer : modification refusée.",
  alias: "Seul le conseiller qui a appris ce libellé ou un responsable d'agence peut le retirer : retrait refusé.",
} as const;

/** The French refusal for an edit of a record written by `authorSub`, or `undefined` when allowed. */
export function editProblem(actor: Actor, kind: AuthoredKind, authorSub: string | undefined): string | undefined {
  return mayEdit(actor, authorSub) ? undefined : FORBIDDEN_MESSAGES[kind];
}

/** The French refusal for an event on a promotion written by `authorSub`, or `undefined` when allowed. */
export function eventProblem(actor: Actor, authorSub: string | undefined, type: PromotionEventType): string | undefined {
  return mayRecordEvent(actor, authorSub, type) ? undefined : FORBIDDEN_MESSAGES.withdrawn;
}

/**
 * What extensions before the `auto` flag wrote as the author of the automatic « Sans réponse »: still read, so
 * an outbox filled before the update keeps its events recognisable once the server stamps the real author.
 */
export const LEGACY_AUTO_AUTHOR = 'Profilence (clôture automatique)';

type RawEvent = Record<string, unknown>;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Display names are at most 200 characters in the schemas; a longer claim is cut, not refused. */
const displayName = (actor: Actor) => (actor.name?.trim() || actor.sub).slice(0, 200);

function stampEvent(event: unknown, actor: Actor): unknown {
  if (!isObject(event)) return event;
  const legacyAuto = event.type === 'no_response' && event.by === LEGACY_AUTO_AUTHOR && event.auto === undefined;
  const stamped: RawEvent = { ...event, by: actor.sub, byName: displayName(actor) };
  if (legacyAuto) stamped.auto = true;
  return stamped;
}

/**
 * A create of a record the server already holds is a replay (a resend, a reinstalled extension): its author is
 * the stored one, and so are the authors of the events already stored; only new events are the actor's. So the
 * replay of an identical record stays identical, whoever sends it.
 */
export function keepStoredAuthors(kind: AuthoredKind, args: unknown, stored: Record<string, unknown>): unknown {
  if (!isObject(args)) return args;
  const { id, name } = AUTHOR_FIELDS[kind];
  const kept: Record<string, unknown> = { ...args, [id]: stored[id], [name]: stored[name] };
  if (stored[name] === undefined) delete kept[name];
  if (kind === 'promotion' && Array.isArray(args.events)) {
    const storedEvents = new Map(
      (Array.isArray(stored.events) ? stored.events : []).filter(isObject).map((e) => [e.id, e] as const),
    );
    kept.events = args.events.map((event) => {
      const known = isObject(event) ? storedEvents.get(event.id) : undefined;
      if (!known || !isObject(event)) return event;
      const { by: _by, byName: _byName, auto: _auto, ...rest } = event;
      return { ...rest, by: known.by, ...(known.byName === undefined ? {} : { byName: known.byName }), ...(known.auto === undefined ? {} : { auto: known.auto }) };
    });
  }
  return kept;
}

/**
 * The mutation's arguments with every author field set from the actor (the verified token), whatever the client
 * wrote there. Arguments that are not objects are returned as they are, for the schema to refuse.
 */
export function stampAuthor(name: string, args: unknown, actor: Actor): unknown {
  if (!isObject(args)) return args;
  const byKind = (kind: AuthoredKind) => ({ ...args, [AUTHOR_FIELDS[kind].id]: actor.sub, [AUTHOR_FIELDS[kind].name]: displayName(actor) });
  switch (name) {
    case 'promotion.create': {
      const stamped = byKind('promotion');
      if (Array.isArray(args.events)) stamped.events = args.events.map((e) => stampEvent(e, actor));
      return stamped;
    }
    case 'promotion.addEvent':
      return stampEvent(args, actor);
    case 'need.create':
      return byKind('need');
    case 'pool.add':
      return byKind('pool');
    case 'alias.create':
      return byKind('alias');
    case 'alias.revoke':
      // Who withdrew it, like an event's author.
      return { ...args, by: actor.sub, byName: displayName(actor) };
    default:
      return args;
  }
}
