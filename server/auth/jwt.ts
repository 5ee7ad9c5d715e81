/** OpenID Connect access tokens: signature from the issuer's JWKS, then `iss`, `aud`, `exp`, and our claims. */
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import type { OidcConfig } from '../config';
import { rolesFrom, type Counsellor } from './counsellor';

export type TokenVerifier = (token: string) => Promise<Counsellor | null>;

const discoverySchema = z.object({ jwks_uri: z.url() });

async function discoverJwksUrl(issuer: string): Promise<URL> {
  const url = new URL(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`Découverte OpenID Connect impossible (${response.status}) : ${url}`);
  return new URL(discoverySchema.parse(await response.json()).jwks_uri);
}

function agencyFrom(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 100000) return String(value).padStart(5, '0');
  if (typeof value === 'string' && /^\d{5}$/.test(value.trim())) return value.trim();
  return undefined;
}

function nameFrom(payload: JWTPayload): string | undefined {
  if (typeof payload.name === 'string' && payload.name.trim()) return payload.name.trim();
  const parts = [payload.given_name, payload.family_name].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  return parts.length ? parts.join(' ') : undefined;
}

export function createJwtVerifier(config: OidcConfig, onRejected?: (reason: string) => void): TokenVerifier {
  let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
  let pending: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;
  const keySet = async () => {
    if (jwks) return jwks;
    pending ??= (async () => {
      const url = config.jwksUrl ? new URL(config.jwksUrl) : await discoverJwksUrl(config.issuer);
      return createRemoteJWKSet(url, { timeoutDuration: 5000, cooldownDuration: 30_000 });
    })().then(
      (set) => (jwks = set),
      (err) => {
        pending = undefined; // try the discovery again on the next request
        throw err;
      },
    );
    return pending;
  };

  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, await keySet(), {
        issuer: config.issuer,
        audience: config.audience,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 30,
      });
      const agencyCode = agencyFrom(payload[config.agencyClaim]);
      if (!payload.sub || !agencyCode) {
        onRejected?.(`claim manquant (sub ou ${config.agencyClaim})`);
        return null;
      }
      return { sub: payload.sub, agencyCode, name: nameFrom(payload), roles: rolesFrom(payload[config.rolesClaim]) };
    } catch (err) {
      onRejected?.((err as { code?: string }).code ?? (err as Error).message);
      return null;
    }
  };
}
