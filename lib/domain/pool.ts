import { z } from 'zod';
import { agencyCodeSchema, ftIdSchema, isoDateSchema, postcodeSchema, romeSchema } from './formats';
import { dateTimeSchema, displayNameSchema, idSchema } from './promotion';

export const POOL_STATUSES = ['active', 'placed', 'withdrawn'] as const;

export const poolEntryEditableSchema = z.object({
  pitch: z.string().trim().min(1, { error: 'Argumentaire obligatoire.' }).max(4000),
  availability: z.object({ immediate: z.boolean(), from: isoDateSchema.optional() }).optional(),
  status: z.enum(POOL_STATUSES, { error: 'Statut inconnu.' }),
});

export const poolEntrySchema = poolEntryEditableSchema.extend({
  id: idSchema,
  ftId: ftIdSchema,
  firstName: z.string().trim().max(200),
  mainRome: romeSchema,
  romeLabel: z.string().trim().min(1).max(300),
  postcode: postcodeSchema,
  city: z.string().trim().min(1).max(200),
  /** Only a profile whose promotion was authorised may enter the pool; the server checks it again. */
  promotionConsent: z.object({ granted: z.literal(true, { error: 'Promotion du profil non autorisée.' }), since: isoDateSchema.optional() }),
  /** The author's `sub`, stamped by the server from the token; `addedByName` its display name. */
  addedBy: z.string().trim().min(1).max(200),
  addedByName: displayNameSchema.optional(),
  agencyCode: agencyCodeSchema,
  createdAt: dateTimeSchema,
});
export type PoolEntry = z.infer<typeof poolEntrySchema>;
