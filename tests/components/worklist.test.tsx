// @vitest-environment happy-dom
// The worklist as the counsellor reads it: rows that open the file in a new tab (never a non-web address), who is
// left out said in the singular for one, and a long portfolio shown fifty at a time.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorklistList } from '@/components/worklist/WorklistView';
import { locateCommune } from '@/lib/domain/geo';
import type { PortfolioEntry } from '@/lib/domain/legacy';
import { rankWorklist } from '@/lib/domain/worklist';

const entry = (i: number, over: Partial<PortfolioEntry> = {}): PortfolioEntry => ({
  ftId: `${1_000_000 + i}A`,
  lastName: `NOM${String(i).padStart(2, '0')}`,
  firstName: 'Prénom',
  mainRome: 'M1607',
  promotionConsent: true,
  url: `http://dossiers.localhost:8090/dossier/${1_000_000 + i}A`,
  ...over,
});
const worklistOf = (entries: PortfolioEntry[]) => rankWorklist({ entries, promotions: [], needs: [], locate: locateCommune, now: new Date('2026-11-20T10:00:00+01:00') });

let root: HTMLElement;
const text = () => (root.textContent ?? '').replace(/\s+/g, ' ');
const show = (entries: PortfolioEntry[], notListed: number) =>
  act(() => render(<WorklistList worklist={worklistOf(entries)} notListed={notListed} busy={false} onPrepare={() => undefined} />, root));

describe('the worklist in the panel', () => {
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('makes each row a link to the file, in a new tab, and never follows a non-web address', async () => {
    await show([entry(1, { firstName: 'Marie', lastName: 'DUPONT' }), entry(2, { firstName: 'Sandrine', lastName: 'LEFÈVRE', url: 'javascript:alert(1)' })], 1);
    const links = Array.from(root.querySelectorAll('a'));
    expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('target')])).toEqual([
      ['Marie DUPONT', 'http://dossiers.localhost:8090/dossier/1000001A', '_blank'],
    ]);
    expect(text()).toContain('Sandrine LEFÈVRE');
    expect(text()).toContain('2 autorisent la promotion, 2 jamais promus, 0 avec un besoin correspondant.');
    expect(text()).toContain("1 demandeur du portefeuille n'est pas listé : promotion non autorisée ou consentement illisible.");
  });

  it('shows fifty job seekers, then fifty more on demand', async () => {
    await show(Array.from({ length: 62 }, (_, i) => entry(i)), 0);
    const rows = () => root.querySelectorAll('[data-testid="worklist-row"]').length;
    expect(rows()).toBe(50);
    const more = Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'Afficher 12 demandeurs de plus')!;
    await act(() => more.click());
    expect(rows()).toBe(62);
    expect(text()).not.toContain('de plus');
    expect(root.querySelector('[data-testid="worklist-not-listed"]')).toBeNull();
  });
});
