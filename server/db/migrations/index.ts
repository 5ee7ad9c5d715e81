/** Versioned migrations, in order; the name is the version (never rename or edit a shipped one). */
import type { Migration } from 'kysely';
import { initial } from './001-initial';
import { privacy } from './002-privacy';
import { promotionFacts } from './003-promotion-facts';

export const migrations: Record<string, Migration> = {
  '001-initial': initial,
  '002-privacy': privacy,
  '003-promotion-facts': promotionFacts,
};
