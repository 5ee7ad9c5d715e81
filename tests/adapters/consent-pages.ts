/** Small job-seeker files around one consent markup, read by the real reader (tests of kit/consent.ts). */
import { Window } from 'happy-dom';
import { readWithEvidence } from '@/lib/adapters/dossier-demandeur';
import type { JobSeekerProfile, ReadResult } from '@/lib/domain/legacy';

export const FILE_URL = 'http://dossiers.localhost/dossier/1234567A';

const IDENTITY = `<table><tr><td>Identifiant</td><td>1234567A</td></tr><tr><td>Nom</td><td>DUPONT</td></tr><tr><td>Prénom</td><td>Marie</td></tr></table>`;
const BANNER = '<header><span>Conseiller : <b>Jeanne MARTIN</b> — Agence Lyon Part-Dieu (69031)</span></header>';

/** A file with the identity block, then `blocks` in the given order. */
export function filePage(...blocks: string[]): string {
  return `<!DOCTYPE html><html lang="fr"><head><title>Dossier</title></head><body>${BANNER}<main><h1>Dossier demandeur</h1>${[IDENTITY, ...blocks].join('\n')}</main></body></html>`;
}

// One window for every page: parsing stays fast enough for hundreds of generated pages.
let window: Window | undefined;
function parse(html: string): Document {
  window ??= new Window({
    url: FILE_URL,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableComputedStyleRendering: true },
  });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export function readFile(html: string): ReadResult {
  return readWithEvidence(parse(html), new URL(FILE_URL));
}

export function consentOf(html: string): { consent: JobSeekerProfile['promotionConsent']; missing: string[]; result: ReadResult } {
  const result = readFile(html);
  if (!result.recognized || result.page !== 'profile') throw new Error(`page not read as a file: ${JSON.stringify(result)}`);
  return { consent: result.data.promotionConsent, missing: result.missing, result };
}
