/**
 * The agency pool (« vivier »): profiles a job-seeker counsellor recommends and company counsellors
 * promote. Only a profile whose promotion was authorised may enter it; every write keeps the entry
 * and its outbox mutation in one transaction.
 */
import { ftIdSchema } from '../domain/formats';
import { uuidv7 } from '../domain/ids';
import type { JobSeekerProfile } from '../domain/legacy';
import { poolEntryEditableSchema, poolEntrySchema, type PoolEntry } from '../domain/pool';
import { reducePoolAdd, reducePoolUpdate } from '../domain/mutations';
import { BoardRefused, boardRefusal, matchesPlace, matchesRome, type BoardWriteContext } from './board';
import type { ProfilenceDb, StoredPoolEntry } from './db';
import { enqueue } from './outbox';
import { accepted, localContext } from './reduced';
import { describeIssues } from './validation';

export const POOL_CONSENT_REFUSAL =
  "Ajout au vivier impossible : ce demandeur d'emploi n'a pas autorisé la promotion de son profil.";

const POOL_SECTIONS = {
  ftId: 'Identifiant France Travail',
  firstName: 'Prénom',
  mainRome: 'Métier principal',
  romeLabel: 'Libellé du métier',
  postcode: 'Code postal',
  city: 'Commune',
  pitch: 'Présentation',
  availability: 'Disponibilité',
  status: 'Statut',
  promotionConsent: 'Autorisation de promotion',
};

export interface NewPoolEntry {
  ftId: string;
  firstName: string;
  mainRome: string;
  romeLabel: string;
  postcode: string;
  city: string;
  pitch: string;
  availability?: PoolEntry['availability'];
  /** As read on the job-seeker file. */
  promotionConsent: { granted: boolean; since?: string };
}

export type PoolChanges = Partial<Pick<PoolEntry, 'pitch' | 'availability' | 'status'>>;

/** A short presentation for colleagues, from the file: job, experience, availability, strengths. No name, no contact. */
export function defaultPoolPitch(profile: JobSeekerProfile): string {
  const main = profile.targetJobs.find((j) => j.main) ?? profile.targetJobs[0];
  const parts: string[] = [];
  if (main) parts.push(`${main.label} (${main.rome})`);
  if (profile.experienceYears !== undefined) {
    parts.push(`${profile.experienceYears} an${profile.experienceYears > 1 ? 's' : ''} d'expérience`);
  }
  if (profile.qualification) parts.push(profile.qualification.label.toLowerCase());
  const a = profile.availability;
  if (a?.immediate) parts.push('disponible immédiatement');
  else if (a?.from) parts.push(`disponible à partir du ${a.from.split('-').reverse().join('/')}`);
  const first = parts.length ? `${parts.join(', ')}.` : '';
  const skills = profile.skills.slice(0, 3);
  const strengths = skills.length ? ` Savoir-faire : ${skills.join(' ; ')}.` : '';
  const qualities = profile.softSkills.length ? ` Qualités : ${profile.softSkills.slice(0, 3).join(', ')}.` : '';
  const licences = profile.drivingLicences.length ? ` Permis ${profile.drivingLicences.join(', ')}.` : '';
  return `${first}${strengths}${qualities}${licences}`.trim();
}

/**
 * The pool fields taken from a job-seeker file: main target job, commune, availability, consent.
 * Refuses (in French) a file without consent, without a main job or without a commune.
 */
export function poolEntryFromProfile(profile: JobSeekerProfile, pitch: string): NewPoolEntry {
  if (!profile.promotionConsent.granted) throw new BoardRefused('consent_missing', POOL_CONSENT_REFUSAL);
  const main = profile.targetJobs.find((j) => j.main) ?? profile.targetJobs[0];
  if (!main) {
    throw new BoardRefused('invalid', "Ajout au vivier impossible : le dossier n'indique aucun métier recherché.");
  }
  if (!profile.address) {
    throw new BoardRefused('invalid', "Ajout au vivier impossible : le dossier n'indique pas la commune du demandeur.");
  }
  return {
    ftId: profile.ftId,
    firstName: profile.firstName,
    mainRome: main.rome,
    romeLabel: main.label,
    postcode: profile.address.postcode,
    city: profile.address.city,
    pitch,
    ...(profile.availability ? { availability: profile.availability } : {}),
    promotionConsent: { ...profile.promotionConsent },
  };
}

/** The active entry of this job seeker, if any (one at a time). */
export async function activePoolEntryOf(db: ProfilenceDb, ftId: string): Promise<StoredPoolEntry | undefined> {
  const key = ftIdSchema.safeParse(ftId);
  if (!key.success) return undefined;
  return (await db.pool.where('ftId').equals(key.data).toArray()).find((e) => e.status === 'active');
}

/**
 * Recommends a profile to the agency pool with its `pool.add` mutation. Refuses a job seeker who has
 * not authorised the promotion of their profile, whatever the caller says, and a second active entry.
 */
export async function addToPool(db: ProfilenceDb, input: NewPoolEntry, ctx: BoardWriteContext): Promise<StoredPoolEntry> {
  if ((input as Partial<NewPoolEntry>).promotionConsent?.granted !== true) {
    throw new BoardRefused('consent_missing', POOL_CONSENT_REFUSAL);
  }
  const now = ctx.now ?? new Date();
  const candidate = {
    id: uuidv7(now.getTime()),
    ftId: input.ftId,
    firstName: input.firstName,
    mainRome: input.mainRome,
    romeLabel: input.romeLabel,
    postcode: input.postcode,
    city: input.city,
    pitch: input.pitch,
    ...(input.availability ? { availability: input.availability } : {}),
    status: 'active' as const,
    promotionConsent: input.promotionConsent,
    addedBy: ctx.counsellorId,
    ...(ctx.counsellorName ? { addedByName: ctx.counsellorName } : {}),
    agencyCode: ctx.agencyCode,
    createdAt: now.toISOString(),
  };
  const parsed = poolEntrySchema.safeParse(candidate);
  if (!parsed.success) {
    throw new BoardRefused('invalid', `Profil non ajouté au vivier : ${describeIssues(parsed.error, POOL_SECTIONS)}`);
  }
  const entry: StoredPoolEntry = accepted(reducePoolAdd(undefined, parsed.data, localContext(now)), boardRefusal).record;
  return db.transaction('rw', db.pool, db.outbox, db.meta, async () => {
    const existing = await activePoolEntryOf(db, entry.ftId);
    if (existing) {
      throw new BoardRefused('duplicate', `Ce profil est déjà dans le vivier (recommandé par ${existing.addedByName ?? existing.addedBy}).`);
    }
    await db.pool.add(entry);
    await enqueue(db, 'pool.add', entry, now);
    return entry;
  });
}

/** « En emploi », « Retirer », or a new presentation: a `pool.update` with the changed fields only. */
export async function updatePoolEntry(db: ProfilenceDb, id: string, changes: PoolChanges, now: Date = new Date()): Promise<StoredPoolEntry> {
  const parsed = poolEntryEditableSchema.partial().safeParse(changes);
  if (!parsed.success) {
    throw new BoardRefused('invalid', `Profil du vivier non modifié : ${describeIssues(parsed.error, POOL_SECTIONS)}`);
  }
  return db.transaction('rw', db.pool, db.outbox, db.meta, async () => {
    const row = await db.pool.get(id);
    if (!row) throw new BoardRefused('not_found', 'Profil introuvable dans le vivier : il a peut-être été retiré. Rechargez la liste.');
    const baseVersion = row.serverVersion ?? 0;
    const result = accepted(reducePoolUpdate(row, { id, baseVersion, changes: parsed.data }, localContext(now)), boardRefusal);
    if (result.outcome !== 'changed') return row;
    if (result.changes.status === 'active') {
      const other = await activePoolEntryOf(db, row.ftId);
      if (other && other.id !== id) throw new BoardRefused('duplicate', `Ce profil est déjà dans le vivier (recommandé par ${other.addedByName ?? other.addedBy}).`);
    }
    await enqueue(db, 'pool.update', { id, baseVersion, changes: result.changes }, now);
    await db.pool.put(result.record);
    return result.record;
  });
}

export interface PoolFilters {
  rome?: string;
  commune?: string;
  status?: PoolEntry['status'] | 'all';
  ftId?: string;
}

/** The pool, newest first, filtered by job (ROME code or its beginning), commune and status. */
export async function listPool(db: ProfilenceDb, filters: PoolFilters = {}): Promise<StoredPoolEntry[]> {
  let rows: StoredPoolEntry[];
  if (filters.ftId) {
    const key = ftIdSchema.safeParse(filters.ftId);
    rows = key.success ? await db.pool.where('ftId').equals(key.data).toArray() : [];
  } else {
    rows = await db.pool.toArray();
  }
  return rows
    .filter(
      (e) =>
        matchesRome(e.mainRome, filters.rome) &&
        matchesPlace(e.postcode, e.city, filters.commune) &&
        (!filters.status || filters.status === 'all' || e.status === filters.status),
    )
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}
