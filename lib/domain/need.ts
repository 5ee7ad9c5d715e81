import { z } from 'zod';
import { agencyCodeSchema, contractTypeSchema, postcodeSchema, romeSchema, siretSchema } from './formats';
import { dateTimeSchema, displayNameSchema, idSchema } from './promotion';

export const NEED_STATUSES = ['open', 'filled', 'closed'] as const;
/** A need left on the board expires, as a whiteboard line would be wiped: its author is reminded first. */
export const NEED_DEFAULT_LIFETIME_DAYS = 60;

/** Fields colleagues may edit on the shared board. */
export const companyNeedEditableSchema = z.object({
  rome: romeSchema.optional(),
  label: z.string().trim().min(1, { error: 'Intitulé du besoin obligatoire.' }).max(300),
  positions: z.number().int().min(1).max(999).optional(),
  contractType: contractTypeSchema.optional(),
  status: z.enum(NEED_STATUSES, { error: 'Statut de besoin inconnu.' }),
  expiresAt: dateTimeSchema.optional(),
});

export const companyNeedSchema = companyNeedEditableSchema.extend({
  id: idSchema,
  siret: siretSchema,
  establishmentName: z.string().trim().min(1).max(300),
  postcode: postcodeSchema,
  city: z.string().trim().min(1).max(200),
  /** The author's `sub`, stamped by the server from the token; `createdByName` its display name. */
  createdBy: z.string().trim().min(1).max(200),
  createdByName: displayNameSchema.optional(),
  agencyCode: agencyCodeSchema,
  createdAt: dateTimeSchema,
});
export type CompanyNeed = z.infer<typeof companyNeedSchema>;
