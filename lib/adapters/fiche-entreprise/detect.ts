/** Which page of the employer CRM this is, by URL path and DOM (never by host). */
import { isValidSiret, normalizeSiret } from '@/lib/domain/formats';

export type EntreprisePageKind = 'establishment' | 'search';

/** The SIRET in `/etablissement/{siret}`, if the path has a valid one. */
export function siretFromPath(url: URL): string | undefined {
  const match = /\/etablissement\/([^/]+)\/?$/i.exec(url.pathname);
  if (!match) return undefined;
  let siret: string;
  try {
    siret = normalizeSiret(decodeURIComponent(match[1]!));
  } catch {
    return undefined;
  }
  return isValidSiret(siret) ? siret : undefined;
}

const isSearchPath = (url: URL) => /\/recherche\/?$/i.test(url.pathname);
const isLoginForm = (document: Document) => document.querySelector('input[type="password"]') !== null;

export function detect(url: URL, document: Document): EntreprisePageKind | null {
  if (!document.body || isLoginForm(document)) return null;
  if (siretFromPath(url)) return 'establishment';
  if (isSearchPath(url) && document.querySelector('table, [role="table"], [role="grid"]')) return 'search';
  return null;
}
