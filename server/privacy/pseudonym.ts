/**
 * Pseudonyms of job seekers: `pseudo:<HMAC-SHA256(key, ftId)>`. The same ftId always gives the same pseudonym
 * in one database, so statistics still count distinct profiles after a consent withdrawal, while the ftId
 * cannot be read back without the key (kept in the `privacy_keys` table, made by migration 002).
 */
import { createHmac } from 'node:crypto';
import { normalizeFtId } from '../../lib/domain/formats';
import type { Db, Tx } from '../db/schema';

const keys = new WeakMap<object, Buffer>();

/** The database's pseudonymisation key, read once per database handle. */
export async function pseudonymKey(db: Db | Tx): Promise<Buffer> {
  const cached = keys.get(db);
  if (cached) return cached;
  const row = await db.selectFrom('privacy_keys').select('value').where('name', '=', 'pseudonym').executeTakeFirstOrThrow();
  const key = Buffer.from(row.value, 'base64');
  keys.set(db, key);
  return key;
}

export function pseudonymOf(key: Buffer, ftId: string): string {
  return `pseudo:${createHmac('sha256', key).update(normalizeFtId(ftId)).digest('hex')}`;
}
