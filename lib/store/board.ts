/**
 * The agency's shared board of recruitment needs (replaces the whiteboard). Every write keeps the
 * need and its outbox mutation in one Dexie transaction; the sync engine shares them within the agency.
 */
import { normalizeSiret } from '../domain/formats';
import { uuidv7 } from '../domain/ids';
import {
  companyNeedEditableSchema,
  companyNeedSchema,
  NEED_DEFAULT_LIFETIME_DAYS,
  type CompanyNeed,
} from '../domain/need';
import { reduceNeedCreate, reduceNeedUpdate, type Refused } from '../domain/mutations';
import type { ProfilenceDb, StoredNeed } from './db';
import { foldForSearch } from './establishments';
import { enqueue } from './outbox';
import { accepted, localContext } from './reduced';
import { describeIssues } from './validation';

export type BoardRefusalCode = 'consent_missing' | 'invalid' | 'not_found' | 'duplicate';

/** A board or pool write the store refuses; `message` is meant for the counsellor. */
export class BoardRefused extends Error {
  constructor(
    readonly code: BoardRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'BoardRefused';
  }
}

/** A reducer's refusal as the board's error. */
export const boardRefusal = ({ code, message }: Refused) =>
  new BoardRefused(code === 'consent_missing' || code === 'not_found' ? code : 'invalid', message);

/** Who writes: the counsellor named by the legacy page's banner, and their agency. */
export interface BoardWriteContext {
  counsellorId: string;
  /** Display name of the signed-in agent (`counsellorId` holds their `sub`). */
  counsellorName?: string;
  agencyCode: string;
  now?: Date;
}

export const DAY_MS = 86_400_000;
/** The author of a need is reminded this many days before it expires. */
export const NEED_EXPIRY_REMINDER_DAYS = 7;

const NEED_SECTIONS = {
  siret: 'SIRET',
  establishmentName: 'Établissement',
  postcode: 'Code postal',
  city: 'Commune',
  rome: 'Métier (code ROME)',
  label: 'Intitulé',
  positions: 'Nombre de postes',
  contractType: 'Type de contrat',
  status: 'Statut',
  expiresAt: "Date d'expiration",
  createdBy: 'Auteur',
  agencyCode: 'Agence',
};

export interface NewNeed {
  siret: string;
  establishmentName: string;
  postcode: string;
  city: string;
  rome?: string;
  label: string;
  positions?: number;
  contractType?: string;
  /** Defaults to `NEED_DEFAULT_LIFETIME_DAYS` after creation. */
  expiresAt?: string;
}

export type NeedChanges = Partial<Pick<CompanyNeed, 'rome' | 'label' | 'positions' | 'contractType' | 'status' | 'expiresAt'>>;

/** Empty strings and NaN from form fields mean « not given ». */
function given<T>(value: T | undefined | null): value is T {
  return value !== undefined && value !== null && value !== '' && !(typeof value === 'number' && Number.isNaN(value));
}

function checkPositions(positions: unknown): void {
  if (!given(positions)) return;
  if (typeof positions !== 'number' || !Number.isInteger(positions) || positions < 1 || positions > 999) {
    throw new BoardRefused('invalid', 'Besoin non enregistré : Nombre de postes : nombre entier de 1 à 999 attendu.');
  }
}

export const needExpiry = (from: Date, days: number = NEED_DEFAULT_LIFETIME_DAYS) => new Date(from.getTime() + days * DAY_MS).toISOString();

const sameJob = (a: { rome?: string; label: string }, b: { rome?: string; label: string }) =>
  a.rome || b.rome ? a.rome === b.rome : foldForSearch(a.label) === foldForSearch(b.label);

/**
 * Puts a need on the board (status `open`, expiring after 60 days) with its `need.create` mutation.
 * Refuses the same job already open for the same establishment: update that line instead.
 */
export async function addNeed(db: ProfilenceDb, input: NewNeed, ctx: BoardWriteContext): Promise<StoredNeed> {
  checkPositions(input.positions);
  const now = ctx.now ?? new Date();
  const candidate = {
    id: uuidv7(now.getTime()),
    siret: input.siret,
    establishmentName: input.establishmentName,
    postcode: input.postcode,
    city: input.city,
    ...(given(input.rome) ? { rome: input.rome } : {}),
    label: input.label,
    ...(given(input.positions) ? { positions: input.positions } : {}),
    ...(given(input.contractType) ? { contractType: input.contractType } : {}),
    status: 'open' as const,
    expiresAt: input.expiresAt ?? needExpiry(now),
    createdBy: ctx.counsellorId,
    ...(ctx.counsellorName ? { createdByName: ctx.counsellorName } : {}),
    agencyCode: ctx.agencyCode,
    createdAt: now.toISOString(),
  };
  const parsed = companyNeedSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new BoardRefused('invalid', `Besoin non enregistré : ${describeIssues(parsed.error, NEED_SECTIONS)}`);
  }
  const need: StoredNeed = accepted(reduceNeedCreate(undefined, parsed.data, localContext(now)), boardRefusal).record;
  return db.transaction('rw', db.needs, db.outbox, db.meta, async () => {
    const same = (await db.needs.where('siret').equals(need.siret).toArray()).find(
      (n) => needBoardStatus(n, now) === 'open' && sameJob(n, need),
    );
    if (same) {
      throw new BoardRefused(
        'duplicate',
        `Ce besoin est déjà au tableau (ajouté par ${same.createdByName ?? same.createdBy}) : mettez à jour la ligne existante plutôt que de la recopier.`,
      );
    }
    await db.needs.add(need);
    await enqueue(db, 'need.create', need, now);
    return need;
  });
}

/**
 * Changes a need (status, fields, expiry) with a `need.update` mutation carrying only the fields that
 * changed and the version last pulled from the server. Nothing changed: nothing is written.
 */
export async function updateNeed(db: ProfilenceDb, id: string, changes: NeedChanges, now: Date = new Date()): Promise<StoredNeed> {
  checkPositions(changes.positions);
  const cleaned = Object.fromEntries(Object.entries(changes).filter(([, v]) => given(v)));
  const parsed = companyNeedEditableSchema.partial().safeParse(cleaned);
  if (!parsed.success) {
    throw new BoardRefused('invalid', `Besoin non modifié : ${describeIssues(parsed.error, NEED_SECTIONS)}`);
  }
  return db.transaction('rw', db.needs, db.outbox, db.meta, async () => {
    const row = await db.needs.get(id);
    if (!row) throw new BoardRefused('not_found', 'Besoin introuvable : il a peut-être été retiré du tableau. Rechargez la liste.');
    const baseVersion = row.serverVersion ?? 0;
    const result = accepted(reduceNeedUpdate(row, { id, baseVersion, changes: parsed.data }, localContext(now)), boardRefusal);
    if (result.outcome !== 'changed') return row;
    await enqueue(db, 'need.update', { id, baseVersion, changes: result.changes }, now);
    await db.needs.put(result.record);
    return result.record;
  });
}

/** « Prolonger » : open again for a full lifetime from now. */
export function extendNeed(db: ProfilenceDb, id: string, now: Date = new Date()): Promise<StoredNeed> {
  return updateNeed(db, id, { status: 'open', expiresAt: needExpiry(now) }, now);
}

/** The status shown on the board: an open need past its expiry date is « expiré ». */
export type NeedBoardStatus = 'open' | 'expired' | 'filled' | 'closed';

export function needBoardStatus(need: Pick<CompanyNeed, 'status' | 'expiresAt'>, now: Date = new Date()): NeedBoardStatus {
  if (need.status !== 'open') return need.status;
  return need.expiresAt && Date.parse(need.expiresAt) < now.getTime() ? 'expired' : 'open';
}

export interface BoardFilters {
  /** A ROME code or its beginning: `M1805`, or `M18` for the whole domain. */
  rome?: string;
  /** A commune name (accents and case ignored) or the beginning of a postcode. */
  commune?: string;
  status?: NeedBoardStatus | 'all';
  siret?: string;
  now?: Date;
}

/** `rome` and `commune` filters shared by the board and the pool. */
export function matchesPlace(postcode: string, city: string, commune: string | undefined): boolean {
  const wanted = commune?.trim();
  if (!wanted) return true;
  if (/^\d+$/.test(wanted)) return postcode.startsWith(wanted);
  return foldForSearch(city).includes(foldForSearch(wanted));
}

export function matchesRome(rome: string | undefined, filter: string | undefined): boolean {
  const wanted = filter?.trim().toUpperCase();
  if (!wanted) return true;
  return rome !== undefined && rome.startsWith(wanted);
}

const newestFirst = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) =>
  Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** The board, newest first, filtered by job, commune, status and establishment. */
export async function listNeeds(db: ProfilenceDb, filters: BoardFilters = {}): Promise<StoredNeed[]> {
  const now = filters.now ?? new Date();
  const rows = filters.siret ? await db.needs.where('siret').equals(normalizeSiret(filters.siret)).toArray() : await db.needs.toArray();
  return rows
    .filter(
      (n) =>
        matchesRome(n.rome, filters.rome) &&
        matchesPlace(n.postcode, n.city, filters.commune) &&
        (!filters.status || filters.status === 'all' || needBoardStatus(n, now) === filters.status),
    )
    .sort(newestFirst);
}

/**
 * The author's open needs that expire within `days` (not those already expired), soonest first:
 * the reminder to prolong, mark filled or close them.
 */
export function needsExpiringSoon<T extends Pick<CompanyNeed, 'status' | 'expiresAt' | 'createdBy'>>(
  needs: readonly T[],
  author: string,
  now: Date = new Date(),
  days: number = NEED_EXPIRY_REMINDER_DAYS,
): T[] {
  const from = now.getTime();
  const until = from + days * DAY_MS;
  return needs
    .filter((n) => {
      if (n.status !== 'open' || n.createdBy !== author || !n.expiresAt) return false;
      const at = Date.parse(n.expiresAt);
      return at >= from && at <= until;
    })
    .sort((a, b) => Date.parse(a.expiresAt!) - Date.parse(b.expiresAt!));
}

/** Whole days left before `expiresAt` (0 = today). */
export function daysLeft(expiresAt: string, now: Date = new Date()): number {
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - now.getTime()) / DAY_MS));
}

/** The establishment a promotion made for this need is addressed to. */
export function establishmentOfNeed(need: CompanyNeed): { siret: string; name: string; postcode: string; city: string } {
  return { siret: need.siret, name: need.establishmentName, postcode: need.postcode, city: need.city };
}
