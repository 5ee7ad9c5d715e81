// @vitest-environment node
/**
 * Editing a promotion (`promotion.update`): before it is sent, everything the employer will receive; once sent,
 * only the contact. The same rule as the panel's « Modifier » (lib/domain/promotion-edits.ts), enforced here so a
 * hand-made push cannot rewrite what an employer already received.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { addEvent, create, looksFrench, makeEvent, makePromotion, pullAll, TestClient, update } from '../fixtures';
import { describeEachDatabase, startHarness, TOKENS, type Harness } from '../harness';

describeEachDatabase('editing a promotion on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(kind);
  });
  afterEach(async () => {
    await h.close();
  });

  it('changes the job, mode, channel and message of a draft, and only the contact once sent', async () => {
    const jeanne = new TestClient(h.app, TOKENS.jeanne);
    const draft = makePromotion();
    const sent = makePromotion({ establishment: { siret: '35600000009075', name: 'LA POSTE', postcode: '69002', city: 'Lyon' } });
    await jeanne.push([create(draft), create(sent), addEvent(makeEvent(sent.id, { type: 'sent' }))]);
    const version = async (id: string) => (await pullAll(h.app, TOKENS.jeanne)).changes.find((c) => c.id === id)!.version;

    const onDraft = await jeanne.push([update('promotion.update', draft.id, await version(draft.id), { rome: 'M1602', channel: 'phone', pitch: 'Nouveau message.' })]);
    expect(onDraft.results[0]).toMatchObject({ status: 'applied' });

    const onSent = await jeanne.push([update('promotion.update', sent.id, await version(sent.id), { pitch: 'Autre message.', rome: 'M1602' })]);
    expect(onSent.results[0]).toMatchObject({ status: 'rejected', code: 'invalid' });
    expect(onSent.results[0]!.message).toBe("Promotion déjà envoyée : seul l'interlocuteur peut encore changer (pas le métier proposé, le message).");
    expect(looksFrench(onSent.results[0]!.message!)).toBe(true);

    const contact = { name: 'Mme Roussel', email: 'claire.roussel@example.com' };
    const contactOnSent = await jeanne.push([update('promotion.update', sent.id, await version(sent.id), { contact })]);
    expect(contactOnSent.results[0]).toMatchObject({ status: 'applied' });

    const stored = (await pullAll(h.app, TOKENS.paul)).changes.filter((c) => c.entity === 'promotion');
    expect(stored.find((c) => c.id === draft.id)!.data).toMatchObject({ rome: 'M1602', channel: 'phone', pitch: 'Nouveau message.' });
    expect(stored.find((c) => c.id === sent.id)!.data).toMatchObject({ rome: sent.rome, pitch: sent.pitch, contact });
  });
});
