/** Which page of the employer CRM this is, by URL path and DOM (never by host). */
import { isValidSiret, normalizeSiret } from '@/lib/domain/formats';
import { textOf } from '../kit/text';
import { searchRows } from './search-table';
import { siretIn } from './siret';

export type EntreprisePageKind = 'establishment' | 'search';

const decoded = (part: string) => {
  try {
    return decodeURIComponent(part);
  } catch {
    return '';
  }
};

/** The SIRET in `/etablissement/{siret}`, if the path has a valid one. */
export function siretFromPath(url: URL): string | undefined {
  const match = /\/etablissement\/([^/]+)\/?$/i.exec(url.pathname);
  if (!match) return undefined;
  const siret = normalizeSiret(decoded(match[1]!));
  return isValidSiret(siret) ? siret : undefined;
}

/** Valid SIRETs written in the address, as path segments or query values (a tool whose addresses we do not know). */
export function siretsInUrl(url: URL): string[] {
  const parts = [...url.pathname.split('/'), ...Array.from(url.searchParams.values())];
  return parts.map((p) => siretIn(decoded(p))).filter((s): s is string => s !== undefined);
}

const isSearchPath = (url: URL) => /\/recherche\/?$/i.test(url.pathname);
const isLoginForm = (document: Document) => document.querySelector('input[type="password"]') !== null;

/**
 * By the address when it is one we know; else by what the page holds: a SIRET in the address (the page must
 * then show the same one), or a table of establishments with a SIRET column (a search page).
 * `byContent: false` keeps to the addresses we know (readPage tries them first, for every tool).
 */
export function detect(url: URL, document: Document, byContent = true): EntreprisePageKind | null {
  if (!document.body || isLoginForm(document)) return null;
  if (siretFromPath(url)) return 'establishment';
  const hasTable = document.querySelector('table, [role="table"], [role="grid"]') !== null;
  if (isSearchPath(url)) return hasTable ? 'search' : null;
  if (!byContent) return null;
  if (siretsInUrl(url).length > 0) return 'establishment';
  return hasTable && searchRows(document)?.some((row) => siretIn(textOf(row.siret))) ? 'search' : null;
}
