// @vitest-environment happy-dom
// The outcome buttons as a counsellor sees them: only what the status allows, one click, a reason for a refusal.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OutcomeActions } from '@/components/followup/OutcomeActions';
import type { PromotionStatus } from '@/lib/domain/status';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging/protocol', () => ({ sendMessage }));

const ID = '01930000-0000-7000-8000-000000000001';
let root: HTMLElement;
const labels = () => Array.from(root.querySelectorAll('button')).map((b) => b.textContent);
const click = (text: string) =>
  act(() => {
    const button = Array.from(root.querySelectorAll('button')).find((b) => b.textContent === text);
    if (!button) throw new Error(`no button « ${text} » among ${labels().join(', ')}`);
    button.click();
  });
const show = (status: PromotionStatus) => act(() => render(<OutcomeActions promotion={{ id: ID, status }} label="Marie DUPONT chez LOGICIELS DU RHÔNE" />, root));

describe('OutcomeActions', () => {
  beforeEach(() => {
    sendMessage.mockReset();
    sendMessage.mockResolvedValue({ ok: true, status: 'replied' });
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('offers every outcome on a sent promotion, and only what moves it forward later', async () => {
    await show('sent');
    expect(labels()).toEqual(['Relancé', 'Réponse reçue', 'Entretien', 'Embauché', 'Profil conservé', 'Refus', 'Retirer', 'Note']);
    await show('interview');
    expect(labels()).not.toContain('Réponse reçue');
    expect(labels()).not.toContain('Entretien');
    expect(labels()).toContain('Embauché');
    await show('hired');
    expect(labels()).toEqual(['Note']);
    // Closed for lack of answer: the employer may still come back.
    await show('no_response');
    expect(labels()).toEqual(['Réponse reçue', 'Entretien', 'Embauché', 'Profil conservé', 'Refus', 'Note']);
    expect(root.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Suivi : Marie DUPONT chez LOGICIELS DU RHÔNE');
  });

  it('records « Réponse reçue » in one click', async () => {
    await show('sent');
    await click('Réponse reçue');
    expect(sendMessage).toHaveBeenCalledExactlyOnceWith('promotion.addEvent', { promotionId: ID, type: 'employer_replied' });
  });

  it('asks the reason of a refusal, then records it in one more click', async () => {
    await show('sent');
    await click('Refus');
    expect(sendMessage).not.toHaveBeenCalled();
    expect(root.querySelector('[data-testid="decline-reasons"]')?.textContent).toContain('Compétences insuffisantes');
    await click('Pas de recrutement en cours');
    expect(sendMessage).toHaveBeenCalledWith('promotion.addEvent', { promotionId: ID, type: 'declined', reason: 'no_position' });
  });

  it('asks a note for « Autre », and will not send it empty', async () => {
    await show('sent');
    await click('Refus');
    await click('Autre');
    await click('Enregistrer le refus');
    expect(sendMessage).not.toHaveBeenCalled();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Précisez le motif du refus.');
    await act(() => {
      const area = root.querySelector('textarea')!;
      area.value = 'Rachat de l’entreprise en cours';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click('Enregistrer le refus');
    expect(sendMessage).toHaveBeenCalledWith('promotion.addEvent', {
      promotionId: ID,
      type: 'declined',
      reason: 'other',
      note: 'Rachat de l’entreprise en cours',
    });
    await vi.waitFor(() => expect(labels()).toContain('Relancé')); // back to the buttons
  });

  it('shows the refusal of the background in French', async () => {
    sendMessage.mockResolvedValue({
      ok: false,
      code: 'transition',
      message: "Impossible d'enregistrer « Entretien » : la promotion est au statut « Embauche ».",
    });
    await show('sent');
    await click('Entretien');
    await vi.waitFor(() =>
      expect(root.querySelector('[role="alert"]')?.textContent).toBe(
        "Impossible d'enregistrer « Entretien » : la promotion est au statut « Embauche ».",
      ),
    );
  });

  it('says so when the background cannot be reached', async () => {
    sendMessage.mockRejectedValue(new Error('Could not establish connection'));
    await show('sent');
    await click('Relancé');
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toContain("Profilence n'a pas pu enregistrer l'action"));
  });
  it('offers only the outcomes asked for, and records them the way it is told (a reply, dated by the background)', async () => {
    const send = vi.fn().mockResolvedValue({ ok: true, status: 'declined' });
    await act(() =>
      render(
        <OutcomeActions promotion={{ id: ID, status: 'sent' }} label="Profil anonyme chez LOGICIELS DU RHÔNE" only={['employer_replied', 'interview', 'hired', 'profile_kept', 'declined']} send={send} />,
        root,
      ),
    );
    expect(labels()).toEqual(['Réponse reçue', 'Entretien', 'Embauché', 'Profil conservé', 'Refus']);
    await click('Refus');
    await click('Pas de recrutement en cours');
    expect(send).toHaveBeenCalledWith({ type: 'declined', reason: 'no_position' });
    expect(sendMessage).not.toHaveBeenCalled();
  });
});
