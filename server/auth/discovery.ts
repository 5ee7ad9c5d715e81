/** The identity provider's OpenID Connect metadata, fetched once (again after a failure) and checked. */
import { z } from 'zod';

const metadataSchema = z.object({
  issuer: z.string(),
  jwks_uri: z.url(),
  introspection_endpoint: z.url().optional(),
  userinfo_endpoint: z.url().optional(),
});
export type ProviderMetadata = z.infer<typeof metadataSchema>;

/** Issuers compared without their trailing slash: `https://sso/realms/a` and `https://sso/realms/a/` are one. */
export const sameIssuer = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

/** Both spellings, for `jwtVerify`'s `issuer` option. */
export const issuerVariants = (issuer: string) => {
  const bare = issuer.replace(/\/+$/, '');
  return [bare, `${bare}/`];
};

export function createDiscovery(issuer: string, fetchFn: typeof fetch = fetch): () => Promise<ProviderMetadata> {
  let pending: Promise<ProviderMetadata> | undefined;
  return () => {
    pending ??= (async () => {
      const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
      const response = await fetchFn(url, { signal: AbortSignal.timeout(5000) });
      if (!response.ok) throw new Error(`Découverte OpenID Connect impossible (${response.status}) : ${url}`);
      const metadata = metadataSchema.parse(await response.json());
      if (!sameIssuer(metadata.issuer, issuer)) {
        throw new Error(`Découverte OpenID Connect : le fournisseur se nomme ${metadata.issuer}, pas ${issuer}`);
      }
      return metadata;
    })().catch((err: unknown) => {
      pending = undefined; // asked again at the next request
      throw err;
    });
    return pending;
  };
}
