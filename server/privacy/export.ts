/**
 * Right of access (RGPD art. 15): everything the agency's scope holds about one job seeker, as JSON. The
 * promotions with their events, the same events listed flat, how consent was read for each promotion, the pool entries, and the values overwritten by
 * later edits (kept for the « modifié par » history). Pseudonymised promotions no longer mention the ftId and
 * are not found: that is what the withdrawal is for.
 */
import type { Db } from '../db/schema';
import { rowsMentioning } from './subjects';

export interface JobSeekerExport {
  ftId: string;
  scope: string;
  generatedAt: string;
  promotions: Record<string, unknown>[];
  events: Record<string, unknown>[];
  /** How the consent was read for each promotion (« on what basis was this profile sent? »); older records have none. */
  consentEvidence: Record<string, unknown>[];
  poolEntries: Record<string, unknown>[];
  overwrittenValues: { entity: string; entityId: string; field: string; previousValue: unknown; newValue: unknown; at: string }[];
}

const parse = (text: string | null) => (text === null ? null : (JSON.parse(text) as unknown));

export async function exportJobSeeker(db: Db, scope: string, ftId: string, now: Date = new Date()): Promise<JobSeekerExport> {
  // One transaction: a consistent picture even while colleagues push.
  return db.transaction().execute(async (trx) => {
    const { promotions, pool } = await rowsMentioning(trx, scope, ftId);
    const promotionData: Record<string, unknown>[] = promotions.map((row) => ({
      ...(parse(row.data) as Record<string, unknown>),
      version: Number(row.version),
    }));
    const events = promotionData.flatMap((p) =>
      ((p.events as Record<string, unknown>[] | undefined) ?? []).map((e) => ({ ...e, promotionId: p.id })),
    );
    const consentEvidence = promotionData.flatMap((p) =>
      p.consentEvidence && typeof p.consentEvidence === 'object' ? [{ promotionId: p.id, ...(p.consentEvidence as Record<string, unknown>) }] : [],
    );
    const ids = [...promotions, ...pool].map((r) => r.id);
    const conflicts = ids.length
      ? await trx
          .selectFrom('conflicts')
          .select(['entity', 'entity_id', 'field', 'previous_value', 'new_value', 'at'])
          .where('scope', '=', scope)
          .where('entity_id', 'in', ids)
          .orderBy('at')
          .execute()
      : [];
    return {
      ftId,
      scope,
      generatedAt: now.toISOString(),
      promotions: promotionData,
      events,
      consentEvidence,
      poolEntries: pool.map((row) => ({ ...(parse(row.data) as Record<string, unknown>), version: Number(row.version) })),
      overwrittenValues: conflicts.map((c) => ({
        entity: c.entity,
        entityId: c.entity_id,
        field: c.field,
        previousValue: parse(c.previous_value),
        newValue: parse(c.new_value),
        at: c.at,
      })),
    };
  });
}

export const exportCount = (e: JobSeekerExport) => e.promotions.length + e.poolEntries.length;
