import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach } from 'vitest';
import establishmentPage from '../fixtures/legacy/fiche-entreprise/etablissement-73282932000074.expected.json';
import laPostePage from '../fixtures/legacy/fiche-entreprise/etablissement-35600000009075.expected.json';
import profilePage from '../fixtures/legacy/dossier-demandeur/dossier-1234567A.expected.json';
import refusingProfilePage from '../fixtures/legacy/dossier-demandeur/dossier-12345678901.expected.json';
import { establishmentSchema, jobSeekerProfileSchema } from '../../lib/domain/legacy';
import { openDb, type ProfilenceDb } from '../../lib/store';

export const profile = jobSeekerProfileSchema.parse(profilePage.data);
export const refusingProfile = jobSeekerProfileSchema.parse(refusingProfilePage.data);
export const establishment = establishmentSchema.parse(establishmentPage.data);
export const laPoste = establishmentSchema.parse(laPostePage.data);
export const ctx = { counsellorId: 'Jeanne MARTIN', agencyCode: '69031' };

const opened: ProfilenceDb[] = [];

/** A database of its own for each test, deleted afterwards. */
export function freshDb(): ProfilenceDb {
  const db = openDb(`profilence-test-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

export function track(db: ProfilenceDb): ProfilenceDb {
  opened.push(db);
  return db;
}

afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});

/** 1 November 2026 plus `days`, at noon UTC. */
export const day = (days: number) => new Date(Date.UTC(2026, 10, 1, 12) + days * 86_400_000);
