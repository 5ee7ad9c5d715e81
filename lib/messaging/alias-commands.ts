/**
 * Teaching a reader a label (« Montrer où se trouve ce champ », issue 16). The side panel asks the background,
 * which asks the tab's content script to let the counsellor click the value; the content script answers the
 * label that introduces it, never the value. The background checks it (no value-like text), stores the alias
 * (outbox → sync) and hands the tool's labels back to the content scripts, which cannot reach IndexedDB.
 */
import { z } from 'zod';
import { aliasFieldSchema } from '@/lib/domain/reader-alias';
import { idSchema } from '@/lib/domain/promotion';

/** Side panel → background: let the counsellor show, on this tab, where this missing field is. */
export const aliasTeachRequestSchema = z.object({
  tabId: z.number().int().min(0),
  field: aliasFieldSchema,
  /** The field's French name, for the hint shown on the page. */
  fieldLabel: z.string().trim().min(1).max(80),
});
export type AliasTeachRequest = z.input<typeof aliasTeachRequestSchema>;

export type AliasTeachOutcome =
  | { ok: true; id: string; label: string }
  /** `cancelled`: Échap on the page, or nothing clicked in time; `message` in French otherwise. */
  | { ok: false; code: 'cancelled' | 'invalid' | 'not_found'; message: string };

/** Options → background: « Retirer » an alias (its author or an agency manager). */
export const aliasRevokeRequestSchema = z.object({ id: idSchema });
export type AliasRevokeRequest = z.input<typeof aliasRevokeRequestSchema>;
export type AliasRevokeOutcome = { ok: true } | { ok: false; message: string };

/** A live alias as a content script takes it: the reader reads `label` as one more label of `field`. */
export interface ContentAlias {
  id: string;
  field: string;
  label: string;
}

/** Background → content script: the tool's live aliases (on request at start, and pushed when they change). */
export interface ContentAliases {
  aliases: ContentAlias[];
}

/** Content script → background: the aliases whose label introduced a value on the page just read. */
export const aliasesMatchedSchema = z.object({ ids: z.array(idSchema).max(200) });
export type AliasesMatched = z.input<typeof aliasesMatchedSchema>;

/** Background → content script: enter the picking mode for this field; the label found, or why none. */
export interface AliasPickRequest {
  fieldLabel: string;
}
export type AliasPickOutcome = { picked: true; label?: string } | { picked: false };

export const ALIAS_MESSAGES = {
  cancelled: 'Apprentissage annulé : aucun libellé retenu.',
  tabGone: "La page n'est plus ouverte ou ne répond pas : rechargez-la puis recommencez.",
  notLegacy: "Cet onglet n'affiche pas un outil connu : ouvrez la page où le champ manque.",
  agencyUnknown: "Agence introuvable dans le bandeau de la page : rechargez la page puis recommencez.",
} as const;
