/**
 * Reader of the job-seeker file tool ("dossier-demandeur"): the portfolio and each job seeker's file.
 * `read` never throws; a page it does not know gives `{url, recognized: false}`.
 */
import type { ReadResult } from '@/lib/domain/legacy';
import { readAgent } from '../kit/banner';
import type { ReadOptions } from '../kit/taught';
import { readTool, type Extractors } from '../kit/result';
import { detect, type DossierPageKind } from './detect';
import { extractPortfolio } from './portfolio';
import { extractProfile } from './profile';

export { detect, type DossierPageKind };
export const TOOL = 'dossier-demandeur' as const;

export const extract: Extractors<DossierPageKind> = {
  profile: extractProfile,
  portfolio: extractPortfolio,
};

/**
 * What the content script sends: the reading plus, on a file, `consentEvidence` (how the page showed the
 * consent, kept with a promotion). `read` gives the reading alone, the shape of the saved pages' expected files.
 */
export function readWithEvidence(document: Document, url: URL, options?: ReadOptions): ReadResult {
  return readTool(TOOL, detect, extract, readAgent, document, url, options);
}

export function read(document: Document, url: URL, options?: ReadOptions): ReadResult {
  const result = readWithEvidence(document, url, options);
  if (!result.recognized || result.page !== 'profile' || !('consentEvidence' in result)) return result;
  const { consentEvidence: _evidence, ...reading } = result;
  return reading;
}
