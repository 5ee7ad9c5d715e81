import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deleteDraft, InvalidRecord, loadDraft, openDb, saveDraft, type DraftInput } from '../../lib/store';
import { day, freshDb, track } from './helpers';

const draft: DraftInput = {
  ftId: '1234567A',
  selectedSirets: ['73282932000074', '356 000 000 09075'],
  mode: 'anonymous',
  channel: 'email',
  pitch: 'Madame, Monsieur,\n\nJe me permets de vous présenter une candidate…',
  pitchEdited: true,
  contactBySiret: { '73282932000074': 1 },
};

describe('drafts', () => {
  it('survives the service worker being stopped (database closed and opened again)', async () => {
    const db = freshDb();
    const saved = await saveDraft(db, draft, day(3));
    expect(saved.selectedSirets).toEqual(['73282932000074', '35600000009075']);
    expect(saved.updatedAt).toBe(day(3).toISOString());
    db.close();

    const reopened = track(openDb(db.name));
    expect(await loadDraft(reopened, '1234567A')).toEqual(saved);
  });

  it('finds the draft whatever the case or spacing of the identifier', async () => {
    const db = freshDb();
    await saveDraft(db, { ...draft, ftId: ' 1234567a ' });
    expect((await loadDraft(db, '1234567A'))?.pitch).toBe(draft.pitch);
    expect((await loadDraft(db, '1234567a'))?.pitch).toBe(draft.pitch);
  });

  it('replaces the previous draft of the same job seeker', async () => {
    const db = freshDb();
    await saveDraft(db, draft, day(1));
    await saveDraft(db, { ...draft, selectedSirets: [], pitchEdited: false }, day(2));
    const loaded = await loadDraft(db, '1234567A');
    expect(loaded).toMatchObject({ selectedSirets: [], pitchEdited: false, updatedAt: day(2).toISOString() });
    expect(await db.drafts.count()).toBe(1);
  });

  it('drops a stored draft that no longer reads as one, without throwing', async () => {
    const db = freshDb();
    await db.drafts.put({ ...draft, mode: 'loud', updatedAt: 'hier' } as never);
    expect(await loadDraft(db, '1234567A')).toBeUndefined();
    expect(await db.drafts.count()).toBe(0);
  });

  it('refuses to save an invalid draft, in French', async () => {
    const db = freshDb();
    const error = await saveDraft(db, { ...draft, selectedSirets: ['12345678912345'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRecord);
    expect((error as Error).message).toMatch(/^Brouillon non enregistré : SIRET invalide/);
    expect(await db.drafts.count()).toBe(0);
  });

  it('deletes a draft once the promotion is made', async () => {
    const db = freshDb();
    await saveDraft(db, draft);
    await deleteDraft(db, '1234567a');
    expect(await loadDraft(db, '1234567A')).toBeUndefined();
    expect(await loadDraft(db, 'pas un identifiant')).toBeUndefined();
  });
});
