// @vitest-environment happy-dom
// The content scripts' reading loop: what reaches the background as a legacy page loads and changes in place.
import { afterEach, describe, expect, it } from 'vitest';
import { runReader, type ReaderLoop } from '@/lib/content/run-reader';
import type { ReadResult } from '@/lib/domain/legacy';

const QUIET_MS = 20;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A reader of the page's heading (what it reads does not matter here, only when and what is sent). */
const headingReader = (document: Document, url: URL) =>
  ({ url: url.href, recognized: false, heading: document.querySelector('h1')?.textContent ?? '' }) as unknown as ReadResult;
const headings = (sent: ReadResult[]) => sent.map((r) => (r as unknown as { heading: string }).heading);

describe('runReader', () => {
  let loop: ReaderLoop | undefined;
  afterEach(() => {
    loop?.stop();
    document.body.innerHTML = '';
  });

  it('sends the reading at once, then once per burst of in-place changes', async () => {
    document.body.innerHTML = '<h1>Dossier 1234567A</h1>';
    const sent: ReadResult[] = [];
    loop = runReader(headingReader, (r) => void sent.push(r), { debounceMs: QUIET_MS });
    expect(headings(sent)).toEqual(['Dossier 1234567A']);

    // A JSF partial update rewrites the page in several steps: one reading when it is over.
    const h1 = document.querySelector('h1')!;
    for (const step of ['Chargement…', 'Dossier', 'Dossier 7654321B']) h1.textContent = step;
    await expect.poll(() => headings(sent), { timeout: 2000 }).toEqual(['Dossier 1234567A', 'Dossier 7654321B']);
    await pause(QUIET_MS * 4);
    expect(sent).toHaveLength(2);
  });

  it('does not send the same reading twice, unless the background missed it', async () => {
    document.body.innerHTML = '<h1>Portefeuille</h1><p>1</p>';
    const sent: ReadResult[] = [];
    let asleep = true;
    loop = runReader(
      headingReader,
      (r) => {
        sent.push(r);
        return asleep ? Promise.reject(new Error('Could not establish connection')) : Promise.resolve();
      },
      { debounceMs: QUIET_MS },
    );
    expect(sent).toHaveLength(1);
    await pause(QUIET_MS * 4);
    asleep = false;
    // A change that leaves the reading as it was: sent again only because the first one was lost.
    const delivered = sent.length;
    document.querySelector('p')!.textContent = '2';
    await expect.poll(() => sent.length, { timeout: 2000 }).toBe(delivered + 1);
    // Now the background has it: the same reading is not sent again.
    document.querySelector('p')!.textContent = '3';
    await pause(QUIET_MS * 4);
    expect(sent).toHaveLength(delivered + 1);
    expect(new Set(headings(sent))).toEqual(new Set(['Portefeuille']));
  });

  it('reports an unrecognised page when a reader throws, and stops on demand', async () => {
    document.body.innerHTML = '<h1>Accueil</h1>';
    const sent: ReadResult[] = [];
    let calls = 0;
    const fragile = (document: Document, url: URL) => {
      if (++calls > 1) throw new Error('unexpected page');
      return headingReader(document, url);
    };
    loop = runReader(fragile, (r) => void sent.push(r), { debounceMs: QUIET_MS });
    document.querySelector('h1')!.textContent = 'Autre chose';
    await expect.poll(() => sent.length, { timeout: 2000 }).toBe(2);
    expect(sent[1]).toEqual({ url: location.href, recognized: false });

    loop.stop();
    document.querySelector('h1')!.textContent = 'Encore autre chose';
    calls = 0;
    await pause(QUIET_MS * 4);
    expect(sent).toHaveLength(2);
  });
});
