/** The central endpoint's wire contract (docs/sync-protocol.md), shared by the extension and server/. */
import { z } from 'zod';
import { agencyCodeSchema, ftIdSchema } from './formats';
import { companyNeedEditableSchema, companyNeedSchema } from './need';
import { poolEntryEditableSchema, poolEntrySchema } from './pool';
import { aliasMatchedSchema, aliasRevokeSchema, readerAliasSchema } from './reader-alias';
import {
  dateTimeSchema,
  idSchema,
  promotionDescriptiveSchema,
  promotionEventSchema,
  promotionSchema,
} from './promotion';

export const SCHEMA_VERSION = 1;
export const MAX_BATCH_MUTATIONS = 100;
export const MAX_BATCH_BYTES = 256 * 1024;

const updateOf = <T extends z.ZodObject>(changes: T) =>
  z.object({ id: idSchema, baseVersion: z.number().int().min(0), changes: changes.partial() });

export const mutationArgsSchemas = {
  'promotion.create': promotionSchema,
  'promotion.update': updateOf(promotionDescriptiveSchema),
  'promotion.addEvent': promotionEventSchema,
  'need.create': companyNeedSchema,
  'need.update': updateOf(companyNeedEditableSchema),
  'pool.add': poolEntrySchema,
  'pool.update': updateOf(poolEntryEditableSchema),
  /**
   * The job-seeker file now shows the promotion consent withdrawn: the server removes their pool entries and
   * pseudonymises their promotions in the counsellor's agency (docs/privacy.md).
   */
  'jobseeker.consentWithdrawn': z.strictObject({ ftId: ftIdSchema, at: dateTimeSchema }),
  /** A label a counsellor taught a reader (lib/domain/reader-alias.ts); revoked and matched below. */
  'alias.create': readerAliasSchema.omit({ revokedAt: true, revokedBy: true, revokedByName: true, lastMatchedAt: true }),
  'alias.revoke': aliasRevokeSchema,
  'alias.matched': aliasMatchedSchema,
} as const;
export type MutationName = keyof typeof mutationArgsSchemas;
export const MUTATION_NAMES = Object.keys(mutationArgsSchemas) as MutationName[];

const mutationBase = { seq: z.number().int().min(1), id: idSchema, clientTs: dateTimeSchema };
export const mutationSchema = z.discriminatedUnion('name', [
  z.object({ ...mutationBase, name: z.literal('promotion.create'), args: mutationArgsSchemas['promotion.create'] }),
  z.object({ ...mutationBase, name: z.literal('promotion.update'), args: mutationArgsSchemas['promotion.update'] }),
  z.object({ ...mutationBase, name: z.literal('promotion.addEvent'), args: mutationArgsSchemas['promotion.addEvent'] }),
  z.object({ ...mutationBase, name: z.literal('need.create'), args: mutationArgsSchemas['need.create'] }),
  z.object({ ...mutationBase, name: z.literal('need.update'), args: mutationArgsSchemas['need.update'] }),
  z.object({ ...mutationBase, name: z.literal('pool.add'), args: mutationArgsSchemas['pool.add'] }),
  z.object({ ...mutationBase, name: z.literal('pool.update'), args: mutationArgsSchemas['pool.update'] }),
  z.object({ ...mutationBase, name: z.literal('jobseeker.consentWithdrawn'), args: mutationArgsSchemas['jobseeker.consentWithdrawn'] }),
  z.object({ ...mutationBase, name: z.literal('alias.create'), args: mutationArgsSchemas['alias.create'] }),
  z.object({ ...mutationBase, name: z.literal('alias.revoke'), args: mutationArgsSchemas['alias.revoke'] }),
  z.object({ ...mutationBase, name: z.literal('alias.matched'), args: mutationArgsSchemas['alias.matched'] }),
]);
export type Mutation = z.infer<typeof mutationSchema>;

/**
 * The envelope is checked strictly (unknown keys refused), each mutation's args leniently: one malformed
 * mutation is reported `rejected` and must not block the queue behind it.
 */
export const pushRequestSchema = z.strictObject({
  clientId: z.uuid({ error: 'Identifiant de poste invalide.' }),
  schemaVersion: z.literal(SCHEMA_VERSION, { error: 'Version du protocole non prise en charge.' }),
  mutations: z
    .array(
      z.strictObject({
        seq: mutationBase.seq,
        id: mutationBase.id,
        name: z.string().max(64),
        args: z.unknown(),
        clientTs: z.string().max(64),
      }),
    )
    .max(MAX_BATCH_MUTATIONS, { error: `${MAX_BATCH_MUTATIONS} modifications au plus par envoi.` }),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const REJECTION_CODES = [
  'invalid',
  'forbidden',
  'consent_missing',
  'conflict',
  'not_found',
  'unknown_mutation',
  /** An anonymous promotion whose pitch identifies the job seeker (lib/domain/anonymity.ts). */
  'anonymity',
  /** A record or event dated more than 10 minutes ahead of the server's clock (lib/domain/clock.ts). */
  'clock',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export const pushResultSchema = z.object({
  seq: z.number().int(),
  status: z.enum(['applied', 'duplicate', 'rejected']),
  code: z.enum(REJECTION_CODES).optional(),
  message: z.string().optional(),
});
export const pushResponseSchema = z.object({ lastSeq: z.number().int().min(0), results: z.array(pushResultSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const scopeSchema = z
  .string()
  .regex(/^agency:\d{5}$/, { error: 'Périmètre invalide (agency:<code SAFIR> attendu).' })
  .transform((s) => s as `agency:${string}`);
export const scopeOf = (agencyCode: string) => `agency:${agencyCodeSchema.parse(agencyCode)}` as const;

/** Strict: a misspelt `cursor` would otherwise silently download the whole scope again. */
export const pullQuerySchema = z.strictObject({
  scope: scopeSchema,
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const ENTITY_KINDS = ['promotion', 'need', 'pool', 'alias'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const changeSchema = z.object({
  entity: z.enum(ENTITY_KINDS),
  id: idSchema,
  version: z.number().int().min(1),
  deleted: z.boolean(),
  data: z.unknown(),
});
export type Change = z.infer<typeof changeSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  cursor: z.string(),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** Every refusal from the endpoint, with a message a counsellor can read. */
export const apiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
  expectedSeq: z.number().int().optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
