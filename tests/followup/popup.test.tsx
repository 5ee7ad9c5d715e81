// @vitest-environment happy-dom
// The popup with a real store and the real background commands behind a mocked messaging layer:
// due follow-ups first with the contact ready, upcoming next, one click to record an outcome.
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '@/components/popup/PopupApp';
import { createFollowUpCommands, createReminderScheduler } from '@/lib/background/reminders';
import { saveSettings } from '@/lib/settings';
import { DEFAULT_FOLLOW_UP_SETTINGS } from '@/lib/settings/follow-up';
import { addEvent, type ProfilenceDb } from '@/lib/store';
import { day, freshDb, sentPromotion } from '../reminders/support';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging/protocol', () => ({ sendMessage }));

const items = (root: HTMLElement, testId: string) => Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`));

describe('popup', () => {
  let db: ProfilenceDb;
  let root: HTMLElement;

  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(day(8));
    db = freshDb();
    const commands = createFollowUpCommands(db, createReminderScheduler(db));
    sendMessage.mockReset();
    sendMessage.mockImplementation(async (type: string, data: unknown) =>
      type === 'promotion.addEvent' ? commands.addEvent(data) : type === 'reminders.snooze' ? commands.snooze(data) : undefined,
    );
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.useRealTimers();
  });

  /** Mounted and loaded: the « Chargement » line has given way to the lists. */
  const open = async () => {
    await act(() => render(<PopupApp db={db} />, root));
    await vi.waitFor(() => expect(root.textContent).not.toContain('Chargement des relances'));
  };

  it('says what to do when no promotion is waiting', async () => {
    await open();
    expect(root.querySelector('[data-testid="nothing-due"]')?.textContent).toContain(
      "Aucune promotion n'attend de réponse. Ouvrez un dossier demandeur puis le panneau latéral pour promouvoir un profil",
    );
    expect(items(root, 'due-item')).toHaveLength(0);
  });

  it('lists the due follow-ups first with the contact ready to call or write, then the upcoming ones', async () => {
    await sentPromotion(db, 0); // due since day 7
    await sentPromotion(db, 5); // due on day 12
    await open();
    const [due] = items(root, 'due-item');
    expect(items(root, 'due-item')).toHaveLength(1);
    expect(due!.textContent).toContain('Marie DUPONT');
    expect(due!.textContent).toContain('LOGICIELS DU RHÔNE');
    expect(due!.querySelector('[data-testid="reminder-kind"]')?.textContent).toBe('Première relance');
    expect(due!.querySelector('[data-testid="days-since-sent"]')?.textContent).toBe('Envoyée il y a 8 jours');
    const links = Array.from(due!.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(links.some((href) => href?.startsWith('tel:0'))).toBe(true);
    expect(links).toContain('mailto:claire.roussel@example.com');
    expect(Array.from(due!.querySelectorAll('button')).map((b) => b.getAttribute('aria-label'))).toContain(
      "Copier l'adresse de Claire ROUSSEL",
    );
    const [upcoming] = items(root, 'upcoming-item');
    expect(upcoming!.textContent).toContain('le 14/11/2026');
    expect(upcoming!.textContent).toContain('Envoyée il y a 3 jours');
  });

  it('records « Réponse reçue » in one click: the promotion leaves the lists', async () => {
    const promotion = await sentPromotion(db, 0);
    await open();
    const button = Array.from(items(root, 'due-item')[0]!.querySelectorAll('button')).find((b) => b.textContent === 'Réponse reçue')!;
    await act(() => button.click());
    expect(sendMessage).toHaveBeenCalledWith('promotion.addEvent', { promotionId: promotion.id, type: 'employer_replied' });
    await vi.waitFor(() => expect(items(root, 'due-item')).toHaveLength(0));
    expect(items(root, 'upcoming-item')).toHaveLength(0);
    expect((await db.promotions.get(promotion.id))?.status).toBe('replied');
  });

  it('« Reporter » moves a due follow-up to the upcoming ones, a week later', async () => {
    await sentPromotion(db, 0);
    await open();
    const button = Array.from(items(root, 'due-item')[0]!.querySelectorAll('button')).find((b) => b.textContent === 'Reporter')!;
    await act(() => button.click());
    await vi.waitFor(() => expect(items(root, 'upcoming-item')[0]?.textContent).toContain('reportée au 17/11/2026'));
    expect(items(root, 'due-item')).toHaveLength(0);
  });

  it('follows changes made elsewhere: an answer recorded in the side panel, new settings', async () => {
    const promotion = await sentPromotion(db, 0);
    await sentPromotion(db, 2);
    await open();
    expect(items(root, 'due-item')).toHaveLength(1);
    await saveSettings({ ...DEFAULT_FOLLOW_UP_SETTINGS, firstFollowUpDays: 5 });
    await vi.waitFor(() => expect(items(root, 'due-item')).toHaveLength(2));
    await addEvent(db, promotion.id, { type: 'interview', by: 'Jeanne MARTIN' }, day(8));
    await vi.waitFor(() => expect(items(root, 'due-item')).toHaveLength(1));
  });

  it('opens the side panel of this window from the click', async () => {
    const openPanel = vi.fn(async () => undefined);
    (fakeBrowser as unknown as { sidePanel: { open: typeof openPanel } }).sidePanel.open = openPanel;
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    const windowId = (await fakeBrowser.windows.create({ focused: true }))!.id;
    await act(() => render(<PopupApp db={db} />, root));
    await vi.waitFor(() => expect(root.textContent).not.toContain('Chargement des relances'));
    await new Promise((r) => setTimeout(r, 20)); // the window id, asked at mount
    await act(() => (root.querySelector('[data-testid="open-panel"]') as HTMLButtonElement).click());
    expect(openPanel).toHaveBeenCalledWith({ windowId });
    await vi.waitFor(() => expect(close).toHaveBeenCalled());
  });
});
