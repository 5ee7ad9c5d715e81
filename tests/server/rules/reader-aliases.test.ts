// @vitest-environment node
/**
 * Reader aliases through the endpoint (issue 16): a label taught on one install reaches the agency's other
 * installs by pull, stamped with its author from the token; only its author or a manager revokes it; any
 * counsellor reports it matched; a value-like label, another agency's scope and a label in the future are refused.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ALIAS_LABEL_MESSAGES, NOT_TEACHABLE_MESSAGE } from '../../../lib/domain/reader-alias';
import { looksFrench, pullAll, TestClient, type MutationInput } from '../fixtures';
import { describeEachDatabase, startHarness, TOKENS, type Harness } from '../harness';

const NOW = Date.now();
const iso = (offsetMs = 0) => new Date(NOW + offsetMs).toISOString();

function teach(overrides: Record<string, unknown> = {}): MutationInput & { args: Record<string, unknown> & { id: string } } {
  return {
    name: 'alias.create',
    args: {
      id: randomUUID(),
      agencyCode: '69031',
      tool: 'fiche-entreprise',
      field: 'headcount',
      label: 'Nombre de collaborateurs',
      // What an install sends before it knows its `sub`: the server writes the token's.
      createdBy: 'agent:local',
      createdAt: iso(-60_000),
      ...overrides,
    },
  };
}

describeEachDatabase('reader aliases on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(kind);
  });
  afterEach(async () => {
    await h.close();
  });

  const aliasesSeenBy = async (token: string) => (await pullAll(h.app, token)).changes.filter((c) => c.entity === 'alias');

  it('shares a taught label with the agency, its author stamped from the token, and reports matches', async () => {
    const jeanne = new TestClient(h.app, TOKENS.jeanne);
    const paul = new TestClient(h.app, TOKENS.paul);
    const alias = teach();
    expect((await jeanne.push([alias])).results[0]).toMatchObject({ status: 'applied' });

    const seen = await aliasesSeenBy(TOKENS.paul);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.data).toMatchObject({
      id: alias.args.id,
      tool: 'fiche-entreprise',
      field: 'headcount',
      label: 'Nombre de collaborateurs',
      createdBy: 'jeanne.martin',
      createdByName: 'Jeanne MARTIN',
    });
    expect(seen[0]!.data).not.toHaveProperty('lastMatchedAt');

    // A colleague's install read a page with it: the match date moves forward, never back.
    const matchedAt = iso(-1000);
    expect((await paul.push([{ name: 'alias.matched', args: { id: alias.args.id, at: matchedAt } }])).results[0]).toMatchObject({ status: 'applied' });
    await paul.push([{ name: 'alias.matched', args: { id: alias.args.id, at: iso(-30_000) } }]);
    expect((await aliasesSeenBy(TOKENS.jeanne))[0]!.data).toMatchObject({ lastMatchedAt: matchedAt });

    // Another agency sees none of it.
    const villeurbanne = await pullAll(h.app, TOKENS.villeurbanne, 'agency:69032');
    expect(villeurbanne.changes.filter((c) => c.entity === 'alias')).toHaveLength(0);
  });

  it('lets only the author or a manager revoke, and stamps who did', async () => {
    const jeanne = new TestClient(h.app, TOKENS.jeanne);
    const paul = new TestClient(h.app, TOKENS.paul);
    const manager = new TestClient(h.app, TOKENS.manager);
    const first = teach();
    const second = teach({ label: 'Tranche de salariés' });
    await jeanne.push([first, second]);

    const byPaul = await paul.push([{ name: 'alias.revoke', args: { id: first.args.id, at: iso(), by: 'paul.bernard' } }]);
    expect(byPaul.results[0]).toMatchObject({
      status: 'rejected',
      code: 'forbidden',
      message: "Seul le conseiller qui a appris ce libellé ou un responsable d'agence peut le retirer : retrait refusé.",
    });

    // The author, whatever `by` the client wrote; a manager on a colleague's alias.
    await jeanne.push([{ name: 'alias.revoke', args: { id: first.args.id, at: iso(), by: 'someone.else' } }]);
    expect((await manager.push([{ name: 'alias.revoke', args: { id: second.args.id, at: iso(), by: 'x' } }])).results[0]).toMatchObject({
      status: 'applied',
    });

    const stored = await aliasesSeenBy(TOKENS.paul);
    expect(stored.find((c) => c.id === first.args.id)!.data).toMatchObject({ revokedBy: 'jeanne.martin', revokedByName: 'Jeanne MARTIN' });
    expect(stored.find((c) => c.id === second.args.id)!.data).toMatchObject({ revokedBy: 'claire.durand' });
  });

  it('refuses a label that looks like a value, another agency, and a date in the future, in French', async () => {
    const jeanne = new TestClient(h.app, TOKENS.jeanne);
    const { results } = await jeanne.push([
      teach({ label: 'jeanne.dupont@example.com' }),
      teach({ label: '06 12 34 56 78' }),
      teach({ label: '73282932000074' }),
      teach({ agencyCode: '69032' }),
      teach({ createdAt: iso(60 * 60_000) }),
    ]);
    expect(results.map((r) => r.code)).toEqual(['invalid', 'invalid', 'invalid', 'forbidden', 'clock']);
    expect(results[0]!.message).toContain(ALIAS_LABEL_MESSAGES.looksLikeValue);
    for (const r of results) expect(looksFrench(r.message!)).toBe(true);
    expect(await aliasesSeenBy(TOKENS.jeanne)).toHaveLength(0);
  });

  it('refuses a hand-made alias for the consent or the signed-in agent: those are never taught', async () => {
    const jeanne = new TestClient(h.app, TOKENS.jeanne);
    const { results } = await jeanne.push([
      teach({ tool: 'dossier-demandeur', field: 'promotionConsent', label: 'Accord du demandeur' }),
      teach({ tool: 'dossier-demandeur', field: 'agent', label: 'Conseiller' }),
    ]);
    expect(results.map((r) => r.code)).toEqual(['invalid', 'invalid']);
    expect(results[0]!.message).toContain(NOT_TEACHABLE_MESSAGE);
    expect(await aliasesSeenBy(TOKENS.jeanne)).toHaveLength(0);
  });
});
