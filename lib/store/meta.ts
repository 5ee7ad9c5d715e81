import type { ProfilenceDb } from './db';

/** Keys the store itself uses; other modules may add theirs (e.g. the sync cursor). */
export const META_KEYS = {
  clientId: 'clientId',
  syncCursor: 'syncCursor',
  outboxSeq: 'outboxSeq',
} as const;

export async function getMeta<T>(db: ProfilenceDb, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export async function setMeta(db: ProfilenceDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}

/** This install's identifier for the central endpoint: made once, then always the same. */
export async function clientId(db: ProfilenceDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await getMeta<string>(db, META_KEYS.clientId);
    if (existing) return existing;
    const id = crypto.randomUUID();
    await setMeta(db, META_KEYS.clientId, id);
    return id;
  });
}
