/** Which page of the job-seeker file tool this is, by URL path and DOM (never by host). */
import { isValidFtId, normalizeFtId } from '@/lib/domain/formats';

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

const isPortfolioPath = (url: URL) => /\/portefeuille\/?$/i.test(url.pathname);

/** A login form replaces any page when the session has expired. */
const isLoginForm = (document: Document) => document.querySelector('input[type="password"]') !== null;

export function detect(url: URL, document: Document): DossierPageKind | null {
  if (!document.body || isLoginForm(document)) return null;
  if (ftIdFromPath(url)) return 'profile';
  if (isPortfolioPath(url) && document.querySelector('table, [role="table"], [role="grid"]')) return 'portfolio';
  return null;
}
