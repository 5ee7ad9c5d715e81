/** Security headers on every reply, and CORS for the extension's own origin only. */
import type { FastifyInstance } from 'fastify';
import { isExtensionOrigin } from '../config';
import { ApiError } from '../errors';

/** Every reply of the documentation viewer carries these… */
const COMMON_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' } as const;

/** …and every reply of the API these too (the viewer needs its own scripts and styles). */
export const API_SECURITY_HEADERS = {
  ...COMMON_HEADERS,
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'X-Frame-Options': 'DENY',
} as const;

const isDocs = (url: string) => /^\/docs(\/|$|\?)/.test(url);

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(isDocs(request.url) ? COMMON_HEADERS : API_SECURITY_HEADERS);
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
