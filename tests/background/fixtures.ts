import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ReadResult } from '@/lib/domain/legacy';

/** A reference page's expected reading, as the background receives it from a content script. */
export function readingOf(tool: string, file: string, patch?: (data: any) => void): ReadResult {
  const path = resolve(import.meta.dirname, '../fixtures/legacy', tool, `${file}.expected.json`);
  const expected = JSON.parse(readFileSync(path, 'utf8'));
  if (patch) patch(expected.data);
  return { missing: [], ...expected } as ReadResult;
}
