/**
 * What the server checks before a mutation reaches the reducer (server/sync/mutations.ts), with the shared rules
 * of lib/domain: the author stamped from the token, the clock, anonymity, authorship. Malformed arguments and
 * missing consent go on (stamped) to the reducer, which refuses them with its own codes, consent first.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import { anonymityProblem, findIdentifyingData, type PersonIdentifiers } from '../../lib/domain/anonymity';
import { authorOf, editProblem, eventProblem, keepStoredAuthors, stampAuthor, type AuthoredKind } from '../../lib/domain/authorship';
import { clockProblem, datesOf } from '../../lib/domain/clock';
import { editRefusal } from '../../lib/domain/promotion-edits';
import type { Promotion, PromotionEvent } from '../../lib/domain/promotion';
import { deriveStatus, type OrderedEvent } from '../../lib/domain/status';
import { mutationArgsSchemas, type MutationName, type RejectionCode } from '../../lib/domain/sync';
import type { Counsellor } from '../auth/counsellor';
import type { EntityTable } from '../db/schema';
import { parseInFrench } from '../errors';
import { minimisedJobSeeker } from './anonymous';
import type { RowCache } from './row-cache';

export interface GuardEnv {
  counsellor: Counsellor;
  scope: string;
  now: Date;
  rows: RowCache;
  log: FastifyBaseLogger;
}

/** `schemaResult`: the args' schema check, when `args` are exactly what was checked (the reducer reuses it). */
export type Guarded =
  | { args: unknown; schemaResult?: z.ZodSafeParseResult<unknown> }
  | { rejected: { status: 'rejected'; code: RejectionCode; message: string } };

const reject = (code: RejectionCode, message: string): Guarded => ({ rejected: { status: 'rejected', code, message } });

const isMutationName = (name: string): name is MutationName => Object.prototype.hasOwnProperty.call(mutationArgsSchemas, name);

type UpdateArgs = { id: string; changes: Record<string, unknown> };
type StoredPromotion = Pick<Promotion, 'mode' | 'pitch' | 'jobSeeker'> & { events: OrderedEvent[] };

/** A row of this agency that the mutation targets; other agencies' rows and tombstones are the reducer's business. */
async function liveRow(env: GuardEnv, kind: AuthoredKind, id: string): Promise<{ row: EntityTable; data: Record<string, unknown> } | undefined> {
  const row = await env.rows.get(kind, id);
  if (!row || row.deleted || row.data === null || row.scope !== env.scope) return undefined;
  return { row, data: JSON.parse(row.data) as Record<string, unknown> };
}

/** The `sub` the server recorded for the first writer, else what the record says (rows older than migration 002). */
const authorSubOf = (kind: AuthoredKind, found: { row: EntityTable; data: Record<string, unknown> }) =>
  found.row.created_by_sub ?? authorOf(kind, found.data);

function forbidden(env: GuardEnv, kind: AuthoredKind, id: string, message: string): Guarded {
  env.log.warn({ sub: env.counsellor.sub, agency: env.counsellor.agencyCode, entity: kind, id }, "modification refusée : ni l'auteur ni un responsable");
  return reject('forbidden', message);
}

/** The person's values an anonymous pitch must not carry, as far as the server knows them. */
const personOf = (jobSeeker: Promotion['jobSeeker']): PersonIdentifiers => ({
  // Emptied on anonymous promotions (server/sync/anonymous.ts) and pseudonymised ones: nothing to look for then.
  firstName: jobSeeker.firstName || undefined,
  lastName: jobSeeker.lastName || undefined,
  ftId: jobSeeker.ftId.startsWith('pseudo:') ? undefined : jobSeeker.ftId,
});

function anonymityRefusal(pitch: string, jobSeeker: Promotion['jobSeeker']): Guarded | undefined {
  const problem = anonymityProblem(findIdentifyingData(pitch, personOf(jobSeeker)));
  return problem ? reject('anonymity', problem) : undefined;
}

const CREATED_KINDS: Partial<Record<MutationName, AuthoredKind>> = {
  'promotion.create': 'promotion',
  'need.create': 'need',
  'pool.add': 'pool',
  'alias.create': 'alias',
};

/** The arguments with their authors from the token, or from the stored record when a create is a replay. */
async function stamped(env: GuardEnv, name: MutationName, raw: unknown): Promise<unknown> {
  const args = stampAuthor(name, raw, env.counsellor);
  const kind = CREATED_KINDS[name];
  const id = (raw as { id?: unknown } | null)?.id;
  if (!kind || typeof id !== 'string') return args;
  const stored = await liveRow(env, kind, id);
  return stored ? keepStoredAuthors(kind, args, stored.data) : args;
}

export async function guardMutation(env: GuardEnv, name: string, raw: unknown): Promise<Guarded> {
  if (!isMutationName(name)) return { args: raw };
  const args = await stamped(env, name, raw);
  const parsed = parseInFrench(mutationArgsSchemas[name] as z.ZodType, args);
  // The args go on as checked, so the reducer does not run the schema again.
  const checked: Guarded = { args, schemaResult: parsed };
  if (!parsed.success) return checked;

  const late = clockProblem(datesOf(name, args), env.now);
  if (late) return reject('clock', late);

  switch (name) {
    case 'promotion.create': {
      const promotion = parsed.data as Promotion;
      if (!promotion.jobSeeker.promotionConsent.granted) return checked;
      if (promotion.mode === 'anonymous') {
        const refusal = anonymityRefusal(promotion.pitch, promotion.jobSeeker);
        if (refusal) return refusal;
      }
      // A create of an id already stored is a replay: it may add events, never rewrite the record.
      const stored = await liveRow(env, 'promotion', promotion.id);
      if (stored) {
        const known = new Set(((stored.data.events ?? []) as PromotionEvent[]).map((e) => e.id));
        for (const event of promotion.events.filter((e) => !known.has(e.id))) {
          const problem = eventProblem(env.counsellor, authorSubOf('promotion', stored), event.type);
          if (problem) return forbidden(env, 'promotion', promotion.id, problem);
        }
      }
      if (promotion.mode !== 'anonymous') return checked;
      const a = args as { jobSeeker: Record<string, unknown> };
      return { args: { ...a, jobSeeker: minimisedJobSeeker(a.jobSeeker) } };
    }
    case 'promotion.addEvent': {
      const event = parsed.data as PromotionEvent;
      const stored = await liveRow(env, 'promotion', event.promotionId);
      const problem = stored && eventProblem(env.counsellor, authorSubOf('promotion', stored), event.type);
      return problem ? forbidden(env, 'promotion', event.promotionId, problem) : checked;
    }
    case 'promotion.update':
    case 'need.update':
    case 'pool.update': {
      const kind = name.split('.')[0] as AuthoredKind;
      const { id, changes } = parsed.data as UpdateArgs;
      const stored = await liveRow(env, kind, id);
      if (!stored) return checked;
      const problem = editProblem(env.counsellor, kind, authorSubOf(kind, stored));
      if (problem) return forbidden(env, kind, id, problem);
      if (kind !== 'promotion') return checked;
      const promotion = stored.data as unknown as StoredPromotion;
      // Once sent, only the contact may change: the employer already has the rest (lib/domain/promotion-edits.ts).
      const sentAlready = editRefusal(deriveStatus(promotion.events).status, Object.keys(changes));
      if (sentAlready) return reject('invalid', sentAlready);
      if (!('pitch' in changes || 'mode' in changes)) return checked;
      if ((changes.mode ?? promotion.mode) !== 'anonymous') return checked;
      return anonymityRefusal(String(changes.pitch ?? promotion.pitch), promotion.jobSeeker) ?? checked;
    }
    case 'alias.revoke': {
      const { id } = parsed.data as { id: string };
      const stored = await liveRow(env, 'alias', id);
      const problem = stored && editProblem(env.counsellor, 'alias', authorSubOf('alias', stored));
      return problem ? forbidden(env, 'alias', id, problem) : checked;
    }
    default:
      // need.create, pool.add, alias.create: stamped above; alias.matched: any counsellor of the agency; jobseeker.consentWithdrawn: any counsellor (audited by the reducer).
      return checked;
  }
}
