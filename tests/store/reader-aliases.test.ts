import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { isUnused } from '../../lib/domain/reader-alias';
import { applyMutationLocally } from '../../lib/sync/apply';
import { listAliases, liveAliasesOf, pendingMutations, recordAliasMatches, revokeAlias, teachAlias } from '../../lib/store';
import { ctx, freshDb } from './helpers';

const at = (iso: string) => new Date(iso);
const DAY = 24 * 60 * 60 * 1000;

describe('reader aliases in the store', () => {
  it('keeps a taught label with its outbox row, and hands it to its tool only', async () => {
    const db = freshDb();
    const alias = await teachAlias(db, { tool: 'fiche-entreprise', field: 'headcount', label: '  Nombre de   collaborateurs ' }, { ...ctx, now: at('2026-03-02T09:00:00Z') });
    expect(alias).toMatchObject({ label: 'Nombre de collaborateurs', createdBy: ctx.counsellorId, agencyCode: '69031' });
    expect((await pendingMutations(db)).map((m) => [m.name, (m.args as { id: string }).id])).toEqual([['alias.create', alias.id]]);
    expect(await liveAliasesOf(db, 'fiche-entreprise')).toEqual([{ id: alias.id, field: 'headcount', label: 'Nombre de collaborateurs' }]);
    expect(await liveAliasesOf(db, 'dossier-demandeur')).toEqual([]);

    // The same label again (any case) is the same alias: nothing more to send.
    const again = await teachAlias(db, { tool: 'fiche-entreprise', field: 'headcount', label: 'nombre de collaborateurs' }, ctx);
    expect(again.id).toBe(alias.id);
    expect(await pendingMutations(db)).toHaveLength(1);
  });

  it('refuses, in French and without writing, a text that looks like a value', async () => {
    const db = freshDb();
    for (const label of ['contact@entreprise.fr', '04 78 00 00 00', '732 829 320 00074', '20 à 49 salariés', '']) {
      await expect(teachAlias(db, { tool: 'fiche-entreprise', field: 'headcount', label }, ctx)).rejects.toThrow(
        /ressemble à une valeur|Aucun libellé trouvé autour de cette valeur/,
      );
    }
    expect(await listAliases(db)).toEqual([]);
    expect(await pendingMutations(db)).toEqual([]);
  });

  it('stops handing a revoked label out, and sends the revocation once', async () => {
    const db = freshDb();
    const alias = await teachAlias(db, { tool: 'fiche-entreprise', field: 'headcount', label: 'Taille du site' }, ctx);
    await revokeAlias(db, alias.id, { counsellorId: ctx.counsellorId });
    await revokeAlias(db, alias.id, { counsellorId: ctx.counsellorId });
    expect(await liveAliasesOf(db, 'fiche-entreprise')).toEqual([]);
    expect((await pendingMutations(db)).map((m) => m.name)).toEqual(['alias.create', 'alias.revoke']);
  });

  it('reports a match at most once a day, which is what clears the 30-day flag', async () => {
    const db = freshDb();
    const created = at('2026-01-01T09:00:00Z');
    const alias = await teachAlias(db, { tool: 'dossier-demandeur', field: 'mobility', label: 'Périmètre de recherche' }, { ...ctx, now: created });
    expect(isUnused(alias, new Date(created.getTime() + 29 * DAY))).toBe(false);
    expect(isUnused(alias, new Date(created.getTime() + 30 * DAY))).toBe(true);

    const seen = new Date(created.getTime() + 31 * DAY);
    expect(await recordAliasMatches(db, [alias.id, alias.id], seen)).toBe(1);
    expect(await recordAliasMatches(db, [alias.id], new Date(seen.getTime() + DAY / 2))).toBe(0);
    expect(await recordAliasMatches(db, [alias.id], new Date(seen.getTime() + DAY))).toBe(1);
    const [stored] = await listAliases(db);
    expect(isUnused(stored!, new Date(seen.getTime() + 2 * DAY))).toBe(false);
    expect((await pendingMutations(db)).map((m) => m.name)).toEqual(['alias.create', 'alias.matched', 'alias.matched']);
  });

  it('rebases pending alias writes over a pulled copy with the same reducer (a revocation stays revoked)', async () => {
    const db = freshDb();
    const alias = await teachAlias(db, { tool: 'fiche-entreprise', field: 'naf', label: 'Secteur' }, ctx);
    const revoke = { id: crypto.randomUUID(), name: 'alias.revoke' as const, args: { id: alias.id, at: new Date().toISOString(), by: ctx.counsellorId } };
    await db.aliases.put({ ...alias, serverVersion: 3 });
    await applyMutationLocally(db, revoke);
    await applyMutationLocally(db, revoke);
    expect((await db.aliases.get(alias.id))!.revokedAt).toBe(revoke.args.at);
  });
});
