/** The counsellor's portfolio (`/portefeuille`) → `PortfolioEntry[]`, one per table row. */
import { isValidFtId, normalizeFtId } from '@/lib/domain/formats';
import type { PortfolioEntry } from '@/lib/domain/legacy';
import { Missing, absoluteHref, compact, type Extraction } from '../kit/result';
import { normalizeText, textOf } from '../kit/text';
import { CONSENT_UNREADABLE } from '@/lib/domain/consent-states';
import { readConsentIn } from '../kit/consent';
import { splitFullName } from '../kit/values';
import type { ReadOptions } from '../kit/taught';
import { LABELS, PORTFOLIO_COLUMNS } from './labels';
import { portfolioRows } from './portfolio-table';


/** The link of the row that leads to this job seeker's file, else its first link. */
function fileUrl(row: Element, ftId: string, base: URL): string | undefined {
  const links = Array.from(row.querySelectorAll('a[href]'));
  const hrefs = links.map((a) => absoluteHref(a, base)).filter((h): h is string => h !== undefined);
  const own = hrefs.find((h) => new URL(h).pathname.replace(/\/$/, '').toUpperCase().endsWith(`/${ftId}`));
  return own ?? hrefs[0] ?? new URL(`dossier/${encodeURIComponent(ftId)}`, base).href;
}

export function extractPortfolio(document: Document, url: URL, options?: ReadOptions): Extraction<'portfolio'> | undefined {
  if (!document.body) return undefined;
  const rows = portfolioRows(document, options?.taught);
  if (!rows) return undefined;
  const missing = new Missing();
  const entries: PortfolioEntry[] = [];
  for (const row of rows) {
    const ftId = normalizeFtId(textOf(row.ftId));
    if (!isValidFtId(ftId)) {
      missing.add('ftId');
      continue;
    }
    const names = row.lastName
      ? { lastName: textOf(row.lastName), firstName: textOf(row.firstName) }
      : splitFullName(textOf(row.fullName));
    if (!names?.lastName || !names.firstName) {
      missing.add(names?.lastName ? 'firstName' : 'lastName');
      continue;
    }
    // The cell's value, read like the file's (kit/consent.ts): anything short of certainty is not granted.
    const consent = row.consent
      ? readConsentIn(row.consent, 'Promotion du profil', [...LABELS.consent, ...PORTFOLIO_COLUMNS.consent, ...(options?.taught?.promotionConsent ?? [])]).status
      : 'unreadable';
    if (consent === 'unreadable') missing.add('promotionConsent');
    const mainRome = /\b([A-N]\d{4})\b/i.exec(textOf(row.mainRome))?.[1]?.toUpperCase();
    entries.push(
      compact({
        ftId,
        lastName: normalizeText(names.lastName),
        firstName: normalizeText(names.firstName),
        mainRome,
        promotionConsent: consent === 'granted',
        promotionConsentReason: consent === 'unreadable' ? CONSENT_UNREADABLE : undefined,
        url: fileUrl(row.$row, ftId, url)!,
      }),
    );
  }
  return { data: entries, missing: missing.fields };
}
