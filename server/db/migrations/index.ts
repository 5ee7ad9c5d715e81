/** Versioned migrations, in order; the name is the version (never rename or edit a shipped one). */
import type { Migration } from 'kysely';
import { initial } from './001-initial';
import { privacy } from './002-privacy';
import { promotionFacts } from './003-promotion-facts';
import { statsIndexes } from './004-stats-indexes';
import { authorIdentity } from './006-author-identity';
import { readerHealth } from './008-reader-health';
import { readerAliases } from './009-reader-aliases';

export const migrations: Record<string, Migration> = {
  '001-initial': initial,
  '002-privacy': privacy,
  '003-promotion-facts': promotionFacts,
  '004-stats-indexes': statsIndexes,
  '006-author-identity': authorIdentity,
  '008-reader-health': readerHealth,
  '009-reader-aliases': readerAliases,
};
