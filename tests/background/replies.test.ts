// Employers' replies in the background: what the webmail showed is remembered without subject nor body, the
// replies still waiting are listed (and counted for the badge), and an outcome recorded from the message open in
// a tab is dated from the message as the background read it, once.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createReplyCommands, loadRepliesSeen, repliesWaiting } from '@/lib/background/replies';
import { saveReading } from '@/lib/background/tab-contexts';
import type { ReadResult } from '@/lib/domain/legacy';
import { REPLIES_SEEN_KEY } from '@/lib/messaging/reply-commands';
import { createPromotion, getPromotion, markSentByReference, pendingMutations, setMeta, type ProfilenceDb, type StoredPromotion } from '@/lib/store';
import { SYNC_META } from '@/lib/sync/keys';
import { ctx, establishment, freshDb, profile } from '../store/helpers';

const NOW = new Date('2026-11-20T14:00:00Z');
const MESSAGE_TAB = 4;
const MESSAGE_URL = 'http://messagerie.localhost/mail/message/AAMk-42';
/** 20/11/2026 10:15 in Paris, as the webmail shows it. */
const RECEIVED_AT = '2026-11-20T10:15:00+01:00';

const inboxReading = (references: string[]): ReadResult => ({
  url: 'http://messagerie.localhost/mail/dossier/reception',
  recognized: true,
  tool: 'messagerie',
  page: 'inbox',
  data: { messages: [{ url: MESSAGE_URL, from: 'claire.roussel@example.com', subject: `RE: Proposition – réf. ${references.join(', ')}`, receivedAt: RECEIVED_AT, unread: true, references }] },
  missing: [],
});
const messageReading = (references: string[]): ReadResult => ({
  url: MESSAGE_URL,
  recognized: true,
  tool: 'messagerie',
  page: 'message',
  data: { from: 'claire.roussel@example.com', subject: 'Votre candidate', receivedAt: RECEIVED_AT, references },
  missing: [],
});

describe('replies read in the webmail', () => {
  let db: ProfilenceDb;
  let promotion: StoredPromotion;
  let commands: ReturnType<typeof createReplyCommands>;
  let changes: number;

  beforeEach(async () => {
    fakeBrowser.reset();
    db = freshDb();
    await setMeta(db, SYNC_META.identity, { sub: 'sub-jeanne', name: 'Jeanne MARTIN', agencyCode: '69031', roles: ['counsellor'] });
    promotion = await createPromotion(
      db,
      { jobSeeker: profile, establishment, contact: establishment.contacts[0], mode: 'named', channel: 'email', pitch: 'Madame, je vous propose…' },
      { ...ctx, now: new Date('2026-11-12T09:00:00Z') },
    );
    await markSentByReference(db, promotion.reference, { at: '2026-11-12T10:00:00+01:00', by: 'sub-jeanne' });
    changes = 0;
    commands = createReplyCommands(db, { now: async () => NOW, changed: async () => void changes++ });
  });

  it('remembers a reply the inbox lists with its address, sender, date and references only', async () => {
    await commands.onPageRead(inboxReading([promotion.reference]));
    expect(await loadRepliesSeen()).toEqual([{ url: MESSAGE_URL, from: 'claire.roussel@example.com', receivedAt: RECEIVED_AT, references: [promotion.reference] }]);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(REPLIES_SEEN_KEY))).not.toContain('Proposition');
    expect(changes).toBe(1);
    // The same list read again changes nothing: the badge is not recounted.
    await commands.onPageRead(inboxReading([promotion.reference]));
    expect(changes).toBe(1);
  });

  it('lists the reply while it waits, then records « Entretien » dated from the message, once', async () => {
    await saveReading(MESSAGE_TAB, messageReading(['PRF-ZZZZZZ', promotion.reference]));
    await commands.onPageRead(messageReading(['PRF-ZZZZZZ', promotion.reference]));
    expect(await commands.pending()).toEqual([
      {
        url: MESSAGE_URL,
        from: 'claire.roussel@example.com',
        receivedAt: RECEIVED_AT,
        promotions: [{ id: promotion.id, reference: promotion.reference, person: 'Marie DUPONT', establishment: establishment.name, status: 'sent' }],
      },
    ]);
    expect(await repliesWaiting(db)).toBe(1);

    expect(await commands.record({ tabId: MESSAGE_TAB, promotionId: promotion.id, type: 'interview' })).toEqual({ ok: true, status: 'interview' });
    const stored = (await getPromotion(db, promotion.id))!;
    expect(stored.status).toBe('interview');
    expect(stored.events.at(-1)).toMatchObject({ type: 'interview', at: RECEIVED_AT, by: 'sub-jeanne', byName: 'Jeanne MARTIN' });
    expect((await pendingMutations(db)).at(-1)?.name).toBe('promotion.addEvent');
    expect(await commands.pending()).toEqual([]);
    expect(await repliesWaiting(db)).toBe(0);

    // Clicked twice (two panels): the second is refused in French, nothing recorded.
    const again = await commands.record({ tabId: MESSAGE_TAB, promotionId: promotion.id, type: 'hired' });
    expect(again).toMatchObject({ ok: false, message: 'La réponse de ce message est déjà enregistrée.' });
    expect((await getPromotion(db, promotion.id))!.events).toHaveLength(stored.events.length);
  });

  it('refuses a promotion the open message does not cite, or a tab that shows no message', async () => {
    await saveReading(MESSAGE_TAB, messageReading(['PRF-ZZZZZZ']));
    expect(await commands.record({ tabId: MESSAGE_TAB, promotionId: promotion.id, type: 'interview' })).toMatchObject({
      ok: false,
      message: `Ce message ne cite pas la référence ${promotion.reference}.`,
    });
    expect(await commands.record({ tabId: 99, promotionId: promotion.id, type: 'interview' })).toMatchObject({ ok: false, message: /plus ouvert/ });
    expect(await commands.record({ tabId: MESSAGE_TAB, promotionId: promotion.id, type: 'declined' })).toMatchObject({ ok: false, message: /motif du refus/ });
    expect((await getPromotion(db, promotion.id))!.status).toBe('sent');
  });

  it('lists a shortlist answer while one of its promotions still waits, the one recorded no longer', async () => {
    const other = await createPromotion(
      db,
      { jobSeeker: { ...profile, ftId: '7654321B', firstName: 'Sandrine', lastName: 'LEFÈVRE' }, establishment, contact: establishment.contacts[0], mode: 'anonymous', channel: 'email', pitch: 'Profil en secrétariat.' },
      { ...ctx, now: new Date('2026-11-12T09:00:00Z') },
    );
    await markSentByReference(db, other.reference, { at: '2026-11-12T10:00:00+01:00', by: 'sub-jeanne' });
    const both = messageReading([promotion.reference, other.reference]);
    await saveReading(MESSAGE_TAB, both);
    await commands.onPageRead(both);
    expect((await commands.pending())[0]!.promotions.map((p) => p.person)).toEqual(['Marie DUPONT', 'Profil anonyme']);

    expect(await commands.record({ tabId: MESSAGE_TAB, promotionId: other.id, type: 'declined', reason: 'profile_mismatch' })).toEqual({ ok: true, status: 'declined' });
    expect((await commands.pending())[0]!.promotions.map((p) => p.id)).toEqual([promotion.id]);
    expect(await repliesWaiting(db)).toBe(1);
    expect(await commands.record({ tabId: MESSAGE_TAB, promotionId: promotion.id, type: 'interview' })).toEqual({ ok: true, status: 'interview' });
    expect(await repliesWaiting(db)).toBe(0);
  });
});
