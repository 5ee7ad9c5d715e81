/**
 * The retention job (docs/privacy.md): promotions (with their events) and pool entries whose last event is
 * more than 24 months old become tombstones, each with a new version of its scope, so every extension deletes
 * its copy on the next pull; their overwritten values go too. Audit rows older than a year and consent
 * withdrawals older than the retention are dropped. Runs at start and every 6 hours, like the tombstone purge.
 */
import { retentionCutoff } from '../../lib/domain/retention';
import type { Db, Dialect } from '../db/schema';
import { purgeAuditLog, recordAudit } from '../audit/log';
import { purgeReaderHealth } from '../readers/store';
import { lockScope } from '../sync/scope';
import { dropOverwrittenValues, tombstone } from '../sync/tombstones';

export const RETENTION_SUB = 'system:retention';
/** Rows tombstoned per transaction: the scope stays writable between chunks. */
const CHUNK = 500;

export interface RetentionReport {
  promotions: number;
  poolEntries: number;
  auditRows: number;
}

const RETAINED = { promotion: 'promotions', pool: 'pool_entries' } as const;

export async function purgeExpiredRecords(db: Db, dialect: Dialect, now: Date = new Date()): Promise<RetentionReport> {
  const cutoff = retentionCutoff(now).toISOString();
  const at = now.toISOString();
  const report: RetentionReport = { promotions: 0, poolEntries: 0, auditRows: 0 };

  for (const [kind, table] of Object.entries(RETAINED) as [keyof typeof RETAINED, (typeof RETAINED)[keyof typeof RETAINED]][]) {
    for (;;) {
      const due = await db
        .selectFrom(table)
        .select(['id', 'scope'])
        .where('deleted', '=', 0)
        .where('last_activity_at', '<', cutoff)
        .orderBy('scope')
        .limit(CHUNK)
        .execute();
      if (due.length === 0) break;
      const byScope = new Map<string, string[]>();
      for (const row of due) byScope.set(row.scope, [...(byScope.get(row.scope) ?? []), row.id]);
      let done = 0;
      for (const [scope, ids] of byScope) {
        done += await db.transaction().execute(async (trx) => {
          const counter = await lockScope(trx, dialect, scope);
          let count = 0;
          for (const id of ids) {
            // Checked again under the lock: an event pushed meanwhile restarts the clock.
            if (await tombstone(trx, counter, kind, id, at, { bySub: RETENTION_SUB, lastActivityBefore: cutoff })) count++;
          }
          await dropOverwrittenValues(trx, scope, ids);
          await counter.save(trx);
          if (count > 0) {
            await recordAudit(trx, {
              sub: RETENTION_SUB,
              action: 'purge',
              scope,
              count,
              at,
              details: { reason: 'retention', entity: kind, olderThan: cutoff },
            });
          }
          return count;
        });
      }
      if (kind === 'promotion') report.promotions += done;
      else report.poolEntries += done;
      // Rows refreshed under the lock were skipped; stop rather than loop on them.
      if (done === 0 || due.length < CHUNK) break;
    }
  }

  report.auditRows = await purgeAuditLog(db, now);
  await db.deleteFrom('consent_withdrawals').where('withdrawn_at', '<', cutoff).execute();
  await purgeReaderHealth(db, now);
  return report;
}
