/**
 * A promotion in preparation, per job seeker. Kept in IndexedDB so it survives the side panel
 * closing and the service worker being stopped.
 */
import { ftIdSchema } from '../domain/formats';
import type { ProfilenceDb } from './db';
import { draftSchema, type Draft, type DraftInput } from './draft-schema';
import { describeIssues, InvalidRecord } from './validation';

export async function saveDraft(db: ProfilenceDb, draft: DraftInput, now: Date = new Date()): Promise<Draft> {
  const parsed = draftSchema.safeParse({ ...draft, updatedAt: now.toISOString() });
  if (!parsed.success) {
    throw new InvalidRecord(`Brouillon non enregistré : ${describeIssues(parsed.error)}`);
  }
  await db.drafts.put(parsed.data);
  return parsed.data;
}

/** The draft for this job seeker; one that no longer reads as a draft is dropped, not thrown. */
export async function loadDraft(db: ProfilenceDb, ftId: string): Promise<Draft | undefined> {
  const key = ftIdSchema.safeParse(ftId);
  if (!key.success) return undefined;
  const stored: unknown = await db.drafts.get(key.data);
  if (stored === undefined) return undefined;
  const parsed = draftSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  await db.drafts.delete(key.data);
  return undefined;
}

export async function deleteDraft(db: ProfilenceDb, ftId: string): Promise<void> {
  const key = ftIdSchema.safeParse(ftId);
  if (key.success) await db.drafts.delete(key.data);
}
