// The background's board and pool commands: data from its own tab readings, consent checked there,
// and « Promouvoir » from a match opening (or reusing) the right tab with the establishment pre-ticked.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBoardCommands } from '@/lib/background/board-commands';
import { createMatchOpener, type TabOpener } from '@/lib/background/match-opener';
import { saveReading } from '@/lib/background/tab-contexts';
import { preselectionKey } from '@/lib/messaging/preselection';
import { sessionStore } from '@/lib/platform';
import { LOCAL_AGENT_ID } from '@/lib/domain/agent';
import { addNeed, pendingMutations, rememberEstablishment, setMeta, type ProfilenceDb } from '@/lib/store';
import { SYNC_META } from '@/lib/sync/keys';
import { readingOf } from '../background/fixtures';
import { ctx, establishment, freshDb } from '../store/helpers';

const FILE_TAB = 1;
const ESTABLISHMENT_TAB = 2;
const SIRET = '73282932000074';
const NOW = new Date('2026-11-20T10:00:00+01:00');

function fakeTabs() {
  const opened: { url: string; active: boolean }[] = [];
  const focused: number[] = [];
  const tabs: TabOpener = {
    focus: async (tabId) => (focused.push(tabId), true),
    open: async (url, active) => (opened.push({ url, active }), 100 + opened.length),
  };
  return { tabs, opened, focused };
}

describe('board commands in the background', () => {
  let db: ProfilenceDb;
  let fake: ReturnType<typeof fakeTabs>;
  let service: ReturnType<typeof createBoardCommands> & ReturnType<typeof createMatchOpener>;

  beforeEach(async () => {
    fakeBrowser.reset();
    db = freshDb();
    fake = fakeTabs();
    service = { ...createBoardCommands(db, () => NOW), ...createMatchOpener(db, fake.tabs, () => NOW) };
    await saveReading(ESTABLISHMENT_TAB, readingOf('fiche-entreprise', 'etablissement-73282932000074'));
    // Signed in as Paul; the page's banner says Jeanne MARTIN: the account is the author, never the banner.
    await setMeta(db, SYNC_META.identity, { sub: 'sub-paul', name: 'Paul BERNARD', agencyCode: '69031', roles: ['counsellor'] });
  });

  it('adds a need with the establishment read on the tab and the signed-in agent, not sent by the panel', async () => {
    const outcome = await service.addNeed({
      establishmentTabId: ESTABLISHMENT_TAB,
      rome: 'm1805',
      label: 'Développeur TypeScript',
      positions: 2,
      contractType: 'CDI',
      // A compromised panel cannot choose the establishment or the author.
      siret: '35600000009075',
      createdBy: 'Quelqu’un',
    } as never);
    expect(outcome).toMatchObject({ ok: true });
    const [need] = await db.needs.toArray();
    expect(need).toMatchObject({
      siret: SIRET,
      establishmentName: 'LOGICIELS DU RHÔNE',
      postcode: '69003',
      city: 'Lyon',
      rome: 'M1805',
      label: 'Développeur TypeScript',
      createdBy: 'sub-paul',
      createdByName: 'Paul BERNARD',
      agencyCode: '69031',
      createdAt: NOW.toISOString(),
    });
    expect((await pendingMutations(db)).map((m) => m.name)).toEqual(['need.create']);
  });

  it('writes under the local placeholder, without a name, on an install never signed in', async () => {
    await db.meta.delete(SYNC_META.identity);
    expect(await service.addNeed({ establishmentTabId: ESTABLISHMENT_TAB, label: 'Accueil' })).toMatchObject({ ok: true });
    const [need] = await db.needs.toArray();
    expect(need!.createdBy).toBe(LOCAL_AGENT_ID);
    expect(need!.createdByName).toBeUndefined();
  });

  it('refuses a need when the tab is not an establishment page, or a bad field, in French', async () => {
    await saveReading(FILE_TAB, readingOf('dossier-demandeur', 'dossier-1234567A'));
    expect(await service.addNeed({ establishmentTabId: FILE_TAB, label: 'Besoin' })).toMatchObject({
      ok: false,
      code: 'not_found',
      message: expect.stringContaining("La fiche de l'établissement n'est plus ouverte"),
    });
    const bad = await service.addNeed({ establishmentTabId: ESTABLISHMENT_TAB, rome: 'ZZ', label: 'Besoin' });
    expect(bad).toMatchObject({ ok: false, code: 'invalid', message: expect.stringContaining('Métier (code ROME)') });
    expect(await service.addNeed({ establishmentTabId: 'deux' } as never)).toMatchObject({ ok: false, code: 'invalid' });
    expect(await db.needs.count()).toBe(0);
  });

  it('marks a need filled and prolongs another', async () => {
    const a = await addNeed(db, { siret: SIRET, establishmentName: 'X', postcode: '69003', city: 'Lyon', label: 'A', rome: 'M1805' }, { ...ctx, now: new Date('2026-09-01T10:00:00Z') });
    expect(await service.updateNeed({ id: a.id, status: 'filled' })).toEqual({ ok: true, id: a.id });
    expect((await db.needs.get(a.id))!.status).toBe('filled');
    expect(await service.updateNeed({ id: a.id, extend: true })).toEqual({ ok: true, id: a.id });
    expect(await db.needs.get(a.id)).toMatchObject({ status: 'open', expiresAt: '2027-01-19T09:00:00.000Z' });
  });

  it('recommends a consenting job seeker from the file, and refuses one without consent whatever the panel says', async () => {
    await saveReading(FILE_TAB, readingOf('dossier-demandeur', 'dossier-12345678901'));
    const refused = await service.recommend({ jobSeekerTabId: FILE_TAB, pitch: 'Très bon profil.' });
    expect(refused).toMatchObject({ ok: false, code: 'consent_missing', message: expect.stringContaining("n'a pas autorisé la promotion") });
    expect(await db.pool.count()).toBe(0);

    await saveReading(FILE_TAB, readingOf('dossier-demandeur', 'dossier-1234567A'));
    expect(await service.recommend({ jobSeekerTabId: FILE_TAB, pitch: '  Secrétaire rigoureuse.  ' })).toMatchObject({ ok: true });
    const [entry] = await db.pool.toArray();
    expect(entry).toMatchObject({ ftId: '1234567A', mainRome: 'M1607', romeLabel: 'Secrétariat', postcode: '69003', pitch: 'Secrétaire rigoureuse.', addedBy: 'sub-paul', addedByName: 'Paul BERNARD' });
    expect(await service.updatePoolEntry({ id: entry!.id, status: 'placed' })).toMatchObject({ ok: true });
    expect((await db.pool.get(entry!.id))!.status).toBe('placed');
    expect((await pendingMutations(db)).map((m) => m.name)).toEqual(['pool.add', 'pool.update']);
  });

  it('opens the job seeker of a pool match from an establishment page, the establishment pre-ticked', async () => {
    // A file of the tool is open elsewhere: its origin is reused (the demo runs on any port).
    await saveReading(7, { ...readingOf('dossier-demandeur', 'dossier-7654321B'), url: 'http://dossiers.localhost:41234/dossier/7654321B' });
    const outcome = await service.openFor({ open: 'jobSeeker', ftId: '3456781J', siret: SIRET });
    expect(outcome).toEqual({ ok: true, tabId: 101 });
    expect(fake.opened).toEqual([{ url: 'http://dossiers.localhost:41234/dossier/3456781J', active: true }]);
    expect(await sessionStore.get(preselectionKey('3456781J'))).toEqual({ sirets: [SIRET], at: NOW.toISOString() });

    // The file is already open: its tab is brought to the front instead.
    await saveReading(FILE_TAB, readingOf('dossier-demandeur', 'dossier-1234567A'));
    expect(await service.openFor({ open: 'jobSeeker', ftId: '1234567A', siret: SIRET })).toEqual({ ok: true, tabId: FILE_TAB });
    expect(fake.focused).toEqual([FILE_TAB]);
    expect(fake.opened).toHaveLength(1);
  });

  it('opens the establishment of a need match in the background, so the counsellor stays on the file', async () => {
    await saveReading(FILE_TAB, readingOf('dossier-demandeur', 'dossier-1234567A'));
    expect(await service.openFor({ open: 'establishment', siret: '90182736000016', ftId: '1234567A' })).toEqual({ ok: true, tabId: 101 });
    expect(fake.opened).toEqual([{ url: 'http://entreprises.localhost/etablissement/90182736000016', active: false }]);
    expect(await sessionStore.get(preselectionKey('1234567A'))).toMatchObject({ sirets: ['90182736000016'] });
    // An establishment already open is reused, and added to the preselection.
    expect(await service.openFor({ open: 'establishment', siret: SIRET, ftId: '1234567A' })).toEqual({ ok: true, tabId: ESTABLISHMENT_TAB });
    expect(fake.opened).toHaveLength(1);
    expect(fake.focused).toEqual([]);
    expect(await sessionStore.get(preselectionKey('1234567A'))).toMatchObject({ sirets: ['90182736000016', SIRET] });
  });

  it('hands the establishments to tick over once, and forgets those left more than half an hour ago', async () => {
    await saveReading(FILE_TAB, readingOf('dossier-demandeur', 'dossier-1234567A'));
    await service.openFor({ open: 'establishment', siret: '90182736000016', ftId: '1234567A' });
    await service.openFor({ open: 'establishment', siret: SIRET, ftId: '1234567A' });
    expect(await service.takePreselection({ ftId: '1234567A' })).toEqual({ sirets: ['90182736000016', SIRET] });
    // Taken: a later visit of the file starts from the usual form.
    expect(await service.takePreselection({ ftId: '1234567A' })).toEqual({ sirets: [] });
    expect(await sessionStore.get(preselectionKey('1234567A'))).toBeUndefined();

    await service.openFor({ open: 'establishment', siret: SIRET, ftId: '1234567A' });
    const halfAnHourLater = createMatchOpener(db, fake.tabs, () => new Date(NOW.getTime() + 31 * 60_000));
    expect(await halfAnHourLater.takePreselection({ ftId: '1234567A' })).toEqual({ sirets: [] });
    expect(await sessionStore.get(preselectionKey('1234567A'))).toBeUndefined();
    await expect(service.takePreselection({ ftId: '<script>' })).rejects.toThrow();
  });

  it('refuses to pre-tick an establishment it has never read', async () => {
    expect(await service.openFor({ open: 'jobSeeker', ftId: '1234567A', siret: '35600000009075' })).toMatchObject({ ok: false, code: 'not_found' });
    await rememberEstablishment(db, { ...establishment, siret: '35600000009075', name: 'LA POSTE' });
    expect(await service.openFor({ open: 'jobSeeker', ftId: '1234567A', siret: '35600000009075' })).toMatchObject({ ok: true });
    expect(await service.openFor({ open: 'jobSeeker' } as never)).toMatchObject({ ok: false, code: 'invalid' });
  });
});
