/**
 * Tokens from the agents' identity provider: JWT access tokens verified locally, opaque ones through
 * introspection when configured; the display name completed from userinfo when the token has none.
 */
import type { OidcConfig } from '../config';
import { createDiscovery } from './discovery';
import { createIntrospectionVerifier } from './introspection';
import { createJwtVerifier, looksLikeJwt, type RejectionLogger, type TokenVerifier } from './jwt';
import { createNameLookup } from './userinfo';

export function createOidcVerifier(
  config: OidcConfig,
  onRejected?: RejectionLogger,
  /** A token accepted, but something the IT team should know (userinfo unusable). */
  onNotice?: (detail: string) => void,
): TokenVerifier {
  const metadata = createDiscovery(config.issuer);
  const jwt = createJwtVerifier(config, onRejected, metadata);
  const { introspection } = config;
  const opaque = introspection ? createIntrospectionVerifier({ ...config, introspection }, metadata, onRejected) : undefined;
  const withName = createNameLookup(metadata, config.nameClaim, onNotice);
  return async (token) => {
    const verify = looksLikeJwt(token) ? jwt : opaque;
    if (!verify) {
      onRejected?.({ reason: 'malformed', detail: "jeton opaque et introspection non configurée (PROFILENCE_OIDC_INTROSPECTION_*)" });
      return null;
    }
    const counsellor = await verify(token);
    return counsellor && (await withName(token, counsellor));
  };
}
