// @vitest-environment happy-dom
// The worklist shows its ranking once, over everything it ranks on: a list ranked before the board's needs and
// the agency's promotions were read would show rows without their « Préparer la promotion » button, then move
// them under the counsellor's pointer when the store answers.
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { uiDb } from '@/components/promotion/db';
import { WorklistView } from '@/components/worklist/WorklistView';
import type { PortfolioEntry } from '@/lib/domain/legacy';
import { addNeed } from '@/lib/store';
import { eventually } from '../support/eventually';

vi.mock('@/lib/messaging/protocol', () => ({ sendMessage: vi.fn(), onMessage: vi.fn() }));

const entry = (ftId: string, firstName: string, lastName: string, mainRome: string): PortfolioEntry => ({
  ftId, firstName, lastName, mainRome, promotionConsent: true, url: `http://dossiers.localhost:8090/dossier/${ftId}`,
});
const PORTFOLIO = [entry('1234567A', 'Marie', 'DUPONT', 'M1607'), entry('7654321B', 'Sandrine', 'LEFÈVRE', 'K2204')];

describe('the worklist while the store is read', () => {
  let root: HTMLElement;
  beforeEach(async () => {
    fakeBrowser.reset();
    await uiDb().needs.clear();
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('shows « Classement du portefeuille… » until the board is read, never a ranking without its needs', async () => {
    // The communes were loaded by a first worklist (the portfolio page's): the second one, in the « À promouvoir »
    // tab, has nothing else to wait for than the store.
    await act(() => render(<WorklistView entries={PORTFOLIO} files={{}} />, root));
    await eventually(() => expect(root.textContent).toContain('autorisent'));
    await act(() => render(null, root));
    await addNeed(
      uiDb(),
      { siret: '73282932000074', establishmentName: 'LOGICIELS DU RHÔNE', postcode: '69003', city: 'Lyon', rome: 'M1607', label: 'Développeur' },
      { counsellorId: 'karim.benali', agencyCode: '69031' },
    );
    const seen: string[] = [];
    const record = () => {
      const summary = root.querySelector('[data-testid="worklist-summary"]')?.textContent ?? root.textContent ?? '';
      if (seen.at(-1) !== summary) seen.push(summary);
    };
    const observer = new MutationObserver(record);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    await act(() => render(<WorklistView entries={PORTFOLIO} files={{}} />, root));
    record();
    await eventually(() => expect(root.querySelector('button[aria-label^="Préparer la promotion de Marie DUPONT"]')).not.toBeNull());
    observer.disconnect();
    expect(seen.filter((s) => s.includes('autorisent'))).toEqual(['2 autorisent la promotion, 2 jamais promus, 1 avec un besoin correspondant.']);
  });
});
