/**
 * Opaque access tokens (RFC 7662): asked to the provider's introspection endpoint with the API's confidential
 * client, the answer kept briefly (a minute at most, never past the token's expiry) so a sync does not cost
 * a round trip to the provider per request. Only a hash of the token is kept as the cache key.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { OidcConfig } from '../config';
import { createTtlCache } from './cache';
import { counsellorFromClaims } from './claims';
import type { Counsellor } from './counsellor';
import { sameIssuer, type ProviderMetadata } from './discovery';
import type { RejectionLogger, TokenVerifier } from './jwt';

export const INTROSPECTION_CACHE_MS = 60_000;

const answerSchema = z.looseObject({
  active: z.boolean(),
  iss: z.string().optional(),
  aud: z.union([z.string(), z.array(z.string())]).optional(),
  client_id: z.string().optional(),
  exp: z.number().optional(),
  token_type: z.string().optional(),
});

/**
 * The token is for this API when its audience names it; a provider that issues audience-less opaque tokens
 * (no resource indicators) is accepted only for tokens issued to the client named as audience.
 */
function audienceMatches(answer: z.infer<typeof answerSchema>, audience: string): boolean {
  if (answer.aud !== undefined) return (Array.isArray(answer.aud) ? answer.aud : [answer.aud]).includes(audience);
  return answer.client_id === audience;
}

export function createIntrospectionVerifier(
  config: OidcConfig & { introspection: NonNullable<OidcConfig['introspection']> },
  metadata: () => Promise<ProviderMetadata>,
  onRejected?: RejectionLogger,
  now: () => number = () => Date.now(),
): TokenVerifier {
  const cache = createTtlCache<Counsellor | null>();
  const { clientId, clientSecret } = config.introspection;
  const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64');

  async function ask(token: string): Promise<{ counsellor: Counsellor | null; ttlMs: number }> {
    const url = config.introspection.url ?? (await metadata()).introspection_endpoint;
    if (!url) {
      onRejected?.({ reason: 'provider', detail: "le fournisseur n'annonce pas d'introspection_endpoint : définissez PROFILENCE_OIDC_INTROSPECTION_URL" });
      return { counsellor: null, ttlMs: 0 };
    }
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ token, token_type_hint: 'access_token' }).toString(),
      signal: AbortSignal.timeout(5000),
    });
    const parsed = answerSchema.safeParse(response.ok ? await response.json().catch(() => null) : null);
    if (!parsed.success) {
      onRejected?.({ reason: 'provider', detail: `réponse d'introspection illisible (${response.status})` });
      return { counsellor: null, ttlMs: 0 }; // not cached: the provider may answer next time
    }
    const answer = parsed.data;
    const ttlMs = Math.min(INTROSPECTION_CACHE_MS, answer.exp ? answer.exp * 1000 - now() : INTROSPECTION_CACHE_MS);
    const refuse = (rejection: Parameters<RejectionLogger>[0]) => {
      onRejected?.(rejection);
      return { counsellor: null, ttlMs: INTROSPECTION_CACHE_MS };
    };
    if (!answer.active) return refuse({ reason: 'inactive' });
    if (answer.exp !== undefined && answer.exp * 1000 <= now()) return refuse({ reason: 'expired' });
    if (answer.iss !== undefined && !sameIssuer(answer.iss, config.issuer)) {
      return refuse({ reason: 'issuer', expected: config.issuer, received: answer.iss });
    }
    if (answer.token_type !== undefined && !/^(access_token|bearer)$/i.test(answer.token_type)) {
      return refuse({ reason: 'type', expected: 'access_token', received: answer.token_type });
    }
    if (!audienceMatches(answer, config.audience)) {
      return refuse({ reason: 'audience', expected: config.audience, received: answer.aud ?? answer.client_id });
    }
    const outcome = counsellorFromClaims(answer, config);
    if (!outcome.ok) return refuse({ reason: 'claims', detail: outcome.reason });
    return { counsellor: outcome.counsellor, ttlMs };
  }

  return async (token) => {
    const key = createHash('sha256').update(token).digest('base64url');
    const cached = cache.get(key, now());
    if (cached !== undefined) return cached;
    try {
      const { counsellor, ttlMs } = await ask(token);
      cache.set(key, counsellor, ttlMs, now());
      return counsellor;
    } catch (err) {
      onRejected?.({ reason: 'provider', detail: `introspection impossible : ${err instanceof Error ? err.message : String(err)}` });
      return null;
    }
  };
}
