/**
 * Authentication hooks. `onRequest` identifies the caller (no refusal yet, so the rate limiter, which runs next,
 * can key on the counsellor); `preParsing` refuses with `401` before any body is read.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerConfig } from '../config';
import { unauthorized } from '../errors';
import type { Counsellor } from './counsellor';
import { createDevTokenVerifier } from './dev-tokens';
import { createJwtVerifier, type TokenVerifier } from './jwt';

declare module 'fastify' {
  interface FastifyRequest {
    counsellor: Counsellor | null;
  }
}

// /metrics checks its own token (PROFILENCE_METRICS_TOKEN), if any: a scraper is not a counsellor.
const PUBLIC_PATHS = /^\/(v1\/health$|v1\/ready$|metrics$|docs(\/|$))/;

export const isPublicPath = (url: string) => PUBLIC_PATHS.test(url.split('?')[0] ?? '');

export function registerAuth(app: FastifyInstance, config: ServerConfig['auth']): void {
  const verifiers: TokenVerifier[] = [];
  if (config.devTokens) {
    verifiers.push(createDevTokenVerifier(config.devTokens));
    app.log.warn("jetons de développement acceptés (PROFILENCE_DEV_TOKENS) : à ne jamais activer en production");
  }
  if (config.oidc) {
    verifiers.push(createJwtVerifier(config.oidc, (reason) => app.log.info({ reason }, 'jeton OIDC refusé')));
  }

  app.decorateRequest('counsellor', null);

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const match = /^Bearer +([\x21-\x7e]{1,8192})$/i.exec(request.headers.authorization ?? '');
    if (!match?.[1]) return;
    for (const verify of verifiers) {
      const counsellor = await verify(match[1]);
      if (counsellor) {
        request.counsellor = counsellor;
        return;
      }
    }
  });

  app.addHook('preParsing', async (request: FastifyRequest) => {
    if (!request.counsellor && !isPublicPath(request.url)) throw unauthorized();
  });
}
