/**
 * JWT access tokens (RFC 9068): signature from the issuer's JWKS, `typ: at+jwt`, then `iss` (with or without a
 * trailing slash), `aud`, `exp`, and our claims. Each refusal says which check failed, never the token.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { OidcConfig } from '../config';
import { counsellorFromClaims } from './claims';
import type { Counsellor } from './counsellor';
import { createDiscovery, issuerVariants, type ProviderMetadata } from './discovery';

export type TokenVerifier = (token: string) => Promise<Counsellor | null>;

/** Why a token was refused, for the logs: the check that failed and the values compared (no token). */
export interface Rejection {
  reason: 'issuer' | 'audience' | 'type' | 'expired' | 'signature' | 'unknown_key' | 'claims' | 'malformed' | 'inactive' | 'provider';
  detail?: string;
  expected?: unknown;
  received?: unknown;
}
export type RejectionLogger = (rejection: Rejection) => void;

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
export const looksLikeJwt = (token: string) => JWT_SHAPE.test(token);

/** Claims only an ID token carries (OpenID Connect Core 3.1.3.6, Keycloak's `typ: ID`). */
const looksLikeIdToken = (p: JWTPayload) => p.nonce !== undefined || p.at_hash !== undefined || p.c_hash !== undefined || p.typ === 'ID';

function describe(err: unknown, config: OidcConfig): Rejection {
  if (err instanceof errors.JWTExpired) return { reason: 'expired' };
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'iss') return { reason: 'issuer', expected: config.issuer, received: err.payload.iss };
    if (err.claim === 'aud') return { reason: 'audience', expected: config.audience, received: err.payload.aud };
    if (err.claim === 'typ') return { reason: 'type', expected: 'at+jwt', detail: 'en-tête typ absent ou autre que at+jwt' };
    return { reason: 'claims', detail: `${err.claim} : ${err.reason}` };
  }
  if (err instanceof errors.JWKSNoMatchingKey) return { reason: 'unknown_key' };
  if (err instanceof errors.JWSSignatureVerificationFailed) return { reason: 'signature' };
  if (err instanceof errors.JOSEError) return { reason: 'malformed', detail: err.code };
  return { reason: 'provider', detail: err instanceof Error ? err.message : String(err) };
}

export function createJwtVerifier(
  config: OidcConfig,
  onRejected?: RejectionLogger,
  metadata: () => Promise<ProviderMetadata> = createDiscovery(config.issuer),
): TokenVerifier {
  let jwks: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;
  const keySet = () => {
    jwks ??= (async () => {
      const url = config.jwksUrl ?? (await metadata()).jwks_uri;
      // An unknown `kid` (the provider rotated its key) downloads the set again, at most every 30 s.
      return createRemoteJWKSet(new URL(url), { timeoutDuration: 5000, cooldownDuration: 30_000 });
    })().catch((err: unknown) => {
      jwks = undefined;
      throw err;
    });
    return jwks;
  };

  return async (token) => {
    try {
      const { payload, protectedHeader } = await jwtVerify(token, await keySet(), {
        issuer: issuerVariants(config.issuer),
        audience: config.audience,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 30,
        ...(config.acceptUntypedJwt ? {} : { typ: 'at+jwt' }),
      });
      if (config.acceptUntypedJwt && looksLikeIdToken(payload)) {
        onRejected?.({ reason: 'type', expected: 'at+jwt', received: protectedHeader.typ, detail: "jeton d'identité (ID token), pas un jeton d'accès" });
        return null;
      }
      const outcome = counsellorFromClaims(payload, config);
      if (!outcome.ok) {
        onRejected?.({ reason: 'claims', detail: outcome.reason });
        return null;
      }
      return outcome.counsellor;
    } catch (err) {
      onRejected?.(describe(err, config));
      return null;
    }
  };
}
