// @vitest-environment happy-dom
// An e-mail never confirmed, as the counsellor sees it: three ways out, a date for « Marquer comme envoyée »,
// a reason for « Abandonner », the background's French refusal shown as it comes.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftMailActions } from '@/components/followup/DraftMailActions';
import { parisDay } from '@/lib/reminders/calendar';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging/protocol', () => ({ sendMessage }));

const ID = '01930000-0000-7000-8000-000000000001';
let root: HTMLElement;
const settle = () => act(() => new Promise((r) => setTimeout(r, 10)));
const labels = () => Array.from(root.querySelectorAll('button')).map((b) => b.textContent);
async function click(text: string) {
  const button = Array.from(root.querySelectorAll('button')).find((b) => b.textContent === text);
  if (!button) throw new Error(`no button « ${text} » among ${labels().join(', ')}`);
  await act(() => button.click());
  await settle();
}
async function type(selector: string, value: string) {
  const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
  await act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const labelOf = (id: string) => root.querySelector(`label[for="${id}"]`)?.textContent ?? '';

describe('DraftMailActions', () => {
  beforeEach(async () => {
    sendMessage.mockReset();
    sendMessage.mockResolvedValue({ ok: true });
    root = document.createElement('div');
    document.body.append(root);
    await act(() => render(<DraftMailActions promotion={{ id: ID, createdAt: '2026-11-02T08:00:00Z' }} label="Marie DUPONT chez LOGICIELS DU RHÔNE" />, root));
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('offers to resume the e-mail, mark it sent or abandon it', async () => {
    expect(labels()).toEqual(["Reprendre l'e-mail", 'Marquer comme envoyée', 'Abandonner']);
    await click("Reprendre l'e-mail");
    expect(sendMessage).toHaveBeenCalledWith('mail.resume', { promotionId: ID });
    expect(root.querySelector('[role="status"]')?.textContent).toContain('prêt dans la messagerie');
  });

  it('marks it sent on the date chosen, today by default and never later', async () => {
    await click('Marquer comme envoyée');
    const today = parisDay(new Date());
    const date = root.querySelector<HTMLInputElement>(`#sent-on-${ID}`)!;
    expect(labelOf(`sent-on-${ID}`)).toContain("Date d'envoi");
    expect(date.value).toBe(today);
    expect(date.max).toBe(today);
    expect(date.min).toBe('2026-11-02');
    await type(`#sent-on-${ID}`, '2026-11-02');
    await click("Enregistrer l'envoi");
    expect(sendMessage).toHaveBeenCalledWith('mail.markSent', { promotionId: ID, sentOn: '2026-11-02' });
    expect(labels()).toEqual(["Reprendre l'e-mail", 'Marquer comme envoyée', 'Abandonner']);
  });

  it('asks the reason before abandoning, and shows what the background refuses', async () => {
    await click('Abandonner');
    expect(labelOf(`abandon-reason-${ID}`)).toBe("Motif de l'abandon");
    await click('Abandonner la promotion');
    expect(sendMessage).not.toHaveBeenCalled();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe("Indiquez pourquoi l'e-mail est abandonné.");

    sendMessage.mockResolvedValue({ ok: false, message: "Cette promotion n'attend plus son e-mail : rechargez la liste." });
    await type(`#abandon-reason-${ID}`, 'Poste pourvu');
    await click('Abandonner la promotion');
    expect(sendMessage).toHaveBeenCalledWith('mail.abandon', { promotionId: ID, reason: 'Poste pourvu' });
    expect(root.querySelector('[role="alert"]')?.textContent).toBe("Cette promotion n'attend plus son e-mail : rechargez la liste.");
  });
});
