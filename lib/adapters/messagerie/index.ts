/**
 * Reader of the webmail ("messagerie"): the compose form (nothing to read, the extension fills it),
 * the confirmation that a message left, a folder's list and a received message (the references they carry).
 * The webmail has no counsellor banner, so no `agent`.
 * `read` never throws; a page it does not know gives `{url, recognized: false}`.
 */
import type { ReadResult } from '@/lib/domain/legacy';
import type { ReadOptions } from '../kit/taught';
import { readTool, type Extraction, type Extractors } from '../kit/result';
import { detect, findComposeFields, messageIdFromPath, type ComposeFields, type MessageriePageKind } from './detect';
import { extractInbox } from './inbox';
import { extractMessage } from './message';
import { extractSent } from './sent';

export { detect, findComposeFields, messageIdFromPath, type ComposeFields, type MessageriePageKind };
export const TOOL = 'messagerie' as const;

function extractCompose(document: Document): Extraction<'compose'> | undefined {
  const fields = findComposeFields(document);
  if (!fields) return undefined;
  const missing: string[] = [];
  if (!fields.subject) missing.push('subject');
  if (!fields.body) missing.push('body');
  return { data: {}, missing };
}

export const extract: Extractors<MessageriePageKind> = {
  compose: extractCompose,
  sent: extractSent,
  inbox: extractInbox,
  message: extractMessage,
};

export function read(document: Document, url: URL, options?: ReadOptions): ReadResult {
  return readTool(TOOL, detect, extract, undefined, document, url, options);
}
