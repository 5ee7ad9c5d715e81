/** Establishments the counsellor opened recently, so the side panel can offer them again. */
import { normalizeSiret } from '../domain/formats';
import { establishmentSchema, type Establishment } from '../domain/legacy';
import type { EstablishmentRow, ProfilenceDb } from './db';
import { describeIssues, InvalidRecord } from './validation';

/** Beyond this, the least recently seen are forgotten: this is a recent list, not a directory. */
export const MAX_REMEMBERED_ESTABLISHMENTS = 200;

/** Lower case without accents, for searching: `Rhône` → `rhone`. */
export function foldForSearch(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Keeps (or refreshes) an establishment read on its page. */
export async function rememberEstablishment(
  db: ProfilenceDb,
  establishment: Establishment,
  seenAt: Date = new Date(),
): Promise<EstablishmentRow> {
  const parsed = establishmentSchema.safeParse(establishment);
  if (!parsed.success) {
    throw new InvalidRecord(`Établissement non enregistré : ${describeIssues(parsed.error)}`);
  }
  const row: EstablishmentRow = { siret: parsed.data.siret, establishment: parsed.data, seenAt: seenAt.toISOString() };
  await db.transaction('rw', db.establishments, async () => {
    await db.establishments.put(row);
    const excess = (await db.establishments.count()) - MAX_REMEMBERED_ESTABLISHMENTS;
    if (excess > 0) {
      const oldest = await db.establishments.orderBy('seenAt').limit(excess).primaryKeys();
      await db.establishments.bulkDelete(oldest);
    }
  });
  return row;
}

/** The most recently seen first. */
export async function recentEstablishments(db: ProfilenceDb, limit = 10): Promise<EstablishmentRow[]> {
  return db.establishments.orderBy('seenAt').reverse().limit(limit).toArray();
}

export async function getEstablishment(db: ProfilenceDb, siret: string): Promise<EstablishmentRow | undefined> {
  return db.establishments.get(normalizeSiret(siret));
}

/**
 * By name (part of it, accents and case ignored) or by SIRET (part of it, spaces ignored);
 * the most recently seen first.
 */
export async function searchEstablishments(db: ProfilenceDb, query: string, limit = 20): Promise<EstablishmentRow[]> {
  const name = foldForSearch(query);
  if (!name) return [];
  const digits = normalizeSiret(query);
  const bySiret = /^\d+$/.test(digits);
  const rows = await db.establishments.orderBy('seenAt').reverse().toArray();
  return rows
    .filter((row) => foldForSearch(row.establishment.name).includes(name) || (bySiret && row.siret.includes(digits)))
    .slice(0, limit);
}
