// @vitest-environment happy-dom
// The board and pool in the side panel, with the real store and the real background commands behind a
// mocked messaging layer: what a counsellor sees and does on an establishment page, a job-seeker file,
// and in the « Besoins » and « Vivier » tabs.
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BoardView } from '@/components/board/BoardView';
import { EstablishmentBoard } from '@/components/board/EstablishmentBoard';
import { PanelTabs, type PanelTab } from '@/components/board/PanelTabs';
import { NeedMatches } from '@/components/matches/NeedMatches';
import { PoolMatches } from '@/components/matches/PoolMatches';
import { PoolRecommend } from '@/components/pool/PoolRecommend';
import { PoolView } from '@/components/pool/PoolView';
import { uiDb } from '@/components/promotion/db';
import { PromoteSection } from '@/components/promotion/PromoteSection';
import { createBoardCommands } from '@/lib/background/board-commands';
import { createMatchOpener, type TabOpener } from '@/lib/background/match-opener';
import { allContexts, saveReading } from '@/lib/background/tab-contexts';
import type { Establishment, JobSeekerProfile } from '@/lib/domain/legacy';
import { preselectionKey } from '@/lib/messaging/preselection';
import { sessionStore } from '@/lib/platform';
import { addNeed, addToPool, pendingMutations, poolEntryFromProfile, rememberEstablishment, setMeta, type NewNeed } from '@/lib/store';
import { SYNC_META } from '@/lib/sync/keys';
import { readingOf } from '../background/fixtures';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging/protocol', () => ({ sendMessage, onMessage: vi.fn() }));

const FILE_TAB = 1;
const ESTABLISHMENT_TAB = 2;
const SIRET = '73282932000074';
// Identities are the accounts' `sub`; names are for display only.
const jeanne = { counsellorId: 'sub-jeanne', counsellorName: 'Jeanne MARTIN', agencyCode: '69031' };
/** The agent signed in to the central endpoint, as the sync engine caches `GET /v1/me`. */
const signIn = (sub: string, name: string) => setMeta(uiDb(), SYNC_META.identity, { sub, name, agencyCode: '69031', roles: ['counsellor'] });
const establishment = (readingOf('fiche-entreprise', 'etablissement-73282932000074') as { data: Establishment }).data;
const marie = (readingOf('dossier-demandeur', 'dossier-1234567A') as { data: JobSeekerProfile }).data; // Lyon 69003, M1607
const refusing = (readingOf('dossier-demandeur', 'dossier-12345678901') as { data: JobSeekerProfile }).data;

const settle = (ms = 60) => act(() => new Promise((r) => setTimeout(r, ms)));
const all = (root: HTMLElement, testId: string) => Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`));
const button = (root: HTMLElement, name: string) =>
  Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === name) as HTMLButtonElement | undefined;
/** Polls until `check` passes (live queries and the communes index load asynchronously). */
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
async function click(el: HTMLElement | undefined) {
  expect(el).toBeDefined();
  await act(() => el!.click());
  await settle();
}
async function type(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
  await settle();
}

const need = (over: Partial<NewNeed> = {}): NewNeed => ({
  siret: SIRET,
  establishmentName: 'LOGICIELS DU RHÔNE',
  postcode: '69003',
  city: 'Lyon',
  rome: 'M1607',
  label: 'Assistanat de direction',
  ...over,
});

describe('board and pool in the side panel', () => {
  let root: HTMLElement;
  const opened: { url: string; active: boolean }[] = [];

  beforeEach(async () => {
    fakeBrowser.reset();
    const db = uiDb();
    await Promise.all([db.needs.clear(), db.pool.clear(), db.outbox.clear(), db.meta.clear(), db.drafts.clear(), db.establishments.clear()]);
    opened.splice(0);
    const tabs: TabOpener = { focus: async () => true, open: async (url, active) => (opened.push({ url, active }), 50) };
    const board = createBoardCommands(db);
    const matches = createMatchOpener(db, tabs);
    const routes: Record<string, (data: unknown) => unknown> = {
      'need.add': board.addNeed,
      'need.update': board.updateNeed,
      'pool.recommend': board.recommend,
      'pool.update': board.updatePoolEntry,
      'promotion.openFor': matches.openFor,
      'promotion.takePreselection': matches.takePreselection,
      'context.all': () => allContexts(),
    };
    sendMessage.mockReset();
    sendMessage.mockImplementation(async (name: string, data: unknown) => routes[name]?.(data));
    await signIn('sub-jeanne', 'Jeanne MARTIN');
    await saveReading(ESTABLISHMENT_TAB, readingOf('fiche-entreprise', 'etablissement-73282932000074'));
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('adds a need from the establishment page, pre-filled from the needs the page lists and editable', async () => {
    await act(() => render(<EstablishmentBoard establishment={establishment} tabId={ESTABLISHMENT_TAB} />, root));
    await settle();
    await waitFor(() => expect(root.textContent).toContain("Aucun besoin de cet établissement au tableau de l'agence. Les besoins notés dans la fiche entreprise n'y sont partagés qu'une fois ajoutés."));
    await click(button(root, 'Ajouter au tableau des besoins'));
    const form = root.querySelector<HTMLFormElement>('[data-testid="need-form"]')!;
    await waitFor(() => expect(form.querySelector<HTMLInputElement>('#need-rome')!.value).toBe('M1805'));
    await waitFor(() => expect(form.querySelector<HTMLInputElement>('#need-label')!.value).toBe('Études et développement informatique'));
    await waitFor(() => expect(form.querySelector<HTMLInputElement>('#need-positions')!.value).toBe('2'));
    await waitFor(() => expect(form.querySelector<HTMLSelectElement>('#need-contract')!.value).toBe('CDI'));
    // The second need of the page has no ROME code: choosing it fills the form again.
    await type(form.querySelector<HTMLSelectElement>('#need-source')!, '1');
    await waitFor(() => expect(form.querySelector<HTMLInputElement>('#need-label')!.value).toBe('Technicien support utilisateurs'));
    await waitFor(() => expect(form.querySelector<HTMLInputElement>('#need-rome')!.value).toBe(''));
    await type(form.querySelector<HTMLSelectElement>('#need-source')!, '0');
    await type(form.querySelector<HTMLInputElement>('#need-label')!, 'Développeur <b>TypeScript</b>');
    await click(button(root, 'Ajouter au tableau'));

    await waitFor(() => expect(root.querySelector('[data-testid="need-added"]')?.textContent).toContain('Besoin ajouté au tableau'));
    await waitFor(() => expect(all(root, 'need-item')).toHaveLength(1));
    const [item] = all(root, 'need-item');
    // Text stays text: the brackets are shown, no element is created.
    await waitFor(() => expect(item!.textContent).toContain('Développeur <b>TypeScript</b> (M1805)'));
    await waitFor(() => expect(item!.querySelector('b')).toBeNull());
    await waitFor(() => expect(item!.textContent).toContain('2 postes · CDI · ajouté par Jeanne MARTIN'));
    await waitFor(async () => expect((await pendingMutations(uiDb())).map((m) => m.name)).toEqual(['need.create']));

    // A second time, the page's first need is already on the board: the form starts from the next one.
    await click(button(root, 'Ajouter au tableau des besoins'));
    await waitFor(() => expect(root.querySelector<HTMLInputElement>('#need-label')!.value).toBe('Technicien support utilisateurs'));
    await type(root.querySelector<HTMLSelectElement>('#need-source')!, '0');
    await type(root.querySelector<HTMLInputElement>('#need-label')!, 'Études et développement informatique');
    await click(button(root, 'Ajouter au tableau'));
    await waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toContain('Ce besoin est déjà au tableau'));

    await click(button(root, 'Annuler'));
    await click(button(all(root, 'need-item')[0]!, 'Pourvu'));
    await waitFor(() => expect(all(root, 'need-status')[0]!.textContent).toBe('Pourvu'));
    await waitFor(async () => expect((await pendingMutations(uiDb())).map((m) => m.name)).toEqual(['need.create', 'need.update']));
  });

  it('lists the pool profiles that fit the establishment, and « Promouvoir » opens the file with it pre-ticked', async () => {
    const db = uiDb();
    const pitch = 'Développeuse TypeScript, tests automatisés.';
    const camille = await addToPool(
      db,
      { ftId: '3456781J', firstName: 'Camille', mainRome: 'M1805', romeLabel: 'Études et développement informatique', postcode: '69006', city: 'Lyon', pitch, promotionConsent: { granted: true } },
      jeanne,
    );
    await addToPool(db, poolEntryFromProfile(marie, 'Secrétaire.'), jeanne); // M1607: no need of this establishment
    await addToPool(
      db,
      { ftId: '7777777A', firstName: 'Loïc', mainRome: 'M1805', romeLabel: 'Développement', postcode: '13001', city: 'Marseille', pitch: 'Loin.', promotionConsent: { granted: true } },
      jeanne,
    );
    await act(() => render(<PoolMatches establishment={establishment} />, root));
    await waitFor(() => expect(all(root, 'pool-item')).toHaveLength(1));
    const items = all(root, 'pool-item');
    await waitFor(() => expect(items[0]!.textContent).toContain('Camille — Études et développement informatique (M1805)'));
    await waitFor(() => expect(items[0]!.textContent).toMatch(/à \d+(,\d)? km · même métier/));
    await waitFor(() => expect(items[0]!.textContent).toContain(pitch));

    await click(button(items[0]!, 'Promouvoir'));
    await waitFor(() => expect(sendMessage).toHaveBeenCalledWith('promotion.openFor', { open: 'jobSeeker', ftId: camille.ftId, siret: SIRET }));
    await waitFor(() => expect(opened).toEqual([{ url: 'http://dossiers.localhost:8090/dossier/3456781J', active: true }]));
    await waitFor(async () => expect(await sessionStore.get(preselectionKey('3456781J'))).toMatchObject({ sirets: [SIRET] }));
  });

  it('offers « Proposer à » the preselected establishment, ticked in the full form', async () => {
    await rememberEstablishment(uiDb(), { ...establishment, siret: '35600000009075', name: 'LA POSTE' });
    await rememberEstablishment(uiDb(), { ...establishment, siret: '90182736000016', name: 'NUMÉRIQUE OUEST LYONNAIS' });
    // « Promouvoir » on a match asked the background to tick LA POSTE in this file's form.
    await sendMessage('promotion.openFor', { open: 'jobSeeker', ftId: marie.ftId, siret: '35600000009075' });
    await act(() => render(<PromoteSection profile={marie} tabId={FILE_TAB} />, root));
    await settle(150);
    const buttons = () => Array.from(root.querySelectorAll('button')).map((b) => b.textContent?.trim());
    await waitFor(() => expect(buttons()).toContain('Proposer à LA POSTE'));
    await act(() => Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Promouvoir ce profil')!.click());
    await waitFor(() => expect(root.querySelector('[data-testid="promote-form"]')).not.toBeNull());
    await waitFor(() => expect(root.querySelector<HTMLInputElement>('#candidate-35600000009075')!.checked).toBe(true));
    // The open establishment tab stays ticked too.
    await waitFor(() => expect(root.querySelector<HTMLInputElement>(`#candidate-${SIRET}`)!.checked).toBe(true));
    // Consumed: reopening the file later starts from the usual form.
    await waitFor(async () => expect(await sessionStore.get(preselectionKey(marie.ftId))).toBeUndefined());
    // Another match's « Promouvoir » while the form is shown ticks that establishment as well.
    expect(root.querySelector<HTMLInputElement>('#candidate-90182736000016')!.checked).toBe(false);
    await sendMessage('promotion.openFor', { open: 'jobSeeker', ftId: marie.ftId, siret: '90182736000016' });
    await waitFor(() => expect(root.querySelector<HTMLInputElement>('#candidate-90182736000016')!.checked).toBe(true));
    expect(root.querySelector<HTMLInputElement>('#candidate-35600000009075')!.checked).toBe(true);
  });

  it('shows the open needs that fit a consenting job seeker, with the distance, and « Promouvoir » on one', async () => {
    const db = uiDb();
    const near = await addNeed(db, need(), jeanne);
    await addNeed(db, need({ siret: '35600000009075', establishmentName: 'LA POSTE', postcode: '13001', city: 'Marseille' }), jeanne);
    await addNeed(db, need({ siret: '90182736000016', establishmentName: 'NUMÉRIQUE OUEST LYONNAIS', postcode: '69130', city: 'Écully', rome: 'M1805', label: 'Développeur' }), jeanne);
    const domain = await addNeed(db, need({ siret: '90182736000016', establishmentName: 'NUMÉRIQUE OUEST LYONNAIS', postcode: '69130', city: 'Écully', rome: 'M1604', label: 'Assistanat technique' }), jeanne);
    await act(() => render(<NeedMatches profile={marie} />, root));
    await waitFor(() => expect(all(root, 'need-match')).toHaveLength(2));
    const matches = all(root, 'need-match');
    expect(matches.map((m) => m.querySelector('.pf-card-title')!.textContent)).toEqual([
      `${near.label} (M1607)`,
      `${domain.label} (M1604)`,
    ]);
    await waitFor(() => expect(matches[0]!.textContent).toContain('LOGICIELS DU RHÔNE, Lyon'));
    await waitFor(() => expect(matches[0]!.textContent).toContain('même métier'));
    await waitFor(() => expect(matches[1]!.textContent).toContain('même domaine'));
    await waitFor(() => expect(matches[1]!.querySelector('[data-testid="need-match-distance"]')!.textContent).toMatch(/^à \d+(,\d)? km$/));

    await click(button(matches[1]!, 'Promouvoir'));
    await waitFor(() => expect(sendMessage).toHaveBeenCalledWith('promotion.openFor', { open: 'establishment', siret: '90182736000016', ftId: marie.ftId }));
    // Opened behind the file: the counsellor stays on it, its promotion form opens with the establishment ticked.
    await waitFor(() => expect(opened).toEqual([{ url: 'http://entreprises.localhost/etablissement/90182736000016', active: false }]));
    await waitFor(() => expect(root.querySelector('[data-testid="need-match-feedback"]')!.textContent).toContain('NUMÉRIQUE OUEST LYONNAIS'));
    await waitFor(async () => expect(await sessionStore.get(preselectionKey(marie.ftId))).toMatchObject({ sirets: ['90182736000016'] }));
  });

  it('shows no matches and no pool button for a job seeker without consent', async () => {
    await addNeed(uiDb(), need({ rome: refusing.targetJobs[0]?.rome ?? 'M1607' }), jeanne);
    // The same need is listed for a consenting job seeker with the same job (the communes index is loaded).
    const control = document.createElement('div');
    document.body.append(control);
    await act(() => render(<NeedMatches profile={{ ...refusing, promotionConsent: { granted: true } }} />, control));
    await waitFor(() => expect(all(control, 'need-match')).toHaveLength(1));
    render(null, control);
    control.remove();
    await act(() =>
      render(
        <>
          <NeedMatches profile={refusing} />
          <PoolRecommend profile={refusing} tabId={FILE_TAB} />
        </>,
        root,
      ),
    );
    await settle(200);
    await waitFor(() => expect(root.textContent).toBe(''));
  });

  it('recommends the job seeker to the pool with an editable pitch; the author marks the entry « En emploi »', async () => {
    await saveReading(FILE_TAB, readingOf('dossier-demandeur', 'dossier-1234567A'));
    await act(() => render(<PoolRecommend profile={marie} tabId={FILE_TAB} />, root));
    await settle();
    await click(button(root, 'Recommander pour une promotion'));
    await waitFor(() => expect(root.querySelector('#pool-pitch')).not.toBeNull());
    const pitch = root.querySelector<HTMLTextAreaElement>('#pool-pitch')!;
    await waitFor(() => expect(pitch.value).toContain('Secrétariat (M1607)'));
    await waitFor(() => expect(pitch.value).not.toContain('DUPONT'));
    await type(pitch, 'Secrétaire rigoureuse, disponible tout de suite.');
    await click(button(root, 'Ajouter au vivier'));
    await waitFor(() => expect(root.querySelector('[data-testid="pool-entry"]')).not.toBeNull());
    const entry = root.querySelector<HTMLElement>('[data-testid="pool-entry"]')!;
    await waitFor(() => expect(entry.textContent).toContain('Secrétaire rigoureuse, disponible tout de suite.'));
    await waitFor(() => expect(entry.textContent).toContain('Recommandé par Jeanne MARTIN'));
    await waitFor(() => expect(entry.querySelector('[data-testid="pool-status"]')!.textContent).toBe('Disponible'));

    // A colleague on the same file sees the entry but not the author's buttons.
    render(null, root);
    await signIn('sub-paul', 'Paul BERNARD');
    await act(() => render(<PoolRecommend profile={marie} tabId={FILE_TAB} />, root));
    await settle();
    await waitFor(() => expect(button(root, 'En emploi')).toBeUndefined());
    await waitFor(() => expect(root.textContent).toContain('Seul·e Jeanne MARTIN peut'));
    // The banner's name does not make anyone the author: only the signed-in account does.
    await waitFor(async () => expect((await uiDb().pool.toArray())[0]).toMatchObject({ addedBy: 'sub-jeanne', addedByName: 'Jeanne MARTIN' }));

    render(null, root);
    await signIn('sub-jeanne', 'Jeanne MARTIN');
    await act(() => render(<PoolRecommend profile={marie} tabId={FILE_TAB} />, root));
    await settle();
    await click(button(root, 'En emploi'));
    await waitFor(() => expect(root.querySelector('[data-testid="pool-entry"]')).toBeNull());
    await waitFor(() => expect(button(root, 'Recommander pour une promotion')).toBeDefined());
    const [entryRow] = await uiDb().pool.toArray();
    await waitFor(() => expect(entryRow!.status).toBe('placed'));
    await waitFor(async () => expect((await pendingMutations(uiDb())).map((m) => m.name)).toEqual(['pool.add', 'pool.update']));
  });

  it('filters the board by job, commune and status, and reminds the author of needs about to expire', async () => {
    const db = uiDb();
    const day = 86_400_000;
    const soon = await addNeed(db, need({ label: 'Accueil' }), { ...jeanne, now: new Date(Date.now() - 55 * day) });
    await addNeed(db, need({ siret: '90182736000016', establishmentName: 'NUMÉRIQUE OUEST LYONNAIS', postcode: '69130', city: 'Écully', rome: 'M1805', label: 'Développeur' }), jeanne);
    await addNeed(db, need({ rome: 'M1801', label: 'Réseaux' }), { ...jeanne, counsellorId: 'sub-paul', counsellorName: 'Paul BERNARD', now: new Date(Date.now() - 56 * day) });
    await act(() => render(<BoardView />, root));
    await settle(150);

    await waitFor(() => expect(root.querySelector('[data-testid="expiry-reminder"]')).not.toBeNull());
    const reminder = root.querySelector<HTMLElement>('[data-testid="expiry-reminder"]')!;
    await waitFor(() => expect(reminder.textContent).toContain('Un de vos besoins expire dans les 7 jours'));
    await waitFor(() => expect(all(reminder, 'need-item').map((i) => i.dataset.needId)).toEqual([soon.id]));
    const titles = () => all(root.querySelector('[data-testid="need-list"][aria-label="Besoins du tableau"]')!, 'need-item').map((i) => i.querySelector('.pf-card-title')!.firstChild!.textContent);
    await waitFor(() => expect(titles()).toEqual(['Développeur (M1805)', 'Accueil (M1607)', 'Réseaux (M1801)']));
    await waitFor(() => expect(root.querySelector('[data-testid="board-count"]')!.textContent).toBe('3 besoins'));

    await type(root.querySelector<HTMLInputElement>('#board-rome')!, 'm18');
    await waitFor(() => expect(titles()).toEqual(['Développeur (M1805)', 'Réseaux (M1801)']));
    await type(root.querySelector<HTMLInputElement>('#board-commune')!, 'ecul');
    await waitFor(() => expect(titles()).toEqual(['Développeur (M1805)']));
    await type(root.querySelector<HTMLInputElement>('#board-rome')!, '');
    await type(root.querySelector<HTMLInputElement>('#board-commune')!, '');

    await click(button(reminder, 'Prolonger'));
    await waitFor(() => expect(root.querySelector('[data-testid="expiry-reminder"]')).toBeNull());
    await click(button(all(root, 'need-item').find((i) => i.textContent!.includes('Réseaux'))!, 'Clore'));
    await waitFor(() => expect(titles()).toEqual(['Développeur (M1805)', 'Accueil (M1607)']));
    await type(root.querySelector<HTMLSelectElement>('#board-status')!, 'closed');
    await waitFor(() => expect(titles()).toEqual(['Réseaux (M1801)']));
    await waitFor(async () => expect((await pendingMutations(db)).map((m) => m.name)).toEqual(['need.create', 'need.create', 'need.create', 'need.update', 'need.update']));
  });

  it('filters the pool, and opens a file from it in one click', async () => {
    const db = uiDb();
    await addToPool(db, poolEntryFromProfile(marie, 'Secrétaire.'), jeanne);
    await addToPool(
      db,
      { ftId: '3456781J', firstName: 'Camille', mainRome: 'M1805', romeLabel: 'Développement', postcode: '69006', city: 'Lyon', pitch: 'Dév.', promotionConsent: { granted: true } },
      jeanne,
    );
    const opened = vi.fn();
    await act(() => render(<PoolView onOpened={opened} />, root));
    await settle(150);
    await waitFor(() => expect(all(root, 'pool-item')).toHaveLength(2));
    await type(root.querySelector<HTMLInputElement>('#pool-rome')!, 'M1805');
    await waitFor(() => expect(all(root, 'pool-item').map((i) => i.dataset.poolId)).toHaveLength(1));
    await click(button(root, 'Ouvrir le dossier'));
    await waitFor(() => expect(sendMessage).toHaveBeenCalledWith('promotion.openFor', { open: 'jobSeeker', ftId: '3456781J' }));
    await waitFor(() => expect(opened).toHaveBeenCalled());
    await type(root.querySelector<HTMLSelectElement>('#pool-status')!, 'placed');
    await waitFor(() => expect(root.querySelector('[data-testid="pool-count"]')!.textContent).toBe('Aucun profil ne correspond.'));
  });

  it('switches the panel views with the arrow keys', async () => {
    function Harness() {
      const [tab, setTab] = useState<PanelTab>('page');
      return (
        <PanelTabs current={tab} onChange={setTab}>
          <p data-testid="shown">{tab}</p>
        </PanelTabs>
      );
    }
    await act(() => render(<Harness />, root));
    const tabs = Array.from(root.querySelectorAll<HTMLButtonElement>('[role="tab"]'));
    expect(tabs.map((t) => [t.textContent, t.getAttribute('aria-selected'), t.tabIndex])).toEqual([
      ['Page', 'true', 0],
      ['Besoins', 'false', -1],
      ['Vivier', 'false', -1],
      ['À promouvoir', 'false', -1],
    ]);
    await act(() => void tabs[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    await waitFor(() => expect(root.querySelector('[data-testid="shown"]')!.textContent).toBe('board'));
    await waitFor(() => expect(document.activeElement?.id).toBe('pf-tab-board'));
    await act(() => void tabs[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true })));
    await waitFor(() => expect(root.querySelector('[data-testid="shown"]')!.textContent).toBe('worklist'));
    await waitFor(() => expect(root.querySelector('[role="tabpanel"]')!.getAttribute('aria-labelledby')).toBe('pf-tab-worklist'));
  });
});
