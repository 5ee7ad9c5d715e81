/** Which page of the job-seeker file tool this is, by URL path and DOM (never by host). */
import { isValidFtId, normalizeFtId } from '@/lib/domain/formats';
import { textOf } from '../kit/text';
import { portfolioRows } from './portfolio-table';

export type DossierPageKind = 'profile' | 'portfolio';

/** The identifier in `/dossier/{ftId}` (a trailing slash or query may follow), if the path has one. */
export function ftIdFromPath(url: URL): string | undefined {
  const match = /\/dossier\/([^/]+)\/?$/i.exec(url.pathname);
  if (!match) return undefined;
  let id: string;
  try {
    id = normalizeFtId(decodeURIComponent(match[1]!));
  } catch {
    return undefined;
  }
  return isValidFtId(id) ? id : undefined;
}

/** Valid identifiers written in the address, as path segments or query values (a tool whose addresses we do not know). */
export function ftIdInUrl(url: URL): string[] {
  const parts = [...url.pathname.split('/'), ...Array.from(url.searchParams.values())];
  const ids: string[] = [];
  for (const part of parts) {
    let id: string;
    try {
      id = normalizeFtId(decodeURIComponent(part));
    } catch {
      continue;
    }
    if (isValidFtId(id)) ids.push(id);
  }
  return ids;
}

const isPortfolioPath = (url: URL) => /\/portefeuille\/?$/i.test(url.pathname);

/** A login form replaces any page when the session has expired. */
const isLoginForm = (document: Document) => document.querySelector('input[type="password"]') !== null;

/**
 * By the address when it is one we know; else by what the page holds: an identifier in the address (the file
 * must then show the same one), or a table of job seekers with an identifier column (the portfolio).
 * `byContent: false` keeps to the addresses we know (readPage tries them first, for every tool).
 */
export function detect(url: URL, document: Document, byContent = true): DossierPageKind | null {
  if (!document.body || isLoginForm(document)) return null;
  if (ftIdFromPath(url)) return 'profile';
  const hasTable = document.querySelector('table, [role="table"], [role="grid"]') !== null;
  if (isPortfolioPath(url)) return hasTable ? 'portfolio' : null;
  if (!byContent) return null;
  if (ftIdInUrl(url).length > 0) return 'profile';
  return hasTable && portfolioRows(document)?.some((row) => isValidFtId(normalizeFtId(textOf(row.ftId)))) ? 'portfolio' : null;
}
