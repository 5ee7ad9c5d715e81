/**
 * Authentication hooks. `onRequest` identifies the caller (no refusal yet, so the rate limiter, which runs next,
 * can key on the counsellor); `preParsing` refuses with `401` before any body is read.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerConfig } from '../config';
import { unauthorized } from '../errors';
import type { Counsellor } from './counsellor';
import { createDevTokenVerifier } from './dev-tokens';
import type { Rejection, TokenVerifier } from './jwt';
import { createOidcVerifier } from './oidc';

declare module 'fastify' {
  interface FastifyRequest {
    counsellor: Counsellor | null;
  }
}

const REJECTION_WORDS: Record<Rejection['reason'], string> = {
  issuer: 'émetteur inattendu (iss)',
  audience: 'audience inattendue (aud)',
  type: "pas un jeton d'accès (typ at+jwt attendu)",
  expired: 'jeton expiré',
  signature: 'signature invalide',
  unknown_key: 'clé de signature inconnue du fournisseur',
  claims: 'claims manquants',
  malformed: 'jeton illisible',
  inactive: 'jeton inactif selon le fournisseur (introspection)',
  provider: 'fournisseur injoignable ou réponse illisible',
};

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
    verifiers.push(
      createOidcVerifier(
        config.oidc,
        (rejection) => app.log.info({ oidc: rejection }, `jeton OIDC refusé : ${REJECTION_WORDS[rejection.reason]}`),
        (detail) => app.log.warn({ oidc: { detail } }, 'nom du conseiller introuvable chez le fournisseur'),
      ),
    );
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
