import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiErrorSchema, MAX_BATCH_BYTES, pushRequestSchema, pushResponseSchema } from '../../lib/domain/sync';
import { applyPush } from '../sync/push';

/** `POST /v1/sync/push`: the client's outbox, applied once, in `seq` order. */
export const syncPushRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/v1/sync/push',
    {
      bodyLimit: MAX_BATCH_BYTES,
      schema: {
        summary: "Envoi des modifications d'un poste (boîte d'envoi)",
        description:
          "Une transaction par envoi. seq ≤ lastSeq : « duplicate » ; trou dans les seq : 409 et expectedSeq ; une modification refusée (code) fait quand même avancer lastSeq. Formes de chaque modification : schéma « Mutation ».",
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
