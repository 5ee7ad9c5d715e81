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
import { duringRead } from './kit/per-read';
import type { ReadOptions } from './kit/taught';
import * as messagerie from './messagerie';

export const READERS = [dossierDemandeur, ficheEntreprise, messagerie] as const;

/** `options.taught`: the labels counsellors taught the reader of this page's tool. */
export function readPage(document: Document, url: URL | string, options?: ReadOptions): ReadResult {
  const pageUrl = toUrl(url);
  if (!pageUrl) return { url: String(url), recognized: false };
  // One read: what each tool's detection found serves its reader (kit/per-read.ts).
  return guard(pageUrl, () => duringRead(() => {
    // Addresses we know first, for every tool; then what the page holds. A page recognised by what it holds
    // may look like another tool's: the next reader gets its chance.
    for (const byContent of [false, true]) {
      for (const reader of READERS) {
        if (reader.detect(pageUrl, document, byContent) === null) continue;
        const parsed = readResultSchema.safeParse(reader.read(document, pageUrl, options));
        if (parsed.success && parsed.data.recognized) return parsed.data;
        if (!byContent) return undefined; // a known address whose page is not the expected one is not recognised
      }
    }
    return undefined;
  }));
}

export { dossierDemandeur, ficheEntreprise, messagerie };
