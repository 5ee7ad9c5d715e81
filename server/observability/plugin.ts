/** Records every answered request in the instance's metrics (server/observability/metrics.ts). */
import type { FastifyInstance } from 'fastify';
import { ServerMetrics } from './metrics';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: ServerMetrics;
  }
}

export function registerMetrics(app: FastifyInstance): void {
  const metrics = new ServerMetrics();
  app.decorate('metrics', metrics);
  app.addHook('onResponse', async (request, reply) => {
    // The route template (`/v1/privacy/job-seekers/:ftId`), never the URL: no identifier ends up in a label.
    const route = request.routeOptions.url ?? 'inconnue';
    metrics.requests.inc({ route, method: request.method, status: String(reply.statusCode) });
    metrics.latency.observe(reply.elapsedTime / 1000, { route });
  });
}
