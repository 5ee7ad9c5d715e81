import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../errors';

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * `GET /metrics`: Prometheus text format (requests by route and status, latency, sync batch sizes, rejected
 * mutations by code). With `PROFILENCE_METRICS_TOKEN` set, the scraper must send it as a bearer token; without
 * it, keep `/metrics` off the reverse proxy's public routes (docs/deploy.md).
 */
export function metricsRoute(token: string | undefined): FastifyPluginAsync {
  return async (app) => {
    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      if (token) {
        const sent = /^Bearer +(.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
        if (!sameSecret(sent, token)) throw new ApiError(401, 'unauthorized', 'Jeton de supervision absent ou invalide.');
      }
      return reply.type('text/plain; version=0.0.4; charset=utf-8').send(app.metrics.render());
    });
  };
}
