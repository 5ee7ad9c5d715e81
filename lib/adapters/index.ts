/**
 * Reads whatever legacy page is open: picks the tool by URL path and DOM (never by host name,
 * the real tools run on other hosts), then checks the result against the zod schema of
 * `lib/domain/legacy` — a result that does not pass is reported as not recognised.
 * Content scripts import their own tool's `read` instead, which keeps zod out of their bundle;
 * the background parses every result with the same schema when it arrives.
 */
import { readResultSchema, type ReadResult } from '@/lib/domain/legacy';
import * as dossierDemandeur from './dossier-demandeur';
import * as ficheEntreprise from './fiche-entreprise';
import { guard, toUrl } from './kit/result';
import * as messagerie from './messagerie';

export const READERS = [dossierDemandeur, ficheEntreprise, messagerie] as const;

export function readPage(document: Document, url: URL | string): ReadResult {
  const pageUrl = toUrl(url);
  if (!pageUrl) return { url: String(url), recognized: false };
  return guard(pageUrl, () => {
    const reader = READERS.find((r) => r.detect(pageUrl, document) !== null);
    if (!reader) return undefined;
    const parsed = readResultSchema.safeParse(reader.read(document, pageUrl));
    return parsed.success ? parsed.data : undefined;
  });
}

export { dossierDemandeur, ficheEntreprise, messagerie };
