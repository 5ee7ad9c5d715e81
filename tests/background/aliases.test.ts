// The background's side of « Montrer où se trouve ce champ »: what the tab's picking answers becomes an alias, or a
// French refusal that stores nothing; the tool's tabs are told; only the author withdraws it.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAliasCommands, type AliasDeps } from '@/lib/background/aliases';
import { saveReading } from '@/lib/background/tab-contexts';
import type { LegacyTool } from '@/lib/domain/legacy';
import type { AliasPickOutcome, ContentAliases } from '@/lib/messaging/alias-commands';
import { listAliases, openDb, pendingMutations, setMeta, type ProfilenceDb } from '@/lib/store';
import { SYNC_META } from '@/lib/sync/keys';
import { readingOf } from './fixtures';

const TAB = 7;
const teachHeadcount = { tabId: TAB, field: 'headcount', fieldLabel: 'Effectif' };

describe('teaching a reader in the background', () => {
  let db: ProfilenceDb;
  let picked: AliasPickOutcome | undefined;
  let told: { tool: LegacyTool; aliases: ContentAliases }[];
  let commands: ReturnType<typeof createAliasCommands>;

  beforeEach(async () => {
    fakeBrowser.reset();
    db = openDb(`test-${crypto.randomUUID()}`);
    told = [];
    const deps: Partial<AliasDeps> = {
      pick: async () => picked,
      toolOf: (url) => (url.includes('entreprises') || url.includes('etablissement') ? 'fiche-entreprise' : undefined),
      notify: async (tool, aliases) => void told.push({ tool, aliases }),
    };
    commands = createAliasCommands(db, deps);
    await saveReading(TAB, readingOf('fiche-entreprise', 'etablissement-73282932000074'));
  });

  it('keeps the label the click found, sends it, and hands the tool its labels at once', async () => {
    picked = { picked: true, label: 'Nombre de collaborateurs' };
    const outcome = await commands.teach(teachHeadcount);
    expect(outcome).toMatchObject({ ok: true, label: 'Nombre de collaborateurs' });
    const [alias] = await listAliases(db);
    expect(alias).toMatchObject({ tool: 'fiche-entreprise', field: 'headcount', agencyCode: '69031' });
    expect((await pendingMutations(db)).map((m) => m.name)).toEqual(['alias.create']);
    expect(told).toEqual([{ tool: 'fiche-entreprise', aliases: { aliases: [{ id: alias!.id, field: 'headcount', label: 'Nombre de collaborateurs' }] } }]);
  });

  it("takes the signed-in account's agency when the redesigned page lost its banner, and says so when there is none", async () => {
    const withoutBanner = readingOf('fiche-entreprise', 'etablissement-73282932000074') as { agent?: unknown };
    delete withoutBanner.agent;
    await saveReading(TAB, withoutBanner as never);
    picked = { picked: true, label: 'Nombre de collaborateurs' };
    expect(await commands.teach(teachHeadcount)).toMatchObject({ ok: false, message: expect.stringContaining('Agence introuvable') });

    await setMeta(db, SYNC_META.identity, { sub: 'jeanne.martin', agencyCode: '69031', name: 'Jeanne MARTIN', roles: [] });
    expect(await commands.teach(teachHeadcount)).toMatchObject({ ok: true });
    expect((await listAliases(db))[0]).toMatchObject({ agencyCode: '69031', createdBy: 'jeanne.martin', createdByName: 'Jeanne MARTIN' });
  });

  it.each([
    ['no label around the value', { picked: true } as const, 'Aucun libellé trouvé autour de cette valeur : cliquez sur la valeur elle-même.'],
    ['the value itself', { picked: true, label: '20 à 49 salariés' } as const, 'Ce texte ressemble à une valeur'],
    ['an e-mail', { picked: true, label: 'rh@logiciels-rhone.fr' } as const, 'Ce texte ressemble à une valeur'],
    ['Échap', { picked: false } as const, 'Apprentissage annulé : aucun libellé retenu.'],
    ['a tab that no longer answers', undefined, "La page n'est plus ouverte ou ne répond pas"],
  ])('refuses in French and stores nothing for %s', async (_case, answer, message) => {
    picked = answer;
    const outcome = await commands.teach(teachHeadcount);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toContain(message);
    expect(await listAliases(db)).toEqual([]);
    expect(await pendingMutations(db)).toEqual([]);
    expect(told).toEqual([]);
  });

  it.each(['promotionConsent', 'agent'])('never teaches %s: refused in French before the page is asked for a click', async (field) => {
    let asked = false;
    commands = createAliasCommands(db, { pick: async () => ((asked = true), { picked: true, label: 'Accord du demandeur' }) });
    const outcome = await commands.teach({ tabId: TAB, field, fieldLabel: 'Consentement' });
    expect(outcome).toMatchObject({ ok: false, message: expect.stringContaining("Ce champ ne s'apprend pas") });
    expect(asked).toBe(false);
    expect(await listAliases(db)).toEqual([]);
    expect(await pendingMutations(db)).toEqual([]);
  });

  it("tells the tool's open tabs when a pull brings a colleague's alias", async () => {
    const stop = commands.watch();
    const colleagues = {
      id: crypto.randomUUID(),
      agencyCode: '69031',
      tool: 'fiche-entreprise' as const,
      field: 'naf',
      label: 'Secteur',
      createdBy: 'paul.bernard',
      createdAt: new Date().toISOString(),
      serverVersion: 4,
    };
    await db.aliases.put(colleagues);
    await vi.waitFor(() =>
      expect(told).toContainEqual({ tool: 'fiche-entreprise', aliases: { aliases: [{ id: colleagues.id, field: 'naf', label: 'Secteur' }] } }),
    );
    stop();
  });

  it("lets only the alias's author withdraw it, and counts matches of the sender's tool only", async () => {
    picked = { picked: true, label: 'Nombre de collaborateurs' };
    const taught = await commands.teach(teachHeadcount);
    const id = taught.ok ? taught.id : '';

    await db.aliases.update(id, { createdBy: 'paul.bernard', createdByName: 'Paul BERNARD' });
    const refused = await commands.revoke({ id });
    expect(refused).toEqual({ ok: false, message: "Seul le conseiller qui a appris ce libellé ou un responsable d'agence peut le retirer : retrait refusé." });

    await commands.matched({ ids: [id] }, 'dossier-demandeur');
    expect((await listAliases(db))[0]!.lastMatchedAt).toBeUndefined();
    await commands.matched({ ids: [id] }, 'fiche-entreprise');
    expect((await listAliases(db))[0]!.lastMatchedAt).toBeDefined();

    await db.aliases.update(id, { createdBy: 'agent:local', createdByName: undefined });
    expect(await commands.revoke({ id })).toEqual({ ok: true });
    expect(told.at(-1)).toEqual({ tool: 'fiche-entreprise', aliases: { aliases: [] } });
  });
});
