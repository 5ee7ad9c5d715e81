/**
 * Reader aliases in the background (issue 16): « Montrer où se trouve ce champ » from the panel, the picking
 * asked of the tab's content script, the label checked (never a value) and stored with its outbox row, then the
 * tool's labels handed to its open tabs so they read the page again at once. Content scripts ask for their
 * tool's labels at start (they cannot reach IndexedDB) and report the ones that matched (the 30-day flag).
 */
import { MatchPattern } from 'wxt/utils/match-patterns';
import { editProblem } from '@/lib/domain/authorship';
import { LEGACY_TOOLS, type LegacyTool } from '@/lib/domain/legacy';
import { aliasLabelProblem } from '@/lib/domain/reader-alias';
import {
  ALIAS_MESSAGES,
  aliasesMatchedSchema,
  aliasRevokeRequestSchema,
  aliasTeachRequestSchema,
  type AliasPickOutcome,
  type AliasPickRequest,
  type AliasRevokeOutcome,
  type AliasTeachOutcome,
  type ContentAliases,
} from '@/lib/messaging/alias-commands';
import { sendMessage } from '@/lib/messaging/protocol';
import { contentScriptMatches } from '@/lib/platform';
import { BoardRefused, liveAliasesOf, recordAliasMatches, revokeAlias, teachAlias, watchAliases, type ProfilenceDb } from '@/lib/store';
import { readIdentity } from '@/lib/sync/status';
import { signedInAgent, writerOf } from './agent';
import { author } from './board-outcome';
import { allContexts, getContext } from './tab-contexts';

/** The legacy tool whose content script runs on `url`, if any. */
export function toolOfUrl(url: string): LegacyTool | undefined {
  return LEGACY_TOOLS.find((tool) => contentScriptMatches(`content-scripts/${tool}.js`).some((p) => new MatchPattern(p).includes(url)));
}

/** What the commands need of the browser: the tab's picking, the tool of a page, the tabs to tell. */
export interface AliasDeps {
  clock: () => Date;
  pick: (tabId: number, request: AliasPickRequest) => Promise<AliasPickOutcome | undefined>;
  toolOf: (url: string) => LegacyTool | undefined;
  /** Tells every open tab of `tool` its labels as they now are. */
  notify: (tool: LegacyTool, aliases: ContentAliases) => Promise<void>;
}

const BROWSER_DEPS: AliasDeps = {
  clock: () => new Date(),
  pick: (tabId, request) => sendMessage('alias.pick', request, tabId).catch(() => undefined),
  toolOf: toolOfUrl,
  async notify(tool, aliases) {
    const open = (await allContexts()).filter((c) => toolOfUrl(c.result.url) === tool);
    await Promise.all(open.map((c) => sendMessage('aliases.changed', aliases, c.tabId).catch(() => undefined)));
  },
};

export function createAliasCommands(db: ProfilenceDb, deps: Partial<AliasDeps> = {}) {
  const { clock, pick, toolOf, notify } = { ...BROWSER_DEPS, ...deps };
  const aliasesOf = async (tool: LegacyTool): Promise<ContentAliases> => ({ aliases: await liveAliasesOf(db, tool) });
  const broadcast = async (tool: LegacyTool) => notify(tool, await aliasesOf(tool));

  return {
    aliasesFor: aliasesOf,

    /** A colleague's alias or a revocation pulled by the sync reaches the open tabs without waiting for a reload. */
    watch: () => watchAliases(db, () => void Promise.all(LEGACY_TOOLS.map(broadcast)).catch(() => undefined)),

    async teach(raw: unknown): Promise<AliasTeachOutcome> {
      const parsed = aliasTeachRequestSchema.safeParse(raw);
      // A field that is never taught (the consent) or unknown: refused before the page is asked for a click.
      if (!parsed.success) return { ok: false, code: 'invalid', message: parsed.error.issues[0]?.message ?? 'Demande invalide.' };
      const request = parsed.data;
      const reading = (await getContext(request.tabId))?.result;
      const tool = reading && toolOf(reading.url);
      if (!reading?.recognized || !tool) return { ok: false, code: 'not_found', message: ALIAS_MESSAGES.notLegacy };
      // The banner's agency, else the signed-in account's: a redesign may have moved the banner too.
      const signedIn = await readIdentity(db);
      const who = (await author(db, reading)) ?? (signedIn && { ...writerOf(await signedInAgent(db)), agencyCode: signedIn.agencyCode });
      if (!who) return { ok: false, code: 'invalid', message: ALIAS_MESSAGES.agencyUnknown };

      const picked = await pick(request.tabId, { fieldLabel: request.fieldLabel });
      if (!picked) return { ok: false, code: 'not_found', message: ALIAS_MESSAGES.tabGone };
      if (!picked.picked) return { ok: false, code: 'cancelled', message: ALIAS_MESSAGES.cancelled };
      // The label is checked here, where zod and the domain rule live: the content script only reports what it saw.
      const label = typeof picked.label === 'string' ? picked.label : '';
      const problem = aliasLabelProblem(label);
      if (problem) return { ok: false, code: 'invalid', message: problem };
      try {
        const alias = await teachAlias(db, { tool, field: request.field, label }, { ...who, now: clock() });
        await broadcast(tool);
        return { ok: true, id: alias.id, label: alias.label };
      } catch (err) {
        if (err instanceof BoardRefused) return { ok: false, code: 'invalid', message: err.message };
        throw err;
      }
    },

    async revoke(raw: unknown): Promise<AliasRevokeOutcome> {
      const { id } = aliasRevokeRequestSchema.parse(raw);
      const alias = await db.aliases.get(id);
      if (!alias) return { ok: false, message: 'Libellé introuvable : il a peut-être déjà été retiré. Rechargez la liste.' };
      const agent = await signedInAgent(db);
      const roles = (await readIdentity(db))?.roles ?? [];
      // The server decides on its own token; this spares the counsellor a refusal that would only come back later.
      const problem = editProblem({ sub: agent.id, roles }, 'alias', alias.createdBy);
      if (problem) return { ok: false, message: problem };
      try {
        await revokeAlias(db, id, writerOf(agent), clock());
      } catch (err) {
        if (err instanceof BoardRefused) return { ok: false, message: err.message };
        throw err;
      }
      await broadcast(alias.tool);
      return { ok: true };
    },

    /** Only the sender's tool's aliases: a page of one tool says nothing of another's labels. */
    async matched(raw: unknown, tool: LegacyTool): Promise<void> {
      const { ids } = aliasesMatchedSchema.parse(raw);
      const own = new Set((await liveAliasesOf(db, tool)).map((a) => a.id));
      await recordAliasMatches(db, ids.filter((id) => own.has(id)), clock());
    },
  };
}
