// The follow-up messages go through the background's router: sender checked first, then the command.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createReminderScheduler } from '@/lib/background/reminders';
import { registerMessageHandlers } from '@/lib/background/router';
import { getPromotion } from '@/lib/store';
import { day, freshDb, manualClock, sentPromotion } from './support';

/** Delivers a message as @webext-core/messaging sends it and returns the handler's `{ res }` or `{ err }`. */
function deliver(type: string, data: unknown, sender: { id?: string; url?: string }): Promise<{ res?: any; err?: { message: string } }> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger({ id: 1, type, data, timestamp: Date.now() }, sender, resolve as (r: unknown) => void);
  });
}

// The messaging layer allows one registration per JS context: one test drives it all.
describe('router: follow-up messages', () => {
  beforeEach(() => fakeBrowser.reset());

  it('records an outcome sent by an extension page, and refuses the same from a web page', async () => {
    const db = freshDb();
    const promotion = await sentPromotion(db, 0);
    registerMessageHandlers(db, createReminderScheduler(db, manualClock(day(8))));
    const page = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };

    const foreign = await deliver('promotion.addEvent', { promotionId: promotion.id, type: 'hired' }, { id: fakeBrowser.runtime.id, url: 'https://example.com/' });
    expect(foreign.err?.message).toContain('Message refusé');
    expect((await getPromotion(db, promotion.id))?.status).toBe('sent');

    expect((await deliver('promotion.addEvent', { promotionId: promotion.id, type: 'employer_replied' }, page)).res).toEqual({ ok: true, status: 'replied' });
    expect((await deliver('reminders.snooze', { promotionId: promotion.id }, page)).res).toMatchObject({ ok: false });

    // No test clock in builds made without WXT_PROFILENCE_TEST_HOOKS: nobody answers.
    const clock = await Promise.race([
      deliver('debug.setClock', { offsetMs: 86_400_000 }, page),
      new Promise((resolve) => setTimeout(() => resolve('no handler'), 200)),
    ]);
    expect(clock).toBe('no handler');
  });
});
