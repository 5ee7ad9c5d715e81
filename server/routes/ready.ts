import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isReachable } from '../db/database';

const readySchema = z.object({
  ready: z.boolean(),
  database: z.enum(['ok', 'unreachable']),
  /** True once the instance has been asked to stop: the load balancer should send it nothing new. */
  stopping: z.boolean(),
});

/**
 * `GET /v1/ready`: may this instance take traffic? `503` while the database does not answer or once the instance
 * is stopping, so a load balancer drains it; `/v1/health` stays the liveness probe. No authentication.
 */
export const readyRoute: FastifyPluginAsyncZod = async (app) => {
  let stopping = false;
  app.addHook('preClose', async () => {
    stopping = true;
  });
  app.get(
    '/v1/ready',
    {
      schema: {
        summary: "Instance prête à recevoir du trafic (base joignable, pas d'arrêt en cours)",
        tags: ['service'],
        security: [],
        response: { 200: readySchema, 503: readySchema },
      },
    },
    async (_request, reply) => {
      const database = (await isReachable(app.db)) ? 'ok' : 'unreachable';
      const ready = database === 'ok' && !stopping;
      return reply.code(ready ? 200 : 503).send({ ready, database, stopping });
    },
  );
};
