/** Who is calling: the signed-in counsellor, from a verified token. */
export const ROLES = ['manager', 'national'] as const;
export type Role = (typeof ROLES)[number];

export interface Counsellor {
  sub: string;
  agencyCode: string;
  name?: string;
  roles: Role[];
}

export const scopeOfCounsellor = (c: Counsellor) => `agency:${c.agencyCode}`;

export function rolesFrom(value: unknown): Role[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  return [...new Set(list.filter((r): r is Role => (ROLES as readonly unknown[]).includes(r)))];
}
