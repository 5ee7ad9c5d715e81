/**
 * The readers' health counts of this install, one meta row per day (`readerHealth:<YYYY-MM-DD>`), kept in IndexedDB
 * so a stopped service worker loses none. Each count raises the day's revision; a day is due to be sent while the
 * revision the server last received is not the current one. Counts only: no URL, no value, no name
 * (lib/domain/reader-health.ts).
 */
import { countReading, dayHealthSchema, emptyDay, type DayHealth } from '../domain/reader-health';
import type { ReadResult } from '../domain/legacy';
import type { ProfilenceDb } from './db';

const PREFIX = 'readerHealth:';

export interface StoredDayHealth {
  counts: DayHealth;
  revision: number;
  /** The revision the server acknowledged. */
  sentRevision?: number;
}

function parseStored(value: unknown): StoredDayHealth | undefined {
  const row = value as Partial<StoredDayHealth> | undefined;
  const counts = dayHealthSchema.safeParse(row?.counts);
  if (!counts.success || typeof row?.revision !== 'number') return undefined;
  return { counts: counts.data, revision: row.revision, sentRevision: row.sentRevision };
}

/** Counts one reading in `day`'s row, in one transaction (two tabs read at once). */
export async function countHealthReading(db: ProfilenceDb, day: string, reading: ReadResult): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const stored = parseStored((await db.meta.get(PREFIX + day))?.value);
    const counts = countReading(stored?.counts ?? emptyDay(day), reading);
    const row: StoredDayHealth = { counts, revision: (stored?.revision ?? 0) + 1, sentRevision: stored?.sentRevision };
    await db.meta.put({ key: PREFIX + day, value: row });
  });
}

/** Every day kept, oldest first. */
export async function healthDays(db: ProfilenceDb): Promise<StoredDayHealth[]> {
  const rows = await db.meta.where('key').startsWith(PREFIX).toArray();
  return rows
    .map((row) => parseStored(row.value))
    .filter((row): row is StoredDayHealth => row !== undefined)
    .sort((a, b) => a.counts.day.localeCompare(b.counts.day));
}

/** The days to send (never sent, or counted since), with the revision each was at. */
export async function unsentHealthDays(db: ProfilenceDb): Promise<StoredDayHealth[]> {
  return (await healthDays(db)).filter((d) => d.sentRevision !== d.revision);
}

/** The server received `day` at `revision` (a reading counted meanwhile keeps it due). */
export async function markHealthSent(db: ProfilenceDb, day: string, revision: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const stored = parseStored((await db.meta.get(PREFIX + day))?.value);
    if (stored) await db.meta.put({ key: PREFIX + day, value: { ...stored, sentRevision: revision } satisfies StoredDayHealth });
  });
}

/** Drops the days before `oldestKept`, sent or not: the server keeps the days it received. */
export async function dropOldHealthDays(db: ProfilenceDb, oldestKept: string): Promise<void> {
  const old = (await healthDays(db)).filter((d) => d.counts.day < oldestKept);
  await db.meta.bulkDelete(old.map((d) => PREFIX + d.counts.day));
}
