// @vitest-environment happy-dom
// The options page: the delays checked in French beside each field, saved in storage.local.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import { loadSettings, SETTINGS_KEY } from '@/lib/settings';


describe('options page', () => {
  let root: HTMLElement;
  beforeEach(() => {
    fakeBrowser.reset();
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const input = (id: string) => root.querySelector<HTMLInputElement>(`#${id}`)!;
  const type = (id: string, value: string) =>
    act(() => {
      input(id).value = value;
      input(id).dispatchEvent(new Event('input', { bubbles: true }));
    });
  const submit = async () => {
    await act(() => root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    await vi.waitFor(() => expect(root.querySelector('[data-testid="settings-feedback"]')).not.toBeNull());
  };

  it('shows the defaults, refuses a delay out of range in French, and saves valid settings', async () => {
    await act(() => render(<OptionsApp />, root));
    await vi.waitFor(() => expect(input('firstFollowUpDays')?.value).toBe('7'));
    expect(input('secondFollowUpDays').value).toBe('');
    expect(input('autoCloseDays').value).toBe('30');
    expect(input('workingDays').checked).toBe(false);
    expect(input('notifications').checked).toBe(true);

    await type('firstFollowUpDays', '2');
    await submit();
    expect(root.querySelector('[data-testid="firstFollowUpDays-error"]')?.textContent).toBe('Première relance : 3 jours au moins.');
    expect(root.querySelector('[data-testid="settings-feedback"]')?.textContent).toContain('Réglages non enregistrés');
    expect(await fakeBrowser.storage.local.get(SETTINGS_KEY)).toEqual({});

    await type('firstFollowUpDays', '10');
    await type('autoCloseDays', '45');
    await act(() => input('workingDays').click());
    await submit();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="settings-feedback"]')?.textContent).toBe('Réglages enregistrés.'));
    expect(root.querySelector('[data-testid="firstFollowUpDays-error"]')).toBeNull();
    expect(await loadSettings()).toEqual({ firstFollowUpDays: 10, autoCloseDays: 45, workingDays: true, notifications: true });
  });

  it('keeps a place for the synchronisation settings', async () => {
    await act(() => render(<OptionsApp><p>Serveur central</p></OptionsApp>, root));
    await vi.waitFor(() => expect(root.querySelector('#sync-settings')?.textContent).toBe('Serveur central'));
  });
});
