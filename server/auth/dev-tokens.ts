/** Development mode: static tokens from a file (see server/dev-tokens.demo.json). Never for production. */
import { timingSafeEqual } from 'node:crypto';
import type { DevTokenEntry } from '../config';
import type { Counsellor } from './counsellor';
import type { TokenVerifier } from './jwt';

export function createDevTokenVerifier(tokens: Record<string, DevTokenEntry>): TokenVerifier {
  const entries = Object.entries(tokens).map(([token, entry]) => ({ token: Buffer.from(token), entry }));
  return async (token) => {
    const candidate = Buffer.from(token);
    const match = entries.find((e) => e.token.length === candidate.length && timingSafeEqual(e.token, candidate));
    if (!match) return null;
    const { sub, agency, name, roles } = match.entry;
    const counsellor: Counsellor = { sub, agencyCode: agency, name, roles: roles ?? [] };
    return counsellor;
  };
}
