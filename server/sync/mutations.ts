/** One mutation applied inside the push transaction: business checks, then the write stamped with the next version. */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import { companyNeedEditableSchema } from '../../lib/domain/need';
import { poolEntryEditableSchema } from '../../lib/domain/pool';
import { promotionDescriptiveSchema, type Promotion, type PromotionEvent } from '../../lib/domain/promotion';
import {
  mutationArgsSchemas,
  type EntityKind,
  type MutationName,
  type RejectionCode,
} from '../../lib/domain/sync';
import type { Counsellor } from '../auth/counsellor';
import { ENTITY_TABLES, type EntityTable, type Tx } from '../db/schema';
import { describeIssues, parseInFrench, sentence } from '../errors';
import { lastActivityOf } from '../privacy/activity';
import {
  CONSENT_MESSAGES,
  isPseudonymised,
  pseudonymisedPromotion,
  readBeforeWithdrawal,
  scrubEvent,
  withdrawalOf,
  withdrawConsent,
  writtenBefore,
} from '../privacy/consent';
import { isPseudonym, pseudonymOf } from '../privacy/pseudonym';
import { canonicalJson } from './canonical';
import type { RowCache } from './row-cache';
import type { ScopeCounter } from './scope';

export type MutationOutcome =
  | { status: 'applied' }
  | { status: 'rejected'; code: RejectionCode; message: string };

export interface MutationEnv {
  trx: Tx;
  counter: ScopeCounter;
  counsellor: Counsellor;
  scope: string;
  now: string;
  log: FastifyBaseLogger;
  rows: RowCache;
  /** The pseudonymisation key, and the scope's consent withdrawals once read (server/privacy/consent.ts). */
  privacy: { key: Buffer; withdrawals?: Map<string, string> };
}

const MAX_EVENTS = 500;
const APPLIED: MutationOutcome = { status: 'applied' };
const reject = (code: RejectionCode, message: string): MutationOutcome => ({ status: 'rejected', code, message });

const EDITABLE_FIELDS: Record<EntityKind, readonly string[]> = {
  promotion: Object.keys(promotionDescriptiveSchema.shape),
  need: Object.keys(companyNeedEditableSchema.shape),
  pool: Object.keys(poolEntryEditableSchema.shape),
};

const NOUNS: Record<EntityKind, string> = {
  promotion: 'Promotion',
  need: 'Besoin de recrutement',
  pool: 'Profil du vivier',
};

const MESSAGES = {
  unknown: (name: string) => `Modification inconnue : « ${name.slice(0, 64)} ». Mettez l'extension à jour.`,
  consent: "Le demandeur d'emploi n'a pas autorisé la promotion de son profil : envoi refusé.",
  forbidden: 'Cet enregistrement relève d\'une autre agence : modification refusée.',
  notFound: (kind: EntityKind) => `${NOUNS[kind]} introuvable sur le serveur : elle a peut-être été supprimée.`,
  createConflict: (kind: EntityKind) =>
    `${NOUNS[kind]} déjà enregistrée sous cet identifiant avec un contenu différent : modification refusée.`,
  deleted: (kind: EntityKind) => `${NOUNS[kind]} supprimée du serveur : elle ne peut pas être recréée.`,
  notEditable: (fields: string[]) => `Champ(s) non modifiable(s) : ${fields.join(', ')}.`,
  tooManyEvents: `Trop d'événements sur cette promotion (${MAX_EVENTS} au plus).`,
  pseudonymCreate: 'Modification invalide : une promotion se crée avec un identifiant France Travail, pas un pseudonyme.',
  eventElsewhere: 'Un événement de la promotion désigne une autre promotion.',
};

const kindOf = (name: MutationName): EntityKind => name.split('.')[0] as EntityKind;

function isMutationName(name: string): name is MutationName {
  return Object.prototype.hasOwnProperty.call(mutationArgsSchemas, name);
}

function rawConsentGranted(name: MutationName, args: unknown): boolean | undefined {
  const a = args as { jobSeeker?: { promotionConsent?: { granted?: unknown } }; promotionConsent?: { granted?: unknown } };
  if (name === 'promotion.create') return a?.jobSeeker?.promotionConsent?.granted === true;
  if (name === 'pool.add') return a?.promotionConsent?.granted === true;
  return undefined;
}

export async function applyMutation(env: MutationEnv, name: string, args: unknown): Promise<MutationOutcome> {
  if (!isMutationName(name)) return reject('unknown_mutation', MESSAGES.unknown(name));
  const consent = rawConsentGranted(name, args);
  const parsed = parseInFrench(mutationArgsSchemas[name] as z.ZodType, args);
  // Consent first: whatever else is wrong, a profile without consent is never promoted.
  if (consent === false) return reject('consent_missing', MESSAGES.consent);
  if (!parsed.success) return reject('invalid', sentence(`Modification invalide : ${describeIssues(parsed.error.issues)}`));
  const value = parsed.data as never;
  switch (name) {
    case 'promotion.create':
      return createPromotion(env, value);
    case 'need.create':
    case 'pool.add':
      return createRecord(env, kindOf(name), value);
    case 'promotion.update':
    case 'need.update':
    case 'pool.update':
      return updateRecord(env, kindOf(name), value, args);
    case 'promotion.addEvent':
      return addEvent(env, value);
    case 'jobseeker.consentWithdrawn':
      return withdrawConsent(env, value);
  }
}

function findRow(env: MutationEnv, kind: EntityKind, id: string): Promise<EntityTable | undefined> {
  return env.rows.get(kind, id);
}

function forbidden(env: MutationEnv, kind: EntityKind, id: string, targetScope: string): MutationOutcome {
  env.log.warn(
    { sub: env.counsellor.sub, agency: env.counsellor.agencyCode, entity: kind, id, targetScope },
    'modification refusée : enregistrement d\'une autre agence',
  );
  return reject('forbidden', MESSAGES.forbidden);
}

/** What the server adds to a stored record, removed before comparing it with a resent create. */
function withoutServerFields(kind: EntityKind, data: Record<string, unknown>): Record<string, unknown> {
  if (kind !== 'promotion') return data;
  const events = (data.events as (PromotionEvent & { version?: number })[]).map(({ version: _v, ...e }) => e);
  return { ...data, events };
}

async function insertOrCompare(
  env: MutationEnv,
  kind: EntityKind,
  record: { id: string; agencyCode: string },
  stored: (version: number) => Record<string, unknown>,
): Promise<MutationOutcome> {
  if (record.agencyCode !== env.counsellor.agencyCode) return forbidden(env, kind, record.id, `agency:${record.agencyCode}`);
  const compare = (existing: EntityTable): MutationOutcome => {
    if (existing.scope !== env.scope) return forbidden(env, kind, record.id, existing.scope);
    if (existing.deleted || existing.data === null) return reject('conflict', MESSAGES.deleted(kind));
    const same = canonicalJson(withoutServerFields(kind, JSON.parse(existing.data))) === canonicalJson(withoutServerFields(kind, stored(0)));
    return same ? APPLIED : reject('conflict', MESSAGES.createConflict(kind));
  };
  const existing = await findRow(env, kind, record.id);
  if (existing) return compare(existing);
  // The version is taken only once the row is in: a refused insert leaves no gap in the scope's versions.
  const version = env.counter.current + 1;
  const fieldVersions = Object.fromEntries(EDITABLE_FIELDS[kind].map((f) => [f, version]));
  const data = stored(version);
  const row: EntityTable = {
    id: record.id,
    scope: env.scope,
    version,
    deleted: 0,
    data: JSON.stringify(data),
    field_versions: JSON.stringify(fieldVersions),
    updated_at: env.now,
    deleted_at: null,
    created_by_sub: env.counsellor.sub,
    updated_by_sub: env.counsellor.sub,
    last_activity_at: lastActivityOf(kind, data, new Date(env.now)),
  };
  // Another agency's scope is locked by another transaction: the same id may be committed there meanwhile
  // (PostgreSQL). The insert then waits for it and does nothing, and the committed row decides.
  const inserted = await env.trx
    .insertInto(ENTITY_TABLES[kind])
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
    const winner = await env.trx.selectFrom(ENTITY_TABLES[kind]).selectAll().where('id', '=', record.id).executeTakeFirst();
    if (winner) {
      env.rows.put(kind, winner);
      return compare(winner);
    }
    return reject('conflict', MESSAGES.createConflict(kind));
  }
  env.counter.next();
  env.rows.put(kind, row);
  return APPLIED;
}

async function createRecord(env: MutationEnv, kind: EntityKind, record: { id: string; agencyCode: string }) {
  if (kind === 'pool') {
    const entry = record as unknown as { ftId: string; createdAt: string };
    const withdrawnAt = await withdrawalOf(env, entry.ftId);
    if (withdrawnAt && writtenBefore(entry.createdAt, withdrawnAt)) return reject('consent_missing', CONSENT_MESSAGES.poolAfterWithdrawal);
  }
  return insertOrCompare(env, kind, record, () => record as unknown as Record<string, unknown>);
}

async function createPromotion(env: MutationEnv, promotion: Promotion) {
  if (promotion.events.some((e) => e.promotionId !== promotion.id)) {
    return reject('invalid', `Modification invalide : ${MESSAGES.eventElsewhere}`);
  }
  if (isPseudonym(promotion.jobSeeker.ftId)) return reject('invalid', MESSAGES.pseudonymCreate);
  // Events are a set by id: a repeated id counts once.
  const events = [...new Map(promotion.events.map((e) => [e.id, e])).values()];
  // Made before the job seeker withdrew their consent, arrived after: kept for the statistics, pseudonymised.
  const withdrawnAt = await withdrawalOf(env, promotion.jobSeeker.ftId);
  if (withdrawnAt && readBeforeWithdrawal(promotion, withdrawnAt)) return reject('consent_missing', CONSENT_MESSAGES.readBeforeWithdrawal);
  const pseudonym =
    withdrawnAt && writtenBefore(promotion.createdAt, withdrawnAt) ? pseudonymOf(env.privacy.key, promotion.jobSeeker.ftId) : undefined;
  return insertOrCompare(env, 'promotion', promotion, (version) => {
    const data = { ...promotion, events: events.map((e) => ({ ...e, version })) };
    return pseudonym ? pseudonymisedPromotion(data, pseudonym) : data;
  });
}

interface UpdateArgs {
  id: string;
  baseVersion: number;
  changes: Record<string, unknown>;
}

/** Last writer wins per field, in server order; a field rewritten since the writer's base is logged as a conflict. */
async function updateRecord(env: MutationEnv, kind: EntityKind, args: UpdateArgs, raw: unknown): Promise<MutationOutcome> {
  const rawChanges = (raw as { changes?: Record<string, unknown> }).changes ?? {};
  const notEditable = Object.keys(rawChanges).filter((k) => !EDITABLE_FIELDS[kind].includes(k));
  if (notEditable.length) return reject('invalid', `Modification invalide : ${MESSAGES.notEditable(notEditable)}`);

  const row = await findRow(env, kind, args.id);
  if (!row || row.deleted || row.data === null) return reject('not_found', MESSAGES.notFound(kind));
  if (row.scope !== env.scope) return forbidden(env, kind, args.id, row.scope);

  const data = JSON.parse(row.data) as Record<string, unknown>;
  if (kind === 'promotion' && isPseudonymised(data) && typeof args.changes.pitch === 'string' && args.changes.pitch !== '') {
    return reject('consent_missing', CONSENT_MESSAGES.pitchAfterWithdrawal);
  }
  const fieldVersions = JSON.parse(row.field_versions ?? '{}') as Record<string, number>;
  const changed = Object.entries(args.changes).filter(
    ([field, value]) => value !== undefined && canonicalJson(data[field]) !== canonicalJson(value),
  );
  if (changed.length === 0) return APPLIED;

  const version = env.counter.next();
  for (const [field, value] of changed) {
    const lastWrite = fieldVersions[field] ?? Number(row.version);
    if (lastWrite > args.baseVersion) {
      await env.trx
        .insertInto('conflicts')
        .values({
          id: randomUUID(),
          scope: env.scope,
          entity: kind,
          entity_id: args.id,
          field,
          previous_value: data[field] === undefined ? null : JSON.stringify(data[field]),
          new_value: JSON.stringify(value),
          by_sub: env.counsellor.sub,
          at: env.now,
          version,
        })
        .execute();
    }
    data[field] = value;
    fieldVersions[field] = version;
  }
  const changes = {
    data: JSON.stringify(data),
    field_versions: JSON.stringify(fieldVersions),
    version,
    updated_at: env.now,
    updated_by_sub: env.counsellor.sub,
  };
  await env.trx.updateTable(ENTITY_TABLES[kind]).set(changes).where('id', '=', args.id).execute();
  env.rows.put(kind, { ...row, ...changes });
  return APPLIED;
}

/** Events merge by union on id: a known id is a success that changes nothing. */
async function addEvent(env: MutationEnv, event: PromotionEvent): Promise<MutationOutcome> {
  const row = await findRow(env, 'promotion', event.promotionId);
  if (!row || row.deleted || row.data === null) return reject('not_found', MESSAGES.notFound('promotion'));
  if (row.scope !== env.scope) return forbidden(env, 'promotion', event.promotionId, row.scope);
  const data = JSON.parse(row.data) as Promotion & { events: (PromotionEvent & { version: number })[] };
  if (data.events.some((e) => e.id === event.id)) return APPLIED;
  if (data.events.length >= MAX_EVENTS) return reject('invalid', `Modification invalide : ${MESSAGES.tooManyEvents}`);
  const version = env.counter.next();
  data.events.push({ ...(isPseudonymised(data) ? scrubEvent(event) : event), version });
  const changes = {
    data: JSON.stringify(data),
    version,
    updated_at: env.now,
    updated_by_sub: env.counsellor.sub,
    last_activity_at: lastActivityOf('promotion', data, new Date(env.now)),
  };
  await env.trx.updateTable('promotions').set(changes).where('id', '=', event.promotionId).execute();
  env.rows.put('promotion', { ...row, ...changes });
  return APPLIED;
}
