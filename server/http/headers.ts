/** Security headers on every reply, and CORS for the extension's own origin only. */
import type { FastifyInstance } from 'fastify';
import { isExtensionOrigin } from '../config';
import { ApiError } from '../errors';

const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const isDocs = (url: string) => /^\/docs(\/|$|\?)/.test(url);

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    if (!isDocs(request.url)) {
      reply.header('Cache-Control', 'no-store');
      reply.header('Content-Security-Policy', API_CSP);
      reply.header('X-Frame-Options', 'DENY');
    }
    return payload;
  });
}

/** The extension calls from `chrome-extension://<id>` or `moz-extension://<id>`; web pages get no CORS grant. */
export function registerCors(app: FastifyInstance, allowList?: readonly string[]): void {
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    const allowed = typeof origin === 'string' && isExtensionOrigin(origin, allowList);
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      if (!allowed) {
        request.log.warn({ origin }, 'pré-vérification CORS refusée');
        throw new ApiError(403, 'origin_forbidden', "Origine non autorisée : seule l'extension Profilence peut appeler ce service.");
      }
      return reply
        .code(204)
        .header('Access-Control-Allow-Origin', origin)
        .header('Access-Control-Allow-Methods', 'GET, POST')
        .header('Access-Control-Allow-Headers', 'Authorization, Content-Type')
        .header('Access-Control-Max-Age', '600')
        .header('Vary', 'Origin')
        .send();
    }
    if (allowed) {
      reply.header('Access-Control-Allow-Origin', origin).header('Vary', 'Origin');
      reply.header('Access-Control-Expose-Headers', 'Retry-After');
    }
  });
}
