/**
 * Promotions repository. Every write keeps the promotion, its status cache and its outbox
 * mutation in one Dexie transaction: all of them are written, or none.
 */
import { recentDuplicateAmong, DUPLICATE_WINDOW_DAYS } from '../domain/duplicates';
import { ftIdSchema, normalizeSiret } from '../domain/formats';
import { editRefusal } from '../domain/promotion-edits';
import { uuidv7 } from '../domain/ids';
import type { Establishment, EstablishmentContact, JobSeekerProfile } from '../domain/legacy';
import {
  promotionDescriptiveSchema,
  promotionEventSchema,
  promotionReference,
  promotionSchema,
  type ConsentEvidence,
  type DeclineReason,
  type Promotion,
  type PromotionChannel,
  type PromotionEvent,
  type PromotionEventType,
  type PromotionMode,
} from '../domain/promotion';
import { EVENT_TYPE_LABELS, STATUS_LABELS } from '../domain/labels';
import { reducePromotionCreate, reducePromotionEvent, type PromotionRecord, type Refused } from '../domain/mutations';
import { canApply, deriveStatus } from '../domain/status';
import type { ProfilenceDb, StoredPromotion, SyncedFields } from './db';
import { enqueue } from './outbox';
import { accepted, localContext } from './reduced';
import { describeIssues } from './validation';

export type PromotionRefusalCode = 'consent_missing' | 'invalid' | 'transition' | 'not_found' | 'not_editable';

/** A write the store refuses; `message` is meant for the counsellor. */
export class PromotionRefused extends Error {
  constructor(
    readonly code: PromotionRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'PromotionRefused';
  }
}

const SECTIONS = {
  jobSeeker: 'Demandeur',
  establishment: 'Établissement',
  contact: 'Interlocuteur',
  rome: 'Métier proposé',
  mode: 'Mode',
  channel: 'Canal',
  pitch: 'Argumentaire',
  counsellorId: 'Conseiller',
  agencyCode: 'Agence',
  type: 'Événement',
  at: 'Date',
  by: 'Auteur',
  reason: 'Motif',
  note: 'Note',
};

/** A promotion as the reducers know it, with the sync fields it carries on this install. */
export type LocalPromotionRecord = PromotionRecord & SyncedFields;

/** The status caches of a promotion, recomputed from its events. Every write goes through here. */
export function toStoredPromotion(promotion: LocalPromotionRecord): StoredPromotion {
  const derived = deriveStatus(promotion.events);
  const row: StoredPromotion = { ...promotion, status: derived.status };
  if (derived.sentAt) row.sentAt = derived.sentAt;
  if (derived.lastEventAt) row.lastEventAt = derived.lastEventAt;
  return row;
}

/** The record without its caches (sync fields kept), to hand to a reducer. */
export function promotionRecord(row: StoredPromotion): LocalPromotionRecord {
  const { status: _status, sentAt: _sentAt, lastEventAt: _lastEventAt, ...promotion } = row;
  return promotion;
}

/** A reducer's refusal as the store's error: its codes are the ones the panel tells apart. */
const promotionRefusal = ({ code, message }: Refused) =>
  new PromotionRefused(code === 'consent_missing' || code === 'not_found' ? code : 'invalid', message);

type JobSeekerSnapshot = Promotion['jobSeeker'];
type EstablishmentSnapshot = Promotion['establishment'];
type ContactSnapshot = NonNullable<Promotion['contact']>;

/** The minimal snapshot a promotion keeps of the job-seeker file. */
export function jobSeekerSnapshot(profile: JobSeekerProfile): JobSeekerSnapshot {
  const main = profile.targetJobs.find((job) => job.main) ?? profile.targetJobs[0];
  return {
    ftId: profile.ftId,
    firstName: profile.firstName,
    lastName: profile.lastName,
    ...(main ? { mainRome: main.rome } : {}),
    promotionConsent: { ...profile.promotionConsent },
  };
}

export function establishmentSnapshot(establishment: Establishment): EstablishmentSnapshot {
  const { siret, name, address } = establishment;
  return { siret, name, postcode: address.postcode, city: address.city };
}

export function contactSnapshot(contact: EstablishmentContact): ContactSnapshot {
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  return { name, ...(contact.email ? { email: contact.email } : {}), ...(contact.phone ? { phone: contact.phone } : {}) };
}

export interface CreatePromotionInput {
  /** The profile as read on the job-seeker file, or a snapshot of it. */
  jobSeeker: JobSeekerProfile | JobSeekerSnapshot;
  establishment: Establishment | EstablishmentSnapshot;
  contact?: EstablishmentContact | ContactSnapshot;
  /** The job proposed; the profile's main job when omitted. */
  rome?: string;
  mode: PromotionMode;
  channel: PromotionChannel;
  pitch: string;
  /** How the consent was read on the file (docs/domain.md). */
  consentEvidence?: ConsentEvidence;
}

export interface WriteContext {
  counsellorId: string;
  /** Display name of the signed-in agent (`counsellorId` holds their `sub`). */
  counsellorName?: string;
  agencyCode: string;
  now?: Date;
}

const isProfile = (j: CreatePromotionInput['jobSeeker']): j is JobSeekerProfile =>
  typeof j === 'object' && j !== null && 'targetJobs' in j;
const isEstablishment = (e: CreatePromotionInput['establishment']): e is Establishment => 'address' in e;
const isContact = (c: NonNullable<CreatePromotionInput['contact']>): c is EstablishmentContact => 'lastName' in c;

/**
 * Records a new promotion (status `draft`) and its `promotion.create` mutation together.
 * Refuses a job seeker who has not authorised the promotion of their profile, whatever the UI did.
 */
export async function createPromotion(
  db: ProfilenceDb,
  input: CreatePromotionInput,
  ctx: WriteContext,
): Promise<StoredPromotion> {
  const jobSeeker = isProfile(input.jobSeeker) ? jobSeekerSnapshot(input.jobSeeker) : input.jobSeeker;
  if ((jobSeeker as Partial<JobSeekerSnapshot> | undefined)?.promotionConsent?.granted !== true) {
    throw new PromotionRefused(
      'consent_missing',
      "Promotion impossible : ce demandeur d'emploi n'a pas autorisé la promotion de son profil.",
    );
  }
  const rome = input.rome ?? jobSeeker.mainRome;
  if (!rome) {
    throw new PromotionRefused('invalid', 'Promotion non enregistrée : choisissez le métier proposé (code ROME).');
  }
  const now = ctx.now ?? new Date();
  const id = uuidv7(now.getTime());
  const candidate = {
    id,
    reference: promotionReference(id),
    createdAt: now.toISOString(),
    counsellorId: ctx.counsellorId,
    ...(ctx.counsellorName ? { counsellorName: ctx.counsellorName } : {}),
    agencyCode: ctx.agencyCode,
    jobSeeker,
    establishment: isEstablishment(input.establishment) ? establishmentSnapshot(input.establishment) : input.establishment,
    ...(input.contact ? { contact: isContact(input.contact) ? contactSnapshot(input.contact) : input.contact } : {}),
    rome,
    mode: input.mode,
    channel: input.channel,
    pitch: input.pitch,
    events: [],
    ...(input.consentEvidence ? { consentEvidence: input.consentEvidence } : {}),
  };
  const parsed = promotionSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new PromotionRefused('invalid', `Promotion non enregistrée : ${describeIssues(parsed.error, SECTIONS)}`);
  }
  const row = toStoredPromotion(accepted(reducePromotionCreate(undefined, parsed.data, localContext(now)), promotionRefusal).record);
  await db.transaction('rw', db.promotions, db.outbox, db.meta, async () => {
    await db.promotions.add(row);
    await enqueue(db, 'promotion.create', parsed.data, now);
  });
  return row;
}

export interface NewEvent {
  type: PromotionEventType;
  by: string;
  /** Display name of `by`. */
  byName?: string;
  reason?: DeclineReason;
  note?: string;
  /** When it happened; now when omitted. */
  at?: string;
}

function buildEvent(promotionId: string, input: NewEvent, now: Date): PromotionEvent {
  const candidate = {
    id: uuidv7(now.getTime()),
    promotionId,
    type: input.type,
    at: input.at ?? now.toISOString(),
    by: input.by,
    ...(input.byName ? { byName: input.byName } : {}),
    ...(input.reason ? { reason: input.reason } : {}),
    ...(input.note ? { note: input.note } : {}),
  };
  const parsed = promotionEventSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new PromotionRefused('invalid', `Événement non enregistré : ${describeIssues(parsed.error, SECTIONS)}`);
  }
  return parsed.data;
}

async function appendEvent(db: ProfilenceDb, row: StoredPromotion, event: PromotionEvent, now: Date): Promise<StoredPromotion> {
  const result = accepted(reducePromotionEvent(promotionRecord(row), event, localContext(now)), promotionRefusal);
  if (result.outcome === 'unchanged') return row;
  const updated = toStoredPromotion(result.record);
  await db.promotions.put(updated);
  // The event as kept: on a pseudonymised promotion its note is already effaced and never leaves the install.
  await enqueue(db, 'promotion.addEvent', updated.events.at(-1)!, now);
  return updated;
}

const notFound = () =>
  new PromotionRefused('not_found', 'Promotion introuvable : elle a peut-être été supprimée. Rechargez la liste.');

/** Appends an event the current status allows, with its `promotion.addEvent` mutation. */
export async function addEvent(
  db: ProfilenceDb,
  promotionId: string,
  input: NewEvent,
  now: Date = new Date(),
): Promise<StoredPromotion> {
  const event = buildEvent(promotionId, input, now);
  return db.transaction('rw', db.promotions, db.outbox, db.meta, async () => {
    const row = await db.promotions.get(promotionId);
    if (!row) throw notFound();
    if (!canApply(row.status, event.type)) {
      throw new PromotionRefused(
        'transition',
        `Impossible d'enregistrer « ${EVENT_TYPE_LABELS[event.type]} » : la promotion est au statut « ${STATUS_LABELS[row.status]} ».`,
      );
    }
    return appendEvent(db, row, event, now);
  });
}

export async function getPromotion(db: ProfilenceDb, id: string): Promise<StoredPromotion | undefined> {
  return db.promotions.get(id);
}

const newestFirst = (a: StoredPromotion, b: StoredPromotion) =>
  Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** Every promotion of this job seeker, newest first. */
export async function listForJobSeeker(db: ProfilenceDb, ftId: string): Promise<StoredPromotion[]> {
  const key = ftIdSchema.safeParse(ftId);
  if (!key.success) return [];
  const rows = await db.promotions.where('jobSeeker.ftId').equals(key.data).toArray();
  return rows.sort(newestFirst);
}

/** Every promotion of these job seekers (a portfolio's worklist), in no particular order. */
export async function listForJobSeekers(db: ProfilenceDb, ftIds: readonly string[]): Promise<StoredPromotion[]> {
  return ftIds.length === 0 ? [] : db.promotions.where('jobSeeker.ftId').anyOf([...ftIds]).toArray();
}

/** Every promotion to this establishment, newest first. */
export async function listForEstablishment(db: ProfilenceDb, siret: string): Promise<StoredPromotion[]> {
  const rows = await db.promotions.where('establishment.siret').equals(normalizeSiret(siret)).toArray();
  return rows.sort(newestFirst);
}

/**
 * A promotion of the same profile to the same establishment created or sent within `days`
 * before `now` and not withdrawn: the side panel warns before proposing it again.
 */
export async function findRecentDuplicate(
  db: ProfilenceDb,
  ftId: string,
  siret: string,
  now: Date = new Date(),
  days: number = DUPLICATE_WINDOW_DAYS,
): Promise<StoredPromotion | undefined> {
  const rows = await listForEstablishment(db, siret);
  return recentDuplicateAmong(rows, ftId, siret, now, days);
}

export type MarkSentOutcome =
  | { outcome: 'marked'; promotion: StoredPromotion }
  | { outcome: 'already_sent'; promotion: StoredPromotion }
  | { outcome: 'not_found' };

const REFERENCE_PATTERN = /^PRF-[0-9A-Z]{6}$/;

/**
 * The webmail confirmed a message whose subject carries `reference`: records `sent` once.
 * A later confirmation of the same message adds nothing. The mail did leave, so the event is
 * recorded even on a promotion closed meanwhile (it is then flagged for review, not dropped).
 */
export async function markSentByReference(
  db: ProfilenceDb,
  reference: string,
  sent: { at: string; by: string; byName?: string },
  now: Date = new Date(),
): Promise<MarkSentOutcome> {
  const ref = reference.trim().toUpperCase();
  if (!REFERENCE_PATTERN.test(ref)) return { outcome: 'not_found' };
  return db.transaction('rw', db.promotions, db.outbox, db.meta, async () => {
    const rows = (await db.promotions.where('reference').equals(ref).toArray()).sort(newestFirst);
    const row = rows[0];
    if (!row) return { outcome: 'not_found' } as const;
    if (row.events.some((e) => e.type === 'sent')) return { outcome: 'already_sent', promotion: row } as const;
    const event = buildEvent(row.id, { type: 'sent', at: sent.at, by: sent.by, byName: sent.byName }, now);
    return { outcome: 'marked', promotion: await appendEvent(db, row, event, now) } as const;
  });
}

export type PromotionChanges = Partial<Pick<Promotion, 'contact' | 'rome' | 'mode' | 'channel' | 'pitch'>>;

/**
 * Changes a promotion with a `promotion.update` mutation carrying only the fields that changed and the
 * version last pulled from the server; the status decides which fields may change (domain/promotion-edits).
 * Nothing changed: nothing is written.
 */
export async function updatePromotion(
  db: ProfilenceDb,
  id: string,
  changes: PromotionChanges,
  now: Date = new Date(),
): Promise<StoredPromotion> {
  const parsed = promotionDescriptiveSchema.partial().safeParse(changes);
  if (!parsed.success) {
    throw new PromotionRefused('invalid', `Promotion non modifiée : ${describeIssues(parsed.error, SECTIONS)}`);
  }
  return db.transaction('rw', db.promotions, db.outbox, db.meta, async () => {
    const row = await db.promotions.get(id);
    if (!row) throw notFound();
    const diff = Object.fromEntries(
      Object.entries(parsed.data).filter(
        ([field, value]) => value !== undefined && JSON.stringify(row[field as keyof StoredPromotion]) !== JSON.stringify(value),
      ),
    ) as PromotionChanges;
    if (Object.keys(diff).length === 0) return row;
    const refusal = editRefusal(row.status, Object.keys(diff));
    if (refusal) throw new PromotionRefused('not_editable', refusal);
    const updated: StoredPromotion = { ...row, ...diff };
    await enqueue(db, 'promotion.update', { id, baseVersion: row.serverVersion ?? 0, changes: diff }, now);
    await db.promotions.put(updated);
    return updated;
  });
}
