/**
 * A promotion in preparation, per job seeker. Kept in IndexedDB so it survives the side panel
 * closing and the service worker being stopped.
 */
import { z } from 'zod';
import { ftIdSchema, romeSchema, siretSchema } from '../domain/formats';
import { dateTimeSchema, promotionChannelSchema, promotionModeSchema } from '../domain/promotion';
import type { ProfilenceDb } from './db';
import { describeIssues, InvalidRecord } from './validation';

export const draftSchema = z.object({
  ftId: ftIdSchema,
  selectedSirets: z.array(siretSchema).max(50, { error: '50 établissements au plus par envoi.' }),
  /** The job proposed, one of this file's target jobs: never carried over from another file. */
  rome: romeSchema.optional(),
  mode: promotionModeSchema,
  channel: promotionChannelSchema,
  /** The message template, `[Salutation]` and `[Établissement]` filled in per e-mail (lib/domain/pitch.ts). */
  pitch: z.string().max(4000, { error: 'Argumentaire : 4000 caractères au plus.' }),
  /** The counsellor changed the generated text: regenerating must not overwrite it silently. */
  pitchEdited: z.boolean(),
  /** SIRET → index of the chosen contact in the establishment's contacts. */
  contactBySiret: z.record(z.string(), z.number().int().min(0)),
  updatedAt: dateTimeSchema,
});
export type Draft = z.infer<typeof draftSchema>;
export type DraftInput = Omit<Draft, 'updatedAt'>;

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
