// @vitest-environment happy-dom
// « Proposer une sélection » under a need of the establishment page, with the real store and the real background
// service behind a mocked messaging layer: five profiles at most (the sixth refused out loud), and a profile whose
// consent changed taken out by name, the counsellor confirming the others.
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EstablishmentBoard } from '@/components/board/EstablishmentBoard';
import { uiDb } from '@/components/promotion/db';
import type { MailJob } from '@/lib/background/mail-queue';
import { createShortlistService } from '@/lib/background/shortlist';
import { allContexts, saveReading } from '@/lib/background/tab-contexts';
import type { Establishment } from '@/lib/domain/legacy';
import { addNeed, addToPool, createPromotion, rememberWithdrawals } from '@/lib/store';
import { readingOf } from '../background/fixtures';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging/protocol', () => ({ sendMessage, onMessage: vi.fn() }));

const ESTABLISHMENT_TAB = 2;
const SIRET = '73282932000074';
const WRITER = { counsellorId: 'sub-paul', counsellorName: 'Paul BERNARD', agencyCode: '69031' };
const establishment = (readingOf('fiche-entreprise', 'etablissement-73282932000074') as { data: Establishment }).data;
const NAMES = ['Alice', 'Bruno', 'Chloé', 'David', 'Emma', 'Farid'];

const settle = (ms = 60) => act(() => new Promise((r) => setTimeout(r, ms)));
async function waitFor(check: () => unknown, timeout = 5_000) {
  const until = Date.now() + timeout;
  for (;;) {
    try {
      return void (await check());
    } catch (err) {
      if (Date.now() > until) throw err;
      await settle(25);
    }
  }
}
const button = (root: HTMLElement, name: string) =>
  Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === name) as HTMLButtonElement | undefined;
async function click(el: HTMLElement | undefined) {
  expect(el).toBeDefined();
  await act(() => el!.click());
  await settle();
}
/** The checkbox whose label starts with this first name. */
const box = (root: HTMLElement, name: string) =>
  Array.from(root.querySelectorAll<HTMLLabelElement>('[data-testid="shortlist"] label')).find((l) => l.textContent?.startsWith(`${name} —`))!.control as HTMLInputElement;

describe('shortlist form', () => {
  let root: HTMLElement;
  let jobs: MailJob[];
  const ids: Record<string, string> = {};

  beforeEach(async () => {
    fakeBrowser.reset();
    const db = uiDb();
    await Promise.all([db.needs.clear(), db.pool.clear(), db.outbox.clear(), db.meta.clear(), db.promotions.clear()]);
    jobs = [];
    const shortlists = createShortlistService(db, { enqueue: async (more) => void jobs.push(...more) });
    const routes: Record<string, (data: unknown) => unknown> = {
      'shortlist.prepare': shortlists.prepare,
      'context.all': () => allContexts(),
    };
    sendMessage.mockReset();
    sendMessage.mockImplementation(async (name: string, data: unknown) => routes[name]?.(data));
    await saveReading(ESTABLISHMENT_TAB, readingOf('fiche-entreprise', 'etablissement-73282932000074'));
    const now = new Date(Date.now() - 60_000);
    await addNeed(db, { siret: SIRET, establishmentName: 'LOGICIELS DU RHÔNE', postcode: '69003', city: 'Lyon', rome: 'M1607', label: 'Assistanat de direction' }, { ...WRITER, now });
    for (const [i, firstName] of NAMES.entries()) {
      const entry = await addToPool(
        db,
        { ftId: `100000${i}A`, firstName, mainRome: 'M1607', romeLabel: 'Secrétariat', postcode: '69003', city: 'Lyon', pitch: 'Accueil, agenda, courriers.', promotionConsent: { granted: true } },
        { ...WRITER, now },
      );
      ids[firstName] = entry.id;
    }
    root = document.createElement('div');
    document.body.append(root);
    await act(() => render(<EstablishmentBoard establishment={establishment} tabId={ESTABLISHMENT_TAB} />, root));
    await waitFor(() => expect(button(root, 'Proposer une sélection')).toBeDefined());
    await click(button(root, 'Proposer une sélection'));
    await waitFor(() => expect(root.querySelectorAll('[data-testid="shortlist-candidate"]')).toHaveLength(6), 10_000);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('refuses a sixth profile with a French message, and lets a profile go to make room', async () => {
    for (const name of NAMES.slice(0, 5)) await click(box(root, name));
    expect(NAMES.slice(0, 5).map((n) => box(root, n).checked)).toEqual([true, true, true, true, true]);
    await click(box(root, 'Farid'));
    expect(box(root, 'Farid').checked).toBe(false);
    expect(root.querySelector('[data-testid="shortlist-limit"]')?.textContent).toBe(
      "Une sélection compte au plus 5 profils : décochez-en un avant d'en cocher un autre.",
    );
    // Anonymous only: no file is open for any of them.
    expect(root.querySelectorAll('input[type="radio"][id$="-named"]:disabled')).toHaveLength(5);

    await click(box(root, 'Alice'));
    expect(root.querySelector('[data-testid="shortlist-limit"]')).toBeNull();
    await click(box(root, 'Farid'));
    expect(box(root, 'Farid').checked).toBe(true);
    await waitFor(() => expect(root.querySelector('[data-testid="shortlist-preview"]')?.textContent).toContain('Candidature 5'));
  });

  it('warns of a profile proposed to this establishment within 90 days, and sends once the counsellor says so', async () => {
    await createPromotion(
      uiDb(),
      {
        jobSeeker: { ftId: '1000000A', firstName: 'Alice', lastName: '', mainRome: 'M1607', promotionConsent: { granted: true } },
        establishment,
        mode: 'anonymous',
        channel: 'email',
        pitch: 'Une assistante expérimentée…',
      },
      { counsellorId: 'sub-jeanne', counsellorName: 'Jeanne MARTIN', agencyCode: '69031', now: new Date(Date.now() - 5 * 86_400_000) },
    );
    // Said before anything is ticked, beside her name only.
    const fiveDaysAgo = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('/');
    await waitFor(() => expect(root.querySelectorAll('[data-testid="shortlist-seen"]')).toHaveLength(1));
    expect(box(root, 'Alice').labels![0]!.textContent).toContain(`Déjà proposé à cet établissement le ${fiveDaysAgo}, par Jeanne MARTIN`);
    for (const name of ['Alice', 'Bruno']) await click(box(root, name));
    await click(button(root, "Préparer l'e-mail"));
    const feedback = () => root.querySelector('[data-testid="shortlist-feedback"]');
    await waitFor(() => expect(feedback()?.textContent).toContain('Déjà proposé à LOGICIELS DU RHÔNE ces 90 derniers jours : Alice'));
    expect(feedback()?.getAttribute('role')).toBe('alert');
    expect(feedback()?.textContent).toContain('par Jeanne MARTIN');
    expect(jobs).toHaveLength(0);
    expect(await uiDb().promotions.count()).toBe(1);

    await click(button(root, 'Envoyer quand même'));
    await waitFor(() => expect(feedback()?.textContent).toContain('2 promotions enregistrées'));
    expect(jobs).toHaveLength(1);
    expect(await uiDb().promotions.count()).toBe(3);
  });

  it('names a profile whose consent was withdrawn meanwhile, and sends the others once the counsellor confirms', async () => {
    for (const name of ['Alice', 'Bruno', 'Chloé']) await click(box(root, name));
    await rememberWithdrawals(uiDb(), [{ ftId: '1000001A', at: new Date().toISOString() }]); // Bruno
    await click(button(root, "Préparer l'e-mail"));
    await waitFor(() => expect(root.querySelector('[data-testid="shortlist-feedback"]')?.textContent).toContain('Bruno a retiré son consentement'));
    expect(jobs).toHaveLength(0);
    expect(await uiDb().promotions.count()).toBe(0);

    await click(button(root, 'Envoyer sans ce profil'));
    await waitFor(() => expect(root.querySelector('[data-testid="shortlist-feedback"]')?.textContent).toContain('2 promotions enregistrées'));
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.body).not.toContain('Bruno');
    const promoted = await uiDb().promotions.toArray();
    expect(promoted.map((p) => p.jobSeeker.firstName).sort()).toEqual(['Alice', 'Chloé']);
  });
});
