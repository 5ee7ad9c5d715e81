// A promotion whose e-mail was never confirmed: resumed (after a browser restart too, its CV fetched again
// from the open file), marked sent on a given day, or abandoned with a reason — each recorded by the
// signed-in agent, checked again in the background and refused in French when it does not hold.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveReading } from '@/lib/background/tab-contexts';
import { getPromotion, pendingMutations, setMeta, createPromotion, type ProfilenceDb, type StoredPromotion } from '@/lib/store';
import { SYNC_META } from '@/lib/sync/keys';
import { readingOf } from './fixtures';
import { ctx, establishment, freshDb, profile } from '../store/helpers';

const calls: { name: string; data: any; tabId?: number }[] = [];
vi.mock('@/lib/messaging/protocol', () => ({
  sendMessage: vi.fn(async (name: string, data: unknown, tabId?: number) => {
    calls.push({ name, data, tabId });
    if (name === 'cv.fetch') return { fileName: 'CV_Marie_DUPONT.pdf', type: 'application/pdf', base64: 'JVBERi0=' };
    return { filled: true, attached: true };
  }),
}));

const { createMailQueue } = await import('@/lib/background/mail-queue');
const { createMailCommands } = await import('@/lib/background/mail-commands');

const COMPOSE_URL = 'http://messagerie.localhost:8090/mail/nouveau';
const FILE_TAB = 7;
/** 20 November 2026, 15:00 in Paris. */
const NOW = new Date('2026-11-20T14:00:00Z');

describe('commands for an e-mail never confirmed', () => {
  let db: ProfilenceDb;
  let promotion: StoredPromotion;
  let queue: ReturnType<typeof createMailQueue>;
  let commands: ReturnType<typeof createMailCommands>;

  beforeEach(async () => {
    fakeBrowser.reset();
    calls.length = 0;
    db = freshDb();
    await setMeta(db, SYNC_META.identity, { sub: 'sub-jeanne', name: 'Jeanne MARTIN', agencyCode: '69031', roles: ['counsellor'] });
    promotion = await createPromotion(
      db,
      { jobSeeker: profile, establishment, contact: establishment.contacts[0], mode: 'named', channel: 'email', pitch: 'Madame, je vous propose…' },
      { ...ctx, now: new Date('2026-11-12T09:00:00Z') },
    );
    queue = createMailQueue({
      findWebmailTab: async () => undefined,
      promotion: (id) => getPromotion(db, id),
      onSent: async () => undefined,
    });
    commands = createMailCommands(db, queue, { now: async () => NOW });
  });

  const lastEvent = async () => (await getPromotion(db, promotion.id))!.events.at(-1);

  it('marks the promotion sent on the day given, at noon Paris time, by the signed-in agent', async () => {
    expect(await commands.markSent({ promotionId: promotion.id, sentOn: '2026-11-18' })).toEqual({ ok: true });
    expect(await getPromotion(db, promotion.id)).toMatchObject({ status: 'sent', sentAt: '2026-11-18T12:00:00+01:00' });
    expect(await lastEvent()).toMatchObject({ type: 'sent', by: 'sub-jeanne', byName: 'Jeanne MARTIN' });
    expect((await pendingMutations(db)).map((m) => m.name)).toEqual(['promotion.create', 'promotion.addEvent']);
  });

  it('marks it sent now when the day is today', async () => {
    expect(await commands.markSent({ promotionId: promotion.id, sentOn: '2026-11-20' })).toEqual({ ok: true });
    expect((await lastEvent())!.at).toBe(NOW.toISOString());
  });

  it('refuses a day in the future, before the promotion was prepared, or not a date — and records nothing', async () => {
    expect(await commands.markSent({ promotionId: promotion.id, sentOn: '2026-11-21' })).toEqual({
      ok: false,
      message: "La date d'envoi ne peut pas être dans le futur.",
    });
    expect(await commands.markSent({ promotionId: promotion.id, sentOn: '2026-11-11' })).toEqual({
      ok: false,
      message: "La date d'envoi ne peut pas précéder la préparation de la promotion (le 12/11/2026).",
    });
    expect(await commands.markSent({ promotionId: promotion.id, sentOn: '31/02/2026' })).toMatchObject({ ok: false });
    expect((await getPromotion(db, promotion.id))!.status).toBe('draft');
  });

  it('abandons the promotion with its reason, recorded as withdrawn', async () => {
    expect(await commands.abandon({ promotionId: promotion.id, reason: '   ' })).toEqual({
      ok: false,
      message: "Indiquez pourquoi l'e-mail est abandonné.",
    });
    expect(await commands.abandon({ promotionId: promotion.id, reason: 'Poste pourvu entre-temps' })).toEqual({ ok: true });
    expect(await getPromotion(db, promotion.id)).toMatchObject({ status: 'withdrawn' });
    expect(await lastEvent()).toMatchObject({ type: 'withdrawn', note: 'Poste pourvu entre-temps', by: 'sub-jeanne' });
    // Nothing is left to resume or mark.
    expect(await commands.resume({ promotionId: promotion.id })).toEqual({ ok: false, message: "Cette promotion n'attend plus son e-mail : rechargez la liste." });
    expect(await commands.markSent({ promotionId: promotion.id, sentOn: '2026-11-20' })).toMatchObject({ ok: false });
  });

  it('forgets the queued e-mail of a promotion marked sent', async () => {
    await queue.enqueue([{ promotionId: promotion.id, reference: promotion.reference, subject: `Proposition – réf. ${promotion.reference}`, to: ['a@example.com'], body: 'x' }]);
    await commands.markSent({ promotionId: promotion.id, sentOn: '2026-11-19' });
    expect(await queue.find(promotion.id)).toBeUndefined();
  });

  it('after a browser restart, asks for the file to be open, then fetches the CV there and fills the webmail again', async () => {
    const subject = `Proposition de candidature – Secrétariat – réf. ${promotion.reference}`;
    const cv = { fileName: 'CV_Marie_DUPONT.pdf', type: 'application/pdf', base64: 'JVBERi0=' };
    await queue.enqueue([{ promotionId: promotion.id, reference: promotion.reference, subject, to: ['claire.roussel@example.com'], body: 'Madame, je vous propose…', attachment: cv }]);
    // The browser restarts: the session (the e-mail and its CV) is gone, the new background parks what it kept.
    await fakeBrowser.storage.session.clear();
    queue = createMailQueue({ findWebmailTab: async () => undefined, promotion: (id) => getPromotion(db, id), onSent: async () => undefined });
    commands = createMailCommands(db, queue, { now: async () => NOW });
    expect(await queue.pending()).toEqual([]);
    calls.length = 0;

    const refused = await commands.resume({ promotionId: promotion.id });
    expect(refused).toEqual({ ok: false, message: "Ouvrez le dossier de Marie DUPONT : son CV doit être joint à l'e-mail." });

    await saveReading(FILE_TAB, readingOf('dossier-demandeur', 'dossier-1234567A'));
    expect(await commands.resume({ promotionId: promotion.id })).toEqual({ ok: true });
    expect(calls).toEqual([{ name: 'cv.fetch', data: { url: 'http://dossiers.localhost/dossier/1234567A/cv', fileName: 'CV_Marie_DUPONT.pdf' }, tabId: FILE_TAB }]);

    // The webmail tab opened for the resumed e-mail (the one of the first sending is gone with the browser).
    const tab = (await fakeBrowser.tabs.query({ url: COMPOSE_URL })).at(-1);
    await queue.onWebmailPage(tab!.id!, { url: COMPOSE_URL, recognized: true, tool: 'messagerie', page: 'compose', data: {}, missing: [] });
    expect(calls.at(-1)).toEqual({
      name: 'compose.fill',
      data: { to: [promotion.contact!.email], subject, body: 'Madame, je vous propose…', attachment: cv },
      tabId: tab!.id,
    });
  });
});
