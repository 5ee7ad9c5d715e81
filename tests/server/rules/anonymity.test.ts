// @vitest-environment node
/** Anonymous promotions: a pitch that identifies the job seeker is refused (`anonymity`); the last name is not kept. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Promotion } from '../../../lib/domain/promotion';
import { create, looksFrench, makePromotion, pullAll, TestClient, update } from '../fixtures';
import { describeEachDatabase, startHarness, TOKENS, type Harness } from '../harness';

// The fixture's job seeker: Lucie DUPONT, 1234567A.
const anonymous = (pitch: string) => makePromotion({ mode: 'anonymous', pitch });

describeEachDatabase('anonymity on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(kind);
  });
  afterEach(async () => {
    await h.close();
  });

  const stored = async (id: string) => {
    const { changes } = await pullAll(h.app, TOKENS.paul);
    return changes.find((c) => c.id === id)?.data as Promotion | undefined;
  };

  it('refuses an anonymous pitch carrying the name, e-mail, phone (any spacing, +33), France Travail id or street address', async () => {
    const client = new TestClient(h.app, TOKENS.jeanne);
    const pitches = {
      firstName: 'Profil de Lucie, secrétaire confirmée.',
      lastName: 'Mme Dupont, secrétaire confirmée.',
      accented: 'Profil de LÚCIE, secrétaire.',
      email: 'Écrire à l.dupont@mail.example pour la joindre.',
      phone: 'Joignable au 06.12.34.56.78.',
      phoneInternational: 'Joignable au +33 6 12 34 56 78.',
      phoneCompact: 'Tél 0612345678.',
      ftId: 'Dossier 1234567A, secrétaire.',
      street: 'Habite 12 rue des Lilas à Lyon.',
    };
    const reply = await client.push(Object.values(pitches).map((pitch) => create(anonymous(pitch))));
    for (const [i, label] of Object.keys(pitches).entries()) {
      expect(reply.results[i], label).toMatchObject({ status: 'rejected', code: 'anonymity' });
      expect(looksFrench(reply.results[i]!.message!), label).toBe(true);
    }
    expect(reply.results[0]!.message).toContain('le prénom');
    expect((await pullAll(h.app, TOKENS.paul)).changes).toEqual([]);
  });

  it('takes a clean anonymous pitch and a named pitch with the name; keeps the first name and id, not the last name', async () => {
    const client = new TestClient(h.app, TOKENS.jeanne);
    const clean = anonymous("Secrétaire polyvalente, 12 ans d'expérience, disponible immédiatement.");
    const named = makePromotion({ pitch: 'Lucie DUPONT, secrétaire polyvalente.' });
    const reply = await client.push([create(clean), create(named)]);
    expect(reply.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await stored(clean.id))!.jobSeeker).toEqual({ ...clean.jobSeeker, lastName: '' });
    expect((await stored(named.id))!.jobSeeker).toEqual(named.jobSeeker);
    // A resend of the same create (lost acknowledgement) is still the same record.
    const again = await new TestClient(h.app, TOKENS.jeanne).push([create(clean)]);
    expect(again.results[0]).toEqual({ seq: 1, status: 'applied' });
  });

  it('checks an edit of the pitch or a switch to anonymous, and forgets the last name on the switch', async () => {
    const client = new TestClient(h.app, TOKENS.jeanne);
    const clean = anonymous('Secrétaire polyvalente, disponible.');
    const named = makePromotion({ pitch: 'Lucie DUPONT, secrétaire polyvalente.' });
    await client.push([create(clean), create(named)]);
    const reply = await client.push([
      update('promotion.update', clean.id, 1, { pitch: 'Lucie, secrétaire polyvalente.' }),
      update('promotion.update', clean.id, 1, { pitch: 'Secrétaire, joignable au 04 78 00 00 00.' }),
      update('promotion.update', named.id, 2, { mode: 'anonymous' }),
      update('promotion.update', named.id, 2, { mode: 'anonymous', pitch: 'Secrétaire polyvalente, disponible.' }),
    ]);
    expect(reply.results.map((r) => r.code ?? r.status)).toEqual(['anonymity', 'anonymity', 'anonymity', 'applied']);
    const switched = (await stored(named.id))!;
    expect(switched.mode).toBe('anonymous');
    expect(switched.jobSeeker).toEqual({ ...named.jobSeeker, lastName: '' });
    expect((await stored(clean.id))!.pitch).toBe('Secrétaire polyvalente, disponible.');
  });
});
