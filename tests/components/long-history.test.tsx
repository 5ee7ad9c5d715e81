// @vitest-environment happy-dom
// A job seeker promoted many times: the history opens with the most recent promotions and says how many more
// there are, one click away (the panel must open at once on a file with a long history).
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { uiDb } from '@/components/promotion/db';
import { PromotionHistory } from '@/components/promotion/PromotionHistory';
import type { Establishment, JobSeekerProfile } from '@/lib/domain/legacy';
import { createPromotion } from '@/lib/store';
import { readingOf } from '../background/fixtures';

vi.mock('@/lib/messaging/protocol', () => ({ sendMessage: vi.fn(), onMessage: vi.fn() }));

const marie = (readingOf('dossier-demandeur', 'dossier-1234567A') as { data: JobSeekerProfile }).data;
const logiciels = (readingOf('fiche-entreprise', 'etablissement-73282932000074') as { data: Establishment }).data;
const settle = () => act(() => new Promise((r) => setTimeout(r, 80)));

describe('a long promotion history', () => {
  let root: HTMLElement;
  beforeEach(async () => {
    fakeBrowser.reset();
    await uiDb().promotions.clear();
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('shows the 20 most recent promotions, then all of them on « Afficher les 5 autres promotions »', async () => {
    for (let day = 1; day <= 25; day++) {
      await createPromotion(
        uiDb(),
        { jobSeeker: marie, establishment: logiciels, mode: 'named', channel: 'phone', pitch: `Appel numéro ${day}` },
        { counsellorId: 'jeanne.martin', agencyCode: '69031', now: new Date(Date.UTC(2026, 10, day, 9)) },
      );
    }
    await act(() => render(<PromotionHistory ftId={marie.ftId} profile={marie} tabId={4} />, root));
    await settle();
    const dates = () => Array.from(root.querySelectorAll('[data-testid="promotion-row"]')).map((row) => row.textContent?.match(/\d{2}\/11\/2026/)?.[0]);
    expect(dates()).toHaveLength(20);
    // The newest first: 25 November down to 6 November.
    expect(dates()[0]).toBe('25/11/2026');
    expect(dates()[19]).toBe('06/11/2026');

    const more = Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.includes('autres promotions'))!;
    expect(more.textContent?.trim()).toBe('Afficher les 5 autres promotions');
    await act(() => more.click());
    await settle();
    expect(dates()).toHaveLength(25);
    expect(dates()[24]).toBe('01/11/2026');
    expect(Array.from(root.querySelectorAll('button')).some((b) => b.textContent?.includes('autres promotions'))).toBe(false);
  });
});
