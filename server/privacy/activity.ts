/** The retention clock of a stored record, kept in `last_activity_at` beside its JSON. */
import { poolEntryLastActivity, promotionLastActivity } from '../../lib/domain/retention';
import type { EntityKind } from '../../lib/domain/sync';

/** ISO date of the record's last activity, or null for records the retention rule does not cover (needs). */
export function lastActivityOf(kind: EntityKind, data: unknown, now: Date): string | null {
  const record = data as { createdAt?: unknown; events?: unknown };
  if (!record || typeof record.createdAt !== 'string') return null;
  if (kind === 'promotion') {
    const events = Array.isArray(record.events) ? (record.events as { at: string }[]) : [];
    return promotionLastActivity({ createdAt: record.createdAt, events }, now).toISOString();
  }
  if (kind === 'pool') return poolEntryLastActivity({ createdAt: record.createdAt }, now).toISOString();
  return null;
}
