import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiErrorSchema, MAX_BATCH_BYTES, MAX_BATCH_MUTATIONS, pushRequestSchema, pushResponseSchema } from '../../lib/domain/sync';
import { ApiError } from '../errors';
import { applyPush } from '../sync/push';

/** Too many mutations is a batch too large, like too many bytes (docs/sync-protocol.md): `413`, before validation. */
function refuseTooManyMutations(body: unknown): void {
  const mutations = (body as { mutations?: unknown } | null)?.mutations;
  if (Array.isArray(mutations) && mutations.length > MAX_BATCH_MUTATIONS) {
    throw new ApiError(
      413,
      'payload_too_large',
      `Envoi trop volumineux : ${MAX_BATCH_MUTATIONS} modifications au plus par envoi (${mutations.length} reçues).`,
    );
  }
}

/** `POST /v1/sync/push`: the client's outbox, applied once, in `seq` order. */
export const syncPushRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/v1/sync/push',
    {
      bodyLimit: MAX_BATCH_BYTES,
      preValidation: async (request) => refuseTooManyMutations(request.body),
      schema: {
        summary: "Envoi des modifications d'un poste (boîte d'envoi)",
        description:
          "Une transaction par envoi. seq ≤ lastSeq : « duplicate » ; trou dans les seq : 409 et expectedSeq ; une modification refusée (code) fait quand même avancer lastSeq. Plus de 100 modifications ou de 256 Ko : 413. Formes de chaque modification : schéma « Mutation ».",
        tags: ['synchronisation'],
        body: pushRequestSchema,
        response: { 200: pushResponseSchema, 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 409: apiErrorSchema, 413: apiErrorSchema, 429: apiErrorSchema },
      },
    },
    async (request) => {
      const counsellor = request.counsellor!;
      const result = await applyPush({ db: app.db, dialect: app.dialect, counsellor, log: request.log }, request.body);
      app.metrics.syncBatch.observe(request.body.mutations.length, { direction: 'push' });
      for (const r of result.results) if (r.status === 'rejected') app.metrics.rejected.inc({ code: r.code ?? 'inconnu' });
      return result;
    },
  );
};
