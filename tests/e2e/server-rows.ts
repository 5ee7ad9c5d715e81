/** What leaves the system in the e2e tests that run a central endpoint on SQLite: the rows it stored. */
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** The promotions the endpoint whose data folder is `dataDir` stored: author (`sub`), job seeker, establishment. */
export function storedPromotions(dataDir: string): { sub: string; ftId: string; siret: string }[] {
  const db = new Database(join(dataDir, 'profilence.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT created_by_sub AS sub, data FROM promotions').all() as { sub: string; data: string }[]).map((r) => {
      const data = JSON.parse(r.data) as { jobSeeker: { ftId: string }; establishment: { siret: string } };
      return { sub: r.sub, ftId: data.jobSeeker.ftId, siret: data.establishment.siret };
    });
  } finally {
    db.close();
  }
}

/** Reads again every 250 ms until `ok` holds (the extension syncs in the background), at most `ms`. */
export async function until<T>(read: () => T | Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`condition non remplie à temps : ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The readers' health rows the endpoint whose data folder is `dataDir` stored, every column. */
export function storedReaderHealth(dataDir: string): Record<string, string | number>[] {
  const db = new Database(join(dataDir, 'profilence.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT * FROM reader_health ORDER BY tool, page, kind, key').all() as Record<string, string | number>[];
  } finally {
    db.close();
  }
}

/** The promotions the endpoint stored, whole (reference, mode, events…), for tests that check more than who and where. */
export function storedPromotionRecords(dataDir: string): { reference: string; mode: string; jobSeeker: { ftId: string; lastName: string }; establishment: { siret: string }; events: { type: string }[] }[] {
  const db = new Database(join(dataDir, 'profilence.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT data FROM promotions').all() as { data: string }[]).map((r) => JSON.parse(r.data));
  } finally {
    db.close();
  }
}
