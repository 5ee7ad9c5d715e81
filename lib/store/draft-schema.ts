/**
 * The shape of a promotion in preparation, apart from the functions that keep it: the database declares its
 * table with it, and lib/store/drafts.ts reads and writes it.
 */
import { z } from 'zod';
import { ftIdSchema, romeSchema, siretSchema } from '../domain/formats';
import { dateTimeSchema, promotionChannelSchema, promotionModeSchema } from '../domain/promotion';

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
