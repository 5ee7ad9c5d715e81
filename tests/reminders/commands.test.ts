// The follow-up commands of the background: outcomes recorded by the counsellor, snooze, refusals in French.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createFollowUpCommands, createReminderScheduler } from '@/lib/background/reminders';
import { saveReading } from '@/lib/background/tab-contexts';
import { LOCAL_AGENT_ID } from '@/lib/domain/agent';
import { addEvent, getPromotion, pendingMutations, setMeta, type ProfilenceDb } from '@/lib/store';
import { SYNC_META } from '@/lib/sync/keys';
import { readingOf } from '../background/fixtures';
import { day, freshDb, manualClock, sentPromotion } from './support';

describe('follow-up commands', () => {
  let db: ProfilenceDb;
  let clock: ReturnType<typeof manualClock>;
  let commands: ReturnType<typeof createFollowUpCommands>;

  beforeEach(() => {
    fakeBrowser.reset();
    db = freshDb();
    clock = manualClock(day(8));
    commands = createFollowUpCommands(db, createReminderScheduler(db, clock), clock);
  });

  it('records « Réponse reçue » by the signed-in agent, not the page banner, with its outbox row, and clears the badge', async () => {
    const promotion = await sentPromotion(db, 0);
    await createReminderScheduler(db, clock).check('alarm');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    await setMeta(db, SYNC_META.identity, { sub: 'sub-lina', name: 'Lina HADDAD', agencyCode: '69031', roles: ['counsellor'] });
    // The open page's banner names someone else: any page can print any name.
    await saveReading(4, { ...readingOf('dossier-demandeur', 'dossier-1234567A'), agent: { name: 'Paul BERNARD', agencyCode: '69031' } });

    expect(await commands.addEvent({ promotionId: promotion.id, type: 'employer_replied' })).toEqual({ ok: true, status: 'replied' });
    const stored = await getPromotion(db, promotion.id);
    expect(stored?.events.at(-1)).toMatchObject({ type: 'employer_replied', at: day(8).toISOString(), by: 'sub-lina', byName: 'Lina HADDAD' });
    expect((await pendingMutations(db)).at(-1)).toMatchObject({ name: 'promotion.addEvent', args: { type: 'employer_replied', by: 'sub-lina' } });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('records under the local placeholder, without a name, on an install never signed in', async () => {
    const promotion = await sentPromotion(db, 0);
    await saveReading(4, { ...readingOf('dossier-demandeur', 'dossier-1234567A'), agent: { name: 'Paul BERNARD' } }, day(1));
    await commands.addEvent({ promotionId: promotion.id, type: 'followed_up' });
    const event = (await getPromotion(db, promotion.id))?.events.at(-1);
    expect(event).toMatchObject({ type: 'followed_up', by: LOCAL_AGENT_ID });
    expect(event?.byName).toBeUndefined();
  });

  it('records a refusal with its reason, and « Autre » with its note', async () => {
    const first = await sentPromotion(db, 0);
    const second = await sentPromotion(db, 0);
    expect(await commands.addEvent({ promotionId: first.id, type: 'declined', reason: 'no_position' })).toEqual({ ok: true, status: 'declined' });
    expect(await commands.addEvent({ promotionId: second.id, type: 'declined', reason: 'other', note: 'Rachat en cours' })).toEqual({
      ok: true,
      status: 'declined',
    });
    expect((await getPromotion(db, second.id))?.events.at(-1)).toMatchObject({ reason: 'other', note: 'Rachat en cours' });
  });

  it('refuses, in French, what the request or the status does not allow', async () => {
    const promotion = await sentPromotion(db, 0);
    expect(await commands.addEvent({ promotionId: promotion.id, type: 'declined' })).toEqual({
      ok: false,
      code: 'invalid',
      message: 'Action non enregistrée : Choisissez le motif du refus.',
    });
    expect(await commands.addEvent({ promotionId: promotion.id, type: 'declined', reason: 'other' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('Le motif « Autre » demande une précision.'),
    });
    expect(await commands.addEvent({ promotionId: promotion.id, type: 'sent' })).toMatchObject({ ok: false, code: 'invalid', message: expect.stringContaining('Action inconnue.') });
    await commands.addEvent({ promotionId: promotion.id, type: 'hired' });
    expect(await commands.addEvent({ promotionId: promotion.id, type: 'interview' })).toEqual({
      ok: false,
      code: 'transition',
      message: "Impossible d'enregistrer « Entretien » : la promotion est au statut « Embauche ».",
    });
    expect(await commands.addEvent({ promotionId: '01930000-0000-7000-8000-000000000000', type: 'note', note: 'x' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect((await getPromotion(db, promotion.id))?.events.map((e) => e.type)).toEqual(['sent', 'hired']);
  });

  it('snoozes a week at a time, and a recorded outcome lifts the snooze', async () => {
    const promotion = await sentPromotion(db, 0);
    expect(await commands.snooze({ promotionId: promotion.id })).toEqual({ ok: true, until: '2026-11-17' });
    expect(await commands.snooze({ promotionId: promotion.id })).toEqual({ ok: true, until: '2026-11-24' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    await commands.addEvent({ promotionId: promotion.id, type: 'followed_up' });
    expect(await fakeBrowser.storage.local.get(`snooze:${promotion.id}`)).toEqual({});
  });

  it('has nothing to snooze once the employer answered', async () => {
    const promotion = await sentPromotion(db, 0);
    await addEvent(db, promotion.id, { type: 'employer_replied', by: 'Jeanne MARTIN' }, day(3));
    expect(await commands.snooze({ promotionId: promotion.id })).toEqual({
      ok: false,
      message: "Cette promotion n'attend plus de réponse : rien à reporter.",
    });
  });

  it('keeps the test clock out of builds made without WXT_PROFILENCE_TEST_HOOKS', async () => {
    await expect(commands.setClock({ offsetMs: 8 * 86_400_000 })).rejects.toThrow('Horloge de test indisponible');
  });
});
