/**
 * The readers' health rows: one install's day written as a whole (sent again, it replaces that day: never counted
 * twice), and the counts of a perimeter summed per day. The agency and counsellor are the token's.
 */
import type { HealthReport } from '../../lib/domain/reader-health';
import type { Counsellor } from '../auth/counsellor';
import type { Db, ReaderHealthTable } from '../db/schema';
import { ApiError } from '../errors';

const clientForbidden = () =>
  new ApiError(403, 'client_forbidden', "Ce poste est déjà associé à un autre conseiller : reconnectez-vous avec votre compte ou réinstallez l'extension.");

function rowsOf(report: HealthReport, counsellor: Counsellor, receivedAt: string): ReaderHealthTable[] {
  const base = { client_id: report.clientId, day: report.day, sub: counsellor.sub, agency_code: counsellor.agencyCode, received_at: receivedAt };
  return report.pages.flatMap((p) => [
    { ...base, tool: p.tool, page: p.page, kind: 'readings' as const, key: '', count: p.readings },
    ...p.misses.map((m) => ({ ...base, tool: p.tool, page: p.page, kind: 'miss' as const, key: m.field, count: m.count })),
    ...p.variants.map((v) => ({ ...base, tool: p.tool, page: p.page, kind: 'variant' as const, key: v.hash, count: v.count })),
  ]);
}

/** Replaces the install's counts of the report's day; an install bound to another counsellor is refused. */
export async function saveHealthDay(db: Db, counsellor: Counsellor, report: HealthReport, now: Date = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const client = await trx.selectFrom('clients').select('sub').where('client_id', '=', report.clientId).executeTakeFirst();
    const other = await trx
      .selectFrom('reader_health')
      .select('sub')
      .where('client_id', '=', report.clientId)
      .where('sub', '<>', counsellor.sub)
      .limit(1)
      .executeTakeFirst();
    if ((client && client.sub !== counsellor.sub) || other) throw clientForbidden();
    await trx.deleteFrom('reader_health').where('client_id', '=', report.clientId).where('day', '=', report.day).execute();
    const rows = rowsOf(report, counsellor, now.toISOString());
    // A few hundred rows at most (lib/domain/reader-health.ts limits), inserted in chunks under PostgreSQL's parameter cap.
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('reader_health').values(rows.slice(i, i + 500)).execute();
  });
}

export interface HealthSums {
  day: string;
  tool: string;
  page: string;
  kind: ReaderHealthTable['kind'];
  key: string;
  count: number;
}

/** Counts of the perimeter (every agency when `agencyCode` is absent) per day, tool, page, kind and key. */
export async function readHealthSums(db: Db, where: { agencyCode?: string; from: string; to: string }): Promise<HealthSums[]> {
  let query = db
    .selectFrom('reader_health')
    .select(['day', 'tool', 'page', 'kind', 'key', (eb) => eb.fn.sum<number>('count').as('count')])
    .where('day', '>=', where.from)
    .where('day', '<=', where.to);
  if (where.agencyCode) query = query.where('agency_code', '=', where.agencyCode);
  const rows = await query.groupBy(['day', 'tool', 'page', 'kind', 'key']).execute();
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** Installs that reported a day of the period. */
export async function countReportingInstalls(db: Db, where: { agencyCode?: string; from: string; to: string }): Promise<number> {
  let query = db
    .selectFrom('reader_health')
    .select((eb) => eb.fn.count<number>('client_id').distinct().as('installs'))
    .where('day', '>=', where.from)
    .where('day', '<=', where.to);
  if (where.agencyCode) query = query.where('agency_code', '=', where.agencyCode);
  return Number((await query.executeTakeFirst())?.installs ?? 0);
}

/** The first day any install of the perimeter read each of these label-set hashes. */
export async function firstSeenOf(db: Db, hashes: string[], agencyCode?: string): Promise<Map<string, string>> {
  if (hashes.length === 0) return new Map();
  let query = db
    .selectFrom('reader_health')
    .select(['tool', 'page', 'key', (eb) => eb.fn.min<string>('day').as('first')])
    .where('kind', '=', 'variant')
    .where('key', 'in', hashes);
  if (agencyCode) query = query.where('agency_code', '=', agencyCode);
  const rows = await query.groupBy(['tool', 'page', 'key']).execute();
  return new Map(rows.map((r) => [`${r.tool}/${r.page}/${r.key}`, r.first]));
}

/** The counts are kept 13 months: a year of comparisons, then gone with the counsellor's `sub` they carry. */
export const READER_HEALTH_RETENTION_DAYS = 396;

/** Drops the days older than `READER_HEALTH_RETENTION_DAYS` (the retention job, server/privacy/retention.ts). */
export async function purgeReaderHealth(db: Db, now: Date = new Date()): Promise<void> {
  const oldestKept = new Date(now.getTime() - READER_HEALTH_RETENTION_DAYS * 86_400_000).toISOString().slice(0, 10);
  await db.deleteFrom('reader_health').where('day', '<', oldestKept).execute();
}
