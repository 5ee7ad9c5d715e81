/**
 * Reader of the job-seeker file tool ("dossier-demandeur"): the portfolio and each job seeker's file.
 * `read` never throws; a page it does not know gives `{url, recognized: false}`.
 */
import type { ReadResult } from '@/lib/domain/legacy';
import { readAgent } from '../kit/banner';
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

export function read(document: Document, url: URL): ReadResult {
  return readTool(TOOL, detect, extract, readAgent, document, url);
}
