/**
 * The checks of each synchronisation setting on its own, with French messages. A leaf module: the options
 * (lib/sync/settings.ts) and the administrator's policy (lib/settings/policy.ts) check a value the same way.
 */
import { z } from 'zod';

const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\]|[a-z0-9-]+\.localhost)$/i;

/** https, or http on this machine (the demo). */
export function isAllowedServerUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password || url.search || url.hash) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOST.test(url.hostname));
}

export const serverUrlSchema = z
  .string()
  .trim()
  .min(1, { error: 'Adresse du serveur : valeur obligatoire.' })
  .refine(isAllowedServerUrl, {
    error: 'Adresse du serveur : une adresse https://… est attendue (http:// seulement sur ce poste, pour la démonstration).',
  })
  .transform((v) => v.replace(/\/+$/, ''));

/** Without its trailing slash: the provider's discovery document is compared either way (lib/sync/oidc.ts). */
export const issuerSchema = z
  .string()
  .trim()
  .refine((v) => isAllowedServerUrl(v), { error: "Fournisseur d'identité : une adresse https://… est attendue." })
  .transform((v) => v.replace(/\/+$/, ''));

/** Scopes as the provider spells them: no quotes, no backslash (RFC 6749 3.3); `openid` added when missing. */
export const scopesSchema = z
  .string()
  .trim()
  .max(500, { error: 'Étendues demandées : 500 caractères au plus.' })
  .regex(/^[\x21\x23-\x5b\x5d-\x7e ]*$/, { error: 'Étendues demandées : des mots séparés par des espaces, sans guillemets ni caractères accentués.' })
  .transform((v) => {
    const words = v.split(/\s+/).filter(Boolean);
    return [...new Set(['openid', ...words])].join(' ');
  });

/** RFC 8707: an absolute URI without fragment. */
export const resourceSchema = z
  .string()
  .trim()
  .max(500)
  .refine((v) => !v || (URL.canParse(v) && !v.includes('#')), { error: 'Ressource (audience) : une adresse absolue sans « # » est attendue, par exemple https://profilence.intranet.example.' })
  .transform((v) => v || undefined);
