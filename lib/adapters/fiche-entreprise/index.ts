/**
 * Reader of the employer CRM ("fiche-entreprise"): the search results and each establishment's page.
 * `read` never throws; a page it does not know gives `{url, recognized: false}`.
 */
import type { ReadResult } from '@/lib/domain/legacy';
import { readAgent } from '../kit/banner';
import type { ReadOptions } from '../kit/taught';
import { readTool, type Extractors } from '../kit/result';
import { detect, type EntreprisePageKind } from './detect';
import { extractEstablishment } from './establishment';
import { extractSearch } from './search';

export { detect, type EntreprisePageKind };
export const TOOL = 'fiche-entreprise' as const;

export const extract: Extractors<EntreprisePageKind> = {
  establishment: extractEstablishment,
  search: extractSearch,
};

export function read(document: Document, url: URL, options?: ReadOptions): ReadResult {
  return readTool(TOOL, detect, extract, readAgent, document, url, options);
}
