/**
 * Board and pool commands, side panel → background. The panel names a tab and sends what the counsellor
 * edited; the background takes the establishment, the job seeker, the consent and the counsellor from its own
 * readings of the legacy pages, and parses every request again with these schemas.
 */
import { z } from 'zod';
import { ftIdSchema, siretSchema } from '@/lib/domain/formats';
import { NEED_STATUSES } from '@/lib/domain/need';
import { POOL_STATUSES } from '@/lib/domain/pool';
import { idSchema } from '@/lib/domain/promotion';
import type { BoardRefusalCode } from '@/lib/store/board';

const tabIdSchema = z.number().int().min(0);
const optionalText = (max: number) => z.string().trim().max(max).optional();

/** « Ajouter au tableau des besoins » on an establishment page: the panel sends only the edited fields. */
export const needAddRequestSchema = z.object({
  establishmentTabId: tabIdSchema,
  rome: optionalText(10),
  label: z.string().trim().max(300),
  positions: z.number().optional(),
  contractType: optionalText(10),
});
export type NeedAddRequest = z.input<typeof needAddRequestSchema>;

export const needUpdateRequestSchema = z.object({
  id: idSchema,
  status: z.enum(NEED_STATUSES).optional(),
  /** « Prolonger » : open again for the full lifetime, counted by the background's clock. */
  extend: z.boolean().optional(),
  rome: optionalText(10),
  label: optionalText(300),
  positions: z.number().optional(),
  contractType: optionalText(10),
});
export type NeedUpdateRequest = z.input<typeof needUpdateRequestSchema>;

/** « Recommander pour une promotion » on a job-seeker file: the pitch is the counsellor's, the rest the file's. */
export const poolRecommendRequestSchema = z.object({
  jobSeekerTabId: tabIdSchema,
  pitch: z.string().trim().max(4000),
});
export type PoolRecommendRequest = z.input<typeof poolRecommendRequestSchema>;

export const poolUpdateRequestSchema = z.object({
  id: idSchema,
  status: z.enum(POOL_STATUSES).optional(),
  pitch: optionalText(4000),
});
export type PoolUpdateRequest = z.input<typeof poolUpdateRequestSchema>;

/**
 * « Promouvoir » from a match. `jobSeeker`: open that file (the establishment `siret` is pre-ticked in its
 * promotion form). `establishment`: open that page, in the background when `ftId` names the file the
 * counsellor is on, whose promotion form then opens with the establishment ticked.
 */
export const openForRequestSchema = z
  .object({
    open: z.enum(['jobSeeker', 'establishment']),
    ftId: ftIdSchema.optional(),
    siret: siretSchema.optional(),
  })
  .refine((r) => (r.open === 'jobSeeker' ? r.ftId !== undefined : r.siret !== undefined), {
    error: 'Dossier ou établissement à ouvrir manquant.',
  });
export type OpenForRequest = z.input<typeof openForRequestSchema>;

export type BoardOutcome =
  | { ok: true; id?: string; tabId?: number }
  | { ok: false; code: BoardRefusalCode; message: string };
