// @vitest-environment happy-dom
// The promotion form in the side panel: consent guard and draft recovery, as a counsellor sees them.
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PageContext } from '@/components/context/PageContext';
import { PromoteSection } from '@/components/promotion/PromoteSection';
import { uiDb } from '@/components/promotion/db';
import type { JobSeekerProfile } from '@/lib/domain/legacy';
import { loadDraft } from '@/lib/store';
import { readingOf } from '../background/fixtures';
import { eventually } from '../support/eventually';

const profileOf = (file: string) => (readingOf('dossier-demandeur', file) as { data: JobSeekerProfile }).data;
const settle = () => act(() => new Promise((r) => setTimeout(r, 50)));
const button = (root: HTMLElement, name: string | RegExp) =>
  Array.from(root.querySelectorAll('button')).find((b) => (typeof name === 'string' ? b.textContent?.trim() === name : name.test(b.textContent ?? '')));
const pitchOf = (root: HTMLElement) => root.querySelector<HTMLTextAreaElement>('[data-testid="pitch"]')!;
async function typeInPitch(root: HTMLElement, text: string) {
  await act(() => {
    const area = pitchOf(root);
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const fileContext = (file: string, tabId: number) => ({
  tabId,
  readAt: new Date().toISOString(),
  result: readingOf('dossier-demandeur', file),
});

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

  it('asks before an edited message is replaced by the anonymous one, and shows what to remove if it is kept', async () => {
    const profile = profileOf('dossier-1234567A');
    await act(() => render(<PromoteSection profile={profile} tabId={1} />, root));
    await settle();
    await act(() => button(root, 'Promouvoir ce profil')!.click());
    await typeInPitch(root, `${pitchOf(root).value}\nMarie est joignable au 06 12 34 56 78.`);

    await act(() => (root.querySelector('#mode-anonymous') as HTMLInputElement).click());
    expect(root.querySelector('[data-testid="confirm-replace"]')?.textContent).toContain('Passer en mode anonyme');
    await act(() => button(root, 'Garder mon message')!.click());
    expect(pitchOf(root).value).toContain('Marie est joignable');
    const problem = root.querySelector('[data-testid="anonymity-problem"]')?.textContent;
    expect(problem).toContain('retirez le prénom');
    expect(problem).toContain('le numéro de téléphone');
    expect(button(root, "Préparer l'e-mail")!.disabled).toBe(true);

    // Asked again from named to anonymous, the counsellor now lets the file's text replace the edit.
    await act(() => (root.querySelector('#mode-named') as HTMLInputElement).click());
    await act(() => button(root, 'Garder mon message')!.click());
    await act(() => (root.querySelector('#mode-anonymous') as HTMLInputElement).click());
    await act(() => button(root, 'Remplacer mon message')!.click());
    expect(pitchOf(root).value).not.toMatch(/Marie|DUPONT|06 12/);
    expect(root.querySelector('[data-testid="anonymity-problem"]')).toBeNull();
  });

  it('never carries a job seeker’s job or message over to another file', async () => {
    await act(() => render(<PageContext context={fileContext('dossier-1234567A', 1)} />, root));
    await settle();
    await act(() => button(root, 'Promouvoir ce profil')!.click());
    const select = root.querySelector<HTMLSelectElement>('#promote-rome')!;
    await act(() => {
      select.value = 'M1602';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(pitchOf(root).value).toContain('Opérations administratives');
    await typeInPitch(root, `${pitchOf(root).value}\nPhrase pour Marie.`);
    // Saved as Marie's draft before the counsellor moves on.
    for (let i = 0; i < 30 && !(await loadDraft(uiDb(), '1234567A'))?.pitch.includes('Phrase pour Marie.'); i++) await settle();

    // The counsellor goes to Sandrine's file.
    await act(() => render(<PageContext context={fileContext('dossier-7654321B', 2)} />, root));
    await settle();
    expect(root.querySelector('[data-testid="promote-form"]')).toBeNull();
    await act(() => button(root, 'Promouvoir ce profil')!.click());
    await eventually(() => expect(root.querySelector('#promote-rome')).not.toBeNull());
    const hers = root.querySelector<HTMLSelectElement>('#promote-rome')!;
    const sandrine = profileOf('dossier-7654321B');
    const main = sandrine.targetJobs.find((j) => j.main)!;
    expect(hers.value).toBe(main.rome);
    expect(hers.selectedOptions[0]?.textContent).toContain(main.label);
    expect(pitchOf(root).value).toContain(`« ${main.label} »`);
    expect(pitchOf(root).value).not.toMatch(/Opérations administratives|Phrase pour Marie/);

    // Back on Marie's file: her own choices are still there.
    await act(() => render(<PageContext context={fileContext('dossier-1234567A', 1)} />, root));
    await eventually(() => expect(root.querySelector<HTMLSelectElement>('#promote-rome')?.value).toBe('M1602'));
    expect(pitchOf(root).value).toContain('Phrase pour Marie.');
  });

  it('keeps a job picked just before the counsellor switches to another file', async () => {
    await act(() => render(<PageContext context={fileContext('dossier-1234567A', 1)} />, root));
    await settle();
    await act(() => button(root, 'Promouvoir ce profil')!.click());
    await eventually(() => expect(root.querySelector('#promote-rome')).not.toBeNull());
    // The pick renders, then the switch comes before the next frame is drawn (a panel in the background, a loaded
    // machine): outside `act`, which would draw it.
    const select = root.querySelector<HTMLSelectElement>('#promote-rome')!;
    select.value = 'M1602';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(pitchOf(root).value).toContain('Opérations administratives');
    render(<PageContext context={fileContext('dossier-7654321B', 2)} />, root);
    await settle();
    expect((await loadDraft(uiDb(), '1234567A'))?.rome).toBe('M1602');
    await act(() => render(<PageContext context={fileContext('dossier-1234567A', 1)} />, root));
    await eventually(() => expect(root.querySelector<HTMLSelectElement>('#promote-rome')?.value).toBe('M1602'));
  });

  it('keeps the choice made in one panel when a second panel shows the same file (two windows)', async () => {
    const profile = profileOf('dossier-1234567A');
    const second = document.createElement('div');
    document.body.append(second);
    try {
      // The first panel opens the form: her main job, saved as her draft.
      await act(() => render(<PromoteSection profile={profile} tabId={1} />, root));
      await act(() => (root.querySelector('[data-testid="promote"]') as HTMLButtonElement).click());
      await eventually(() => expect(root.querySelector('#promote-rome')).not.toBeNull());
      for (let i = 0; i < 30 && !(await loadDraft(uiDb(), profile.ftId)); i++) await settle();
      expect((await loadDraft(uiDb(), profile.ftId))?.rome).toBe('M1607');

      // A second window's panel comes to the same file and reads the draft as it stands, while the counsellor picks
      // another job in the first panel.
      await act(() => {
        render(<PromoteSection profile={profile} tabId={2} />, second);
        const select = root.querySelector<HTMLSelectElement>('#promote-rome')!;
        select.value = 'M1602';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await eventually(() => expect(second.querySelector<HTMLSelectElement>('#promote-rome')).not.toBeNull());
      for (let i = 0; i < 6; i++) await settle();
      // The second panel only showed what it read: it wrote nothing back over the choice.
      expect((await loadDraft(uiDb(), profile.ftId))?.rome).toBe('M1602');
      expect(root.querySelector<HTMLSelectElement>('#promote-rome')!.value).toBe('M1602');
      // A panel opened now shows the choice.
      render(null, second);
      await act(() => render(<PromoteSection profile={profile} tabId={1} />, second));
      await eventually(() => expect(second.querySelector<HTMLSelectElement>('#promote-rome')?.value).toBe('M1602'));
    } finally {
      render(null, second);
      second.remove();
    }
  });
});
