/** Dates and times as the webmail writes them, in Paris time. */
import { frenchDateToIso, parisOffsetIso } from '@/lib/domain/formats';

const DATE_TIME = /(\d{1,2}\/\d{1,2}\/\d{4})\D{1,15}?(\d{1,2})\s*[:h]\s*(\d{2})/;

/** "20/11/2026 à 14:32", Paris time → `2026-11-20T14:32:00+01:00`. */
export function parseSentAt(text: string): string | undefined {
  const match = DATE_TIME.exec(text);
  const date = match && frenchDateToIso(match[1]!);
  if (!match || !date || Number(match[2]) > 23 || Number(match[3]) > 59) return undefined;
  return parisOffsetIso(date, `${match[2]}:${match[3]}`);
}
