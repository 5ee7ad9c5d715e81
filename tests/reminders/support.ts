import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach } from 'vitest';
import { addEvent, createPromotion, openDb, type ProfilenceDb, type StoredPromotion } from '@/lib/store';
import { readingOf } from '../background/fixtures';
import type { Establishment, JobSeekerProfile } from '@/lib/domain/legacy';

export const profile = (readingOf('dossier-demandeur', 'dossier-1234567A') as { data: JobSeekerProfile }).data;
export const establishment = (readingOf('fiche-entreprise', 'etablissement-73282932000074') as { data: Establishment }).data;
export const ctx = { counsellorId: 'Jeanne MARTIN', agencyCode: '69031' };

const opened: ProfilenceDb[] = [];
export function freshDb(): ProfilenceDb {
  const db = openDb(`profilence-reminders-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** 10:00 in Paris (winter time), `day` days after Monday 2 November 2026, plus `minutes`. */
export const day = (n: number, minutes = 0) => new Date(Date.UTC(2026, 10, 2, 9) + n * 86_400_000 + minutes * 60_000);

/** A phone promotion of the fixture profile, sent on `sentDay`. */
export async function sentPromotion(db: ProfilenceDb, sentDay: number): Promise<StoredPromotion> {
  const now = day(sentDay);
  const created = await createPromotion(
    db,
    { jobSeeker: profile, establishment, contact: establishment.contacts[0], mode: 'named', channel: 'phone', pitch: 'Profil à découvrir.' },
    { ...ctx, now },
  );
  return addEvent(db, created.id, { type: 'sent', by: ctx.counsellorId }, now);
}

/** A clock the test moves by hand. */
export function manualClock(start: Date) {
  let current = start.getTime();
  return {
    now: async () => new Date(current),
    set(d: Date) {
      current = d.getTime();
    },
  };
}
