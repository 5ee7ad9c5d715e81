// « Reprendre l'e-mail » on the first promotion of a shortlist whose e-mail the browser lost (session closed): the
// e-mail is made again for that promotion alone, so its subject carries its reference only and never confirms the
// colleagues' paragraphs it no longer holds.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPromotion, getPromotion, setMeta, type ProfilenceDb, type StoredPromotion } from '@/lib/store';
import { SYNC_META } from '@/lib/sync/keys';
import { ctx, establishment, freshDb, profile } from '../store/helpers';

vi.mock('@/lib/messaging/protocol', () => ({ sendMessage: vi.fn(async () => ({ filled: true, attached: false })) }));
const { createMailQueue } = await import('@/lib/background/mail-queue');
const { createMailCommands } = await import('@/lib/background/mail-commands');

describe('resuming a shortlist e-mail the browser lost', () => {
  let db: ProfilenceDb;
  let first: StoredPromotion;
  let second: StoredPromotion;

  beforeEach(async () => {
    fakeBrowser.reset();
    db = freshDb();
    await setMeta(db, SYNC_META.identity, { sub: 'sub-jeanne', name: 'Jeanne MARTIN', agencyCode: '69031', roles: ['counsellor'] });
    const make = (pitch: string) =>
      createPromotion(db, { jobSeeker: profile, establishment, contact: establishment.contacts[0], mode: 'anonymous', channel: 'email', pitch }, { ...ctx, now: new Date() });
    first = await make('Premier paragraphe.');
    second = await make('Second paragraphe.');
  });

  it('writes a subject with its own reference only', async () => {
    const queue = createMailQueue({ findWebmailTab: async () => undefined, promotion: (id) => getPromotion(db, id), onSent: async () => undefined });
    const commands = createMailCommands(db, queue);
    await queue.enqueue([
      {
        promotionId: first.id,
        reference: first.reference,
        to: [establishment.contacts[0]!.email!],
        subject: `Proposition de candidatures – réf. ${first.reference}, ${second.reference}`,
        body: 'Premier paragraphe.\n\nSecond paragraphe.',
        alsoFor: [{ promotionId: second.id, reference: second.reference }],
      },
    ]);
    await fakeBrowser.storage.session.clear();

    expect(await commands.resume({ promotionId: first.id })).toEqual({ ok: true });
    const [pending] = await queue.pending();
    expect(pending).toMatchObject({ promotionId: first.id, subject: `Proposition de candidature – réf. ${first.reference}` });
    expect(pending!.subject).not.toContain(second.reference);
  });
});
