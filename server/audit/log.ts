/**
 * The audit log: who read or wrote personal data, and when. One row per pull that returned records, per push
 * that brought new mutations (names and ids, never their content), per export and per purge. Written in the
 * same transaction as the writes it describes; a read is answered only once its row is written (pulls through
 * ./batch.ts, several rows per insert).
 */
import { randomUUID } from 'node:crypto';
import { UUID_PATTERN } from '../../lib/domain/ids';
import { MUTATION_NAMES } from '../../lib/domain/sync';
import { retentionCutoff } from '../../lib/domain/retention';
import type { AuditLogTable, Db, Tx } from '../db/schema';

/** Audit rows are kept one year (CNIL's recommendation for access logs), then purged. */
export const AUDIT_RETENTION_MONTHS = 12;

export interface AuditEntry {
  sub: string;
  agencyCode?: string;
  action: AuditLogTable['action'];
  scope?: string;
  count: number;
  /** JSON-serialisable; identifiers and pseudonyms only. */
  details?: unknown;
  at?: string;
}

export function auditRow(entry: AuditEntry): AuditLogTable {
  return {
    id: randomUUID(),
    at: entry.at ?? new Date().toISOString(),
    sub: entry.sub,
    agency_code: entry.agencyCode ?? null,
    action: entry.action,
    scope: entry.scope ?? null,
    count: entry.count,
    details: entry.details === undefined ? null : JSON.stringify(entry.details),
  };
}

export async function recordAudit(db: Db | Tx, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values(auditRow(entry)).execute();
}

const KNOWN_NAMES: ReadonlySet<string> = new Set(MUTATION_NAMES);

/** What the audit keeps of one pushed mutation: a known name (or `unknown`), the ids, the outcome. */
export function auditedMutation(
  mutation: { seq: number; id: string; name: string; args: unknown },
  outcome: { status: string; code?: string },
): Record<string, unknown> {
  const args = mutation.args as { id?: unknown; promotionId?: unknown } | null;
  const target = mutation.name === 'promotion.addEvent' ? args?.promotionId : args?.id;
  return {
    seq: mutation.seq,
    id: mutation.id,
    name: KNOWN_NAMES.has(mutation.name) ? mutation.name : 'unknown',
    ...(typeof target === 'string' && UUID_PATTERN.test(target) ? { target } : {}),
    ...(mutation.name === 'promotion.addEvent' && typeof args?.id === 'string' && UUID_PATTERN.test(args.id) ? { event: args.id } : {}),
    status: outcome.status,
    ...(outcome.code ? { code: outcome.code } : {}),
  };
}

/** Drops audit rows older than a year. */
export async function purgeAuditLog(db: Db | Tx, now: Date): Promise<number> {
  const cutoff = retentionCutoff(now, AUDIT_RETENTION_MONTHS).toISOString();
  const result = await db.deleteFrom('audit_log').where('at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows ?? 0);
}
