/** Versioned migrations, in order; the name is the version (never rename or edit a shipped one). */
import type { Migration } from 'kysely';
import { initial } from './001-initial';

export const migrations: Record<string, Migration> = {
  '001-initial': initial,
};
