// @vitest-environment happy-dom
// The promotion form in the side panel: consent guard and draft recovery, as a counsellor sees them.
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PromoteSection } from '@/components/promotion/PromoteSection';
import { uiDb } from '@/components/promotion/db';
import type { JobSeekerProfile } from '@/lib/domain/legacy';
import { loadDraft } from '@/lib/store';
import { readingOf } from '../background/fixtures';

const profileOf = (file: string) => (readingOf('dossier-demandeur', file) as { data: JobSeekerProfile }).data;
const settle = () => act(() => new Promise((r) => setTimeout(r, 50)));

describe('« Promouvoir ce profil »', () => {
  let root: HTMLElement;
  beforeEach(async () => {
    fakeBrowser.reset();
    await uiDb().promotions.clear();
    await uiDb().drafts.clear();
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('is disabled, with the reason, when the job seeker has not authorised promotion', async () => {
    await act(() => render(<PromoteSection profile={profileOf('dossier-12345678901')} tabId={1} />, root));
    const button = Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'Promouvoir ce profil')!;
    expect(button.disabled).toBe(true);
    expect(root.textContent).toContain("la personne n'a pas autorisé la promotion de son profil");
  });

  it('writes a pitch from the file, and keeps the counsellor’s choices when the panel is closed and reopened', async () => {
    const profile = profileOf('dossier-1234567A');
    await act(() => render(<PromoteSection profile={profile} tabId={1} />, root));
    await act(() => (root.querySelector('[data-testid="promote"]') as HTMLButtonElement).click());
    const pitch = root.querySelector<HTMLTextAreaElement>('[data-testid="pitch"]')!;
    expect(pitch.value).toContain('Secrétariat');

    await act(() => (root.querySelector('#mode-anonymous') as HTMLInputElement).click());
    expect(root.querySelector<HTMLTextAreaElement>('[data-testid="pitch"]')!.value).not.toContain('DUPONT');
    await act(() => {
      const area = root.querySelector<HTMLTextAreaElement>('[data-testid="pitch"]')!;
      area.value = 'Texte revu par la conseillère.';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settle();
    expect((await loadDraft(uiDb(), profile.ftId))?.pitch).toBe('Texte revu par la conseillère.');

    // The panel closes (or the browser stops it); it opens again on the same file.
    render(null, root);
    await act(() => render(<PromoteSection profile={profile} tabId={1} />, root));
    await settle();
    expect(root.querySelector<HTMLTextAreaElement>('[data-testid="pitch"]')?.value).toBe('Texte revu par la conseillère.');
    expect(root.querySelector<HTMLInputElement>('#mode-anonymous')?.checked).toBe(true);
  });
});
