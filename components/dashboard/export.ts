/** The CSV files of the dashboard: the promotions of the period (sent in it, or drafts created in it). */
import type { StoredPromotion } from '@/lib/store';
import { csvFileName, promotionsCsv } from '@/lib/stats/csv';
import { parisDay } from '@/lib/stats/days';
import type { StatsPeriod } from '@/lib/stats/period';

export function inPeriod(p: StoredPromotion, period: StatsPeriod): boolean {
  const day = parisDay(p.sentAt ?? p.createdAt);
  return day >= period.from && day <= period.to;
}

export function exportFile(promotions: readonly StoredPromotion[], period: StatsPeriod, what: string, now = new Date()) {
  return { name: csvFileName(what, now), text: promotionsCsv(promotions.filter((p) => inPeriod(p, period))) };
}

/** Hands the file to the browser's downloads. */
export function download(file: { name: string; text: string }): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
