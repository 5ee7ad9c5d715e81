import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { UUID_PATTERN } from '../../lib/domain/ids';
import { clientId, openDb } from '../../lib/store';
import { freshDb, track } from './helpers';

describe('clientId', () => {
  it('is made once and kept across restarts', async () => {
    const db = freshDb();
    const [first, concurrent] = await Promise.all([clientId(db), clientId(db)]);
    expect(first).toMatch(UUID_PATTERN);
    expect(concurrent).toBe(first);
    db.close();
    expect(await clientId(track(openDb(db.name)))).toBe(first);
  });

  it('differs between installs', async () => {
    expect(await clientId(freshDb())).not.toBe(await clientId(freshDb()));
  });
});
