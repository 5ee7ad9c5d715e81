import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  getEstablishment,
  InvalidRecord,
  MAX_REMEMBERED_ESTABLISHMENTS,
  recentEstablishments,
  rememberEstablishment,
  searchEstablishments,
  type ProfilenceDb,
} from '../../lib/store';
import { day, establishment, freshDb, laPoste } from './helpers';

async function seed(db: ProfilenceDb) {
  await rememberEstablishment(db, establishment, day(1));
  await rememberEstablishment(db, laPoste, day(2));
  await rememberEstablishment(
    db,
    { ...establishment, siret: '44306184100047', name: 'Boulangerie Élodie', contacts: [], needs: [] },
    day(3),
  );
}

const names = (rows: { establishment: { name: string } }[]) => rows.map((r) => r.establishment.name);

describe('establishments', () => {
  it('keeps the full reading with the time it was seen', async () => {
    const db = freshDb();
    await rememberEstablishment(db, establishment, day(1));
    const row = await getEstablishment(db, '732 829 320 00074');
    expect(row).toEqual({ siret: '73282932000074', establishment, seenAt: day(1).toISOString() });
  });

  it('lists the most recently seen first, and a second visit moves it up', async () => {
    const db = freshDb();
    await seed(db);
    expect(names(await recentEstablishments(db))).toEqual(['Boulangerie Élodie', 'LA POSTE', 'LOGICIELS DU RHÔNE']);
    await rememberEstablishment(db, establishment, day(4));
    expect(names(await recentEstablishments(db, 2))).toEqual(['LOGICIELS DU RHÔNE', 'Boulangerie Élodie']);
    expect(await db.establishments.count()).toBe(3);
  });

  it('searches names ignoring accents and case, anywhere in the name', async () => {
    const db = freshDb();
    await seed(db);
    expect(names(await searchEstablishments(db, 'rhone'))).toEqual(['LOGICIELS DU RHÔNE']);
    expect(names(await searchEstablishments(db, 'Rhône'))).toEqual(['LOGICIELS DU RHÔNE']);
    expect(names(await searchEstablishments(db, 'ELODIE'))).toEqual(['Boulangerie Élodie']);
    expect(names(await searchEstablishments(db, 'logiciels du'))).toEqual(['LOGICIELS DU RHÔNE']);
    expect(names(await searchEstablishments(db, 'o'))).toEqual(['Boulangerie Élodie', 'LA POSTE', 'LOGICIELS DU RHÔNE']);
    expect(await searchEstablishments(db, 'garage')).toEqual([]);
    expect(await searchEstablishments(db, '   ')).toEqual([]);
  });

  it('searches by SIRET, spaces ignored', async () => {
    const db = freshDb();
    await seed(db);
    expect(names(await searchEstablishments(db, '356 000 000 09075'))).toEqual(['LA POSTE']);
    expect(names(await searchEstablishments(db, '73282932000074'))).toEqual(['LOGICIELS DU RHÔNE']);
    expect(names(await searchEstablishments(db, '732 829'))).toEqual(['LOGICIELS DU RHÔNE']);
  });

  it('refuses an invalid reading with a French message', async () => {
    const db = freshDb();
    const error = await rememberEstablishment(db, { ...establishment, siret: '12345678912345' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRecord);
    expect((error as Error).message).toContain('SIRET invalide');
    expect(await db.establishments.count()).toBe(0);
  });

  it('forgets the least recently seen beyond the limit', async () => {
    const db = freshDb();
    // Valid Luhn SIRETs: 14 digits whose Luhn sum is a multiple of 10.
    const sirets: string[] = [];
    for (let n = 0; sirets.length < MAX_REMEMBERED_ESTABLISHMENTS + 2; n++) {
      const base = `1000000000${String(n).padStart(3, '0')}`;
      for (let check = 0; check < 10; check++) {
        const candidate = base + check;
        if (luhn(candidate)) {
          sirets.push(candidate);
          break;
        }
      }
    }
    for (const [i, siret] of sirets.entries()) {
      await rememberEstablishment(db, { ...establishment, siret, name: `Établissement ${i}` }, day(i));
    }
    expect(await db.establishments.count()).toBe(MAX_REMEMBERED_ESTABLISHMENTS);
    expect(await getEstablishment(db, sirets[0]!)).toBeUndefined();
    expect(await getEstablishment(db, sirets[1]!)).toBeUndefined();
    expect(await getEstablishment(db, sirets[2]!)).toBeDefined();
  });
});

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
