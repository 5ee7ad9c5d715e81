// @vitest-environment happy-dom
// « Modifier » in a promotion's history: what a counsellor may change before and after sending, and what
// the panel asks the background to record (messaging mocked; the background's side is tests/background).
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { uiDb } from '@/components/promotion/db';
import { PromotionHistory } from '@/components/promotion/PromotionHistory';
import type { Establishment, JobSeekerProfile } from '@/lib/domain/legacy';
import { addEvent, createPromotion, rememberEstablishment } from '@/lib/store';
import { readingOf } from '../background/fixtures';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging/protocol', () => ({ sendMessage, onMessage: vi.fn() }));

const marie = (readingOf('dossier-demandeur', 'dossier-1234567A') as { data: JobSeekerProfile }).data;
const logiciels = (readingOf('fiche-entreprise', 'etablissement-73282932000074') as { data: Establishment }).data;
const ctx = { counsellorId: 'Jeanne MARTIN', agencyCode: '69031' };
const settle = () => act(() => new Promise((r) => setTimeout(r, 80)));
const button = (root: HTMLElement, name: string) => Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === name);

describe('« Modifier » a promotion', () => {
  let root: HTMLElement;
  beforeEach(async () => {
    fakeBrowser.reset();
    sendMessage.mockReset();
    sendMessage.mockResolvedValue({ ok: true });
    await uiDb().promotions.clear();
    await rememberEstablishment(uiDb(), logiciels);
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  async function openEdit() {
    await act(() => render(<PromotionHistory ftId={marie.ftId} profile={marie} tabId={4} />, root));
    await settle();
    await act(() => button(root, 'Modifier')!.click());
    await settle();
    return root.querySelector<HTMLFormElement>('[data-testid="edit-promotion"]')!;
  }

  it('before sending: changes the contact, the job, the mode (rewriting the message) and the channel', async () => {
    const promotion = await createPromotion(
      uiDb(),
      { jobSeeker: marie, establishment: logiciels, contact: logiciels.contacts[0], mode: 'named', channel: 'email', pitch: 'Bonjour Madame ROUSSEL, Marie DUPONT…' },
      ctx,
    );
    const form = await openEdit();
    const contact = form.querySelector<HTMLSelectElement>('select[id^="edit-contact"]')!;
    const garnier = Array.from(contact.options).find((o) => o.textContent?.includes('o.garnier@example.com'))!;
    await act(() => {
      contact.value = garnier.value;
      contact.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const job = form.querySelector<HTMLSelectElement>('select[id^="edit-rome"]')!;
    await act(() => {
      job.value = 'M1602';
      job.dispatchEvent(new Event('change', { bubbles: true }));
    });
    // The message was not the file's text: the panel asks before writing it again.
    expect(root.querySelector('[data-testid="confirm-replace"]')?.textContent).toContain('Changer de métier proposé');
    await act(() => button(root, 'Remplacer mon message')!.click());
    await act(() => form.querySelector<HTMLInputElement>('input[id$="-anonymous"]')!.click());
    // Now it is the file's text: switching to anonymous rewrites it without asking.
    expect(root.querySelector('[data-testid="confirm-replace"]')).toBeNull();
    const message = form.querySelector<HTMLTextAreaElement>('textarea')!;
    expect(message.value).toMatch(/^Bonjour Monsieur GARNIER,/);
    expect(message.value).toContain('« Opérations administratives »');
    expect(message.value).not.toMatch(/Marie|DUPONT/);
    const channel = form.querySelector<HTMLSelectElement>('select[id^="edit-channel"]')!;
    expect(Array.from(channel.options).map((o) => o.textContent)).toEqual(['E-mail', 'Téléphone', 'Visite', 'Autre']);

    await act(() => button(root, 'Enregistrer la modification')!.click());
    await settle();
    expect(sendMessage).toHaveBeenCalledWith('promotion.edit', {
      promotionId: promotion.id,
      jobSeekerTabId: 4,
      changes: {
        contact: { name: 'Olivier GARNIER', email: 'o.garnier@example.com', phone: '0761223344' },
        rome: 'M1602',
        mode: 'anonymous',
        pitch: message.value,
      },
    });
    expect(root.querySelector('[data-testid="edit-promotion"]')).toBeNull();
  });

  it('after sending: only the contact, and the background’s refusal shows in French', async () => {
    const promotion = await createPromotion(
      uiDb(),
      { jobSeeker: marie, establishment: logiciels, contact: logiciels.contacts[0], mode: 'named', channel: 'phone', pitch: 'Appel.' },
      ctx,
    );
    await addEvent(uiDb(), promotion.id, { type: 'sent', by: 'Jeanne MARTIN' });
    const form = await openEdit();
    expect(form.textContent).toContain("seul l'interlocuteur peut encore changer");
    expect(form.querySelectorAll('select').length).toBe(1);
    expect(form.querySelector('textarea')).toBeNull();

    sendMessage.mockResolvedValueOnce({ ok: false, code: 'invalid', message: 'Interlocuteur invalide.' });
    const contact = form.querySelector<HTMLSelectElement>('select')!;
    await act(() => {
      contact.value = contact.options[1]!.value;
      contact.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(() => button(root, 'Enregistrer la modification')!.click());
    await settle();
    expect(sendMessage.mock.calls[0]![1].changes).toEqual({ contact: expect.objectContaining({ email: 'o.garnier@example.com' }) });
    expect(root.querySelector('[data-testid="edit-error"]')?.textContent).toBe('Interlocuteur invalide.');
  });
});
