/** The readers' health of a perimeter over a period, from the summed rows: pages, fields with their jump, variants. */
import { missRate, missRateJump } from '../../lib/domain/miss-rate';
import type { HealthPage, HealthTool, ReadersHealthReport } from '../../lib/domain/reader-health';
import type { HealthSums } from './store';

type Report = ReadersHealthReport;
const pageKey = (r: { tool: string; page: string }) => `${r.tool}/${r.page}`;
const byName = <T extends { tool: string; page: string }>(a: T, b: T) => pageKey(a).localeCompare(pageKey(b));

/**
 * `sums` cover the period and its baseline (from `baselineStart(from)`): the days before `from` only judge the
 * jumps of the period's first days. `firstSeen` gives each variant's first day in the perimeter (`tool/page/hash`).
 */
export function healthReport(
  sums: HealthSums[],
  firstSeen: Map<string, string>,
  head: Pick<Report, 'scope' | 'perimeter' | 'from' | 'to' | 'generatedAt' | 'installs'>,
): Report {
  const inPeriod = sums.filter((s) => s.day >= head.from);
  const readingsByDay = new Map<string, number>();
  for (const s of sums) if (s.kind === 'readings') readingsByDay.set(`${pageKey(s)}/${s.day}`, (readingsByDay.get(`${pageKey(s)}/${s.day}`) ?? 0) + s.count);

  const pages = new Map<string, Report['pages'][number]>();
  for (const s of inPeriod.filter((s) => s.kind === 'readings')) {
    const page = pages.get(pageKey(s)) ?? { tool: s.tool as HealthTool, page: s.page as HealthPage, readings: 0 };
    page.readings += s.count;
    pages.set(pageKey(s), page);
  }

  // Fields missed at least once in the period; their days are every day their page was read (baseline included).
  const fieldKeys = new Map<string, { tool: string; page: string; field: string }>();
  for (const s of inPeriod.filter((s) => s.kind === 'miss')) fieldKeys.set(`${pageKey(s)}/${s.key}`, { tool: s.tool, page: s.page, field: s.key });
  const fields: Report['fields'] = [...fieldKeys.values()].map(({ tool, page, field }) => {
    const missesByDay = new Map(sums.filter((s) => s.kind === 'miss' && s.tool === tool && s.page === page && s.key === field).map((s) => [s.day, s.count]));
    const allDays = [...readingsByDay.entries()]
      .filter(([key]) => key.startsWith(`${tool}/${page}/`))
      .map(([key, readings]) => {
        const day = key.slice(`${tool}/${page}/`.length);
        const misses = missesByDay.get(day) ?? 0;
        return { day, readings, misses, missRate: missRate(misses, readings) };
      })
      .sort((a, b) => a.day.localeCompare(b.day));
    const days = allDays.filter((d) => d.day >= head.from);
    const readings = days.reduce((n, d) => n + d.readings, 0);
    const misses = days.reduce((n, d) => n + d.misses, 0);
    return { tool: tool as HealthTool, page: page as HealthPage, field, readings, misses, missRate: missRate(misses, readings), days, jump: missRateJump(allDays, head.from) };
  });

  const variants = new Map<string, Report['variants'][number]>();
  for (const s of inPeriod.filter((s) => s.kind === 'variant')) {
    const key = `${pageKey(s)}/${s.key}`;
    const variant = variants.get(key) ?? { tool: s.tool as HealthTool, page: s.page as HealthPage, hash: s.key, readings: 0, firstSeen: firstSeen.get(key) ?? s.day, lastSeen: s.day };
    variant.readings += s.count;
    if (s.day > variant.lastSeen) variant.lastSeen = s.day;
    variants.set(key, variant);
  }

  return {
    ...head,
    pages: [...pages.values()].sort(byName),
    fields: fields.sort((a, b) => byName(a, b) || a.field.localeCompare(b.field)),
    variants: [...variants.values()].sort((a, b) => byName(a, b) || a.firstSeen.localeCompare(b.firstSeen) || a.hash.localeCompare(b.hash)),
  };
}
