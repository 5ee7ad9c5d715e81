/**
 * The display name when the access token carries none (most providers keep names out of access tokens): asked
 * once to the provider's userinfo endpoint with the caller's own token, kept 10 minutes per `sub` (a failure
 * too, so a provider that refuses is not asked at every request).
 */
import { z } from 'zod';
import { createTtlCache } from './cache';
import { nameFrom } from './claims';
import type { Counsellor } from './counsellor';
import type { ProviderMetadata } from './discovery';

export const USERINFO_CACHE_MS = 10 * 60_000;

const userinfoSchema = z.looseObject({ sub: z.string() });

export function createNameLookup(
  metadata: () => Promise<ProviderMetadata>,
  nameClaim: string | undefined,
  onFailure?: (detail: string) => void,
): (token: string, counsellor: Counsellor) => Promise<Counsellor> {
  const names = createTtlCache<string | null>(5000);
  return async (token, counsellor) => {
    if (counsellor.name) return counsellor;
    let name = names.get(counsellor.sub);
    if (name === undefined) {
      name = null;
      try {
        const url = (await metadata()).userinfo_endpoint;
        if (url) {
          const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, signal: AbortSignal.timeout(5000) });
          const info = userinfoSchema.safeParse(response.ok ? await response.json().catch(() => null) : null);
          // OpenID Connect Core 5.3.2: the answer is about this token's subject, or it is not used.
          if (info.success && info.data.sub === counsellor.sub) name = nameFrom(info.data, nameClaim) ?? null;
          else onFailure?.(`userinfo sans nom utilisable (${response.status})`);
        }
      } catch (err) {
        onFailure?.(`userinfo impossible : ${err instanceof Error ? err.message : String(err)}`);
      }
      names.set(counsellor.sub, name, USERINFO_CACHE_MS);
    }
    return name ? { ...counsellor, name } : counsellor;
  };
}
