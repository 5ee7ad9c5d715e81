/**
 * From a verified token's claims to the counsellor: claim paths (a name, or a dotted path into nested claims
 * such as Keycloak's `realm_access.roles`), the provider's role values mapped to ours, the display name.
 */
import { rolesFrom, type Counsellor, type Role } from './counsellor';

export interface ClaimMapping {
  agencyClaim: string;
  rolesClaim: string;
  nameClaim?: string;
  roleMap?: Record<string, Role[]>;
}

/**
 * The claim itself when the token has one by that exact name (namespaced claims like
 * `https://example.fr/agency` contain dots), else the dotted path walked through nested objects.
 */
export function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (Object.hasOwn(claims, path)) return claims[path];
  let value: unknown = claims;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function agencyFrom(value: unknown): string | undefined {
  if (Array.isArray(value) && value.length === 1) return agencyFrom(value[0]);
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 100000) return String(value).padStart(5, '0');
  if (typeof value === 'string' && /^\d{5}$/.test(value.trim())) return value.trim();
  return undefined;
}

/** With a map, only the mapped values give roles (a group named `manager` at the provider means nothing). */
export function mapRoles(value: unknown, roleMap: Record<string, Role[]> | undefined): Role[] {
  if (!roleMap) return rolesFrom(value);
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  const roles = list.flatMap((v) => (typeof v === 'string' && Object.hasOwn(roleMap, v) ? roleMap[v]! : []));
  return [...new Set(roles)].sort();
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export function nameFrom(claims: Record<string, unknown>, nameClaim?: string): string | undefined {
  if (nameClaim) return text(claimAt(claims, nameClaim));
  const given = text(claims.given_name);
  const family = text(claims.family_name);
  return text(claims.name) ?? (given || family ? [given, family].filter(Boolean).join(' ') : undefined);
}

export type ClaimsOutcome = { ok: true; counsellor: Counsellor } | { ok: false; reason: string };

export function counsellorFromClaims(claims: Record<string, unknown>, mapping: ClaimMapping): ClaimsOutcome {
  const sub = text(claims.sub);
  if (!sub) return { ok: false, reason: 'claim « sub » manquant' };
  const agencyCode = agencyFrom(claimAt(claims, mapping.agencyClaim));
  if (!agencyCode) return { ok: false, reason: `claim « ${mapping.agencyClaim} » manquant ou pas un code agence de 5 chiffres` };
  const name = nameFrom(claims, mapping.nameClaim);
  return {
    ok: true,
    counsellor: { sub, agencyCode, ...(name ? { name } : {}), roles: mapRoles(claimAt(claims, mapping.rolesClaim), mapping.roleMap) },
  };
}
