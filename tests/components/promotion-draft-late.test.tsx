// @vitest-environment happy-dom
// A draft read late (slow first IndexedDB open) never undoes what the counsellor already did in the form.
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PromoteSection } from '@/components/promotion/PromoteSection';
import type { JobSeekerProfile } from '@/lib/domain/legacy';
import type { Draft } from '@/lib/store';
import { readingOf } from '../background/fixtures';

const draftRead = vi.hoisted(() => {
  let answer: (draft: unknown) => void = () => undefined;
  const promise = new Promise((resolve) => (answer = resolve));
  return { promise, answer: (draft: unknown) => answer(draft) };
});
vi.mock('@/lib/store', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/store')>()),
  loadDraft: () => draftRead.promise,
}));

const root = document.createElement('div');
afterEach(() => render(null, root));

it('keeps the pitch typed before the stored draft arrived', async () => {
  fakeBrowser.reset();
  document.body.append(root);
  const profile = (readingOf('dossier-demandeur', 'dossier-1234567A') as { data: JobSeekerProfile }).data;
  await act(() => render(<PromoteSection profile={profile} tabId={1} />, root));
  await act(() => (root.querySelector('[data-testid="promote"]') as HTMLButtonElement).click());
  await act(() => {
    const area = root.querySelector<HTMLTextAreaElement>('[data-testid="pitch"]')!;
    area.value = 'Texte tapé tout de suite.';
    area.dispatchEvent(new Event('input', { bubbles: true }));
  });

  const stored: Draft = {
    ftId: profile.ftId,
    selectedSirets: [],
    contactBySiret: {},
    mode: 'anonymous',
    channel: 'email',
    rome: profile.targetJobs[0]!.rome,
    pitch: 'Ancien brouillon.',
    pitchEdited: true,
    updatedAt: new Date(Date.now() - 3_600_000).toISOString(),
  };
  await act(async () => {
    draftRead.answer(stored);
    await new Promise((r) => setTimeout(r, 50));
  });

  expect(root.querySelector<HTMLTextAreaElement>('[data-testid="pitch"]')!.value).toBe('Texte tapé tout de suite.');
  expect(root.querySelector<HTMLInputElement>('#mode-anonymous')!.checked).toBe(false);
});
