import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiErrorSchema, pullQuerySchema, pullResponseSchema } from '../../lib/domain/sync';
import { batchedAudit } from '../audit/batch';
import { scopeOfCounsellor } from '../auth/counsellor';
import { forbiddenScope } from '../errors';
import { pageToJson, readChangesPage } from '../sync/pull';

/** `GET /v1/sync/pull`: what changed in the counsellor's agency after the cursor. */
export const syncPullRoute: FastifyPluginAsyncZod = async (app) => {
  const recordRead = batchedAudit(app.db);
  app.get(
    '/v1/sync/pull',
    {
      schema: {
        summary: "Réception des modifications de l'agence",
        description:
          'Changements de version > curseur, par version croissante ; hasMore tant qu\'il en reste. Curseur illisible : 400 ; plus ancien que la rétention des suppressions : 410.',
        tags: ['synchronisation'],
        querystring: pullQuerySchema,
        response: { 200: pullResponseSchema, 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 410: apiErrorSchema, 429: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const counsellor = request.counsellor!;
      const { scope, cursor, limit } = request.query;
      if (scope !== scopeOfCounsellor(counsellor)) {
        throw forbiddenScope();
      }
      const page = await readChangesPage(app.db, app.dialect, scope, cursor, limit);
      app.metrics.syncBatch.observe(page.rows.length, { direction: 'pull' });
      // Personal data read: answered only once the audit log says who read how much.
      if (page.rows.length > 0) {
        await recordRead({ sub: counsellor.sub, agencyCode: counsellor.agencyCode, action: 'pull', scope, count: page.rows.length });
      }
      // Sent as bytes: the stored JSON is spliced, not parsed and re-serialised (see pageToJson).
      return reply.type('application/json; charset=utf-8').send(pageToJson(page) as never);
    },
  );
};
