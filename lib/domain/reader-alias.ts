/**
 * A reader alias (issue 16): a label text a counsellor taught a reader by clicking a value the reader missed
 * (« Montrer où se trouve ce champ »). Shared with the agency through sync, like needs and pool entries. Only a
 * label's words are kept — never the value, never a CSS path — so an alias is no personal data, and a text that
 * looks like a value (an e-mail, a phone, a SIRET, any digit) is refused in French (docs/privacy.md).
 */
import { z } from 'zod';
import { agencyCodeSchema } from './formats';
import { LEGACY_TOOLS } from './legacy';
import { dateTimeSchema, displayNameSchema, idSchema } from './promotion';

/** Longer than any label the readers look for (lib/adapters/kit/fields.ts reads labels of 80 characters at most). */
export const MAX_ALIAS_LABEL = 80;

/** An alias that has matched nothing on any install of the agency for this long is flagged for review. */
export const ALIAS_UNUSED_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** An install reports an alias's match at most this often (one `alias.matched` a day, not one per page read). */
export const ALIAS_MATCH_REPORT_MS = DAY_MS;

export const ALIAS_LABEL_MESSAGES = {
  empty: 'Aucun libellé trouvé autour de cette valeur : cliquez sur la valeur elle-même.',
  tooLong: `Libellé trop long (${MAX_ALIAS_LABEL} caractères au plus) : cliquez sur la valeur elle-même, pas sur un bloc entier.`,
  looksLikeValue:
    'Ce texte ressemble à une valeur (adresse e-mail, téléphone, SIRET ou chiffres), pas à un libellé : Profilence ne retient que des libellés. Cliquez sur la valeur elle-même.',
} as const;

/**
 * Why `text` cannot be an alias's label, in French, or `undefined`. A label names a field (« Effectif »,
 * « Tranche de salariés ») and carries no digit: digits, `@` or a web address mean a value was picked.
 */
export function aliasLabelProblem(text: string): string | undefined {
  const label = text.trim();
  if (label.length < 2) return ALIAS_LABEL_MESSAGES.empty;
  if (label.length > MAX_ALIAS_LABEL) return ALIAS_LABEL_MESSAGES.tooLong;
  if (/\d|@|https?:|www\./i.test(label)) return ALIAS_LABEL_MESSAGES.looksLikeValue;
  return undefined;
}

export const aliasLabelSchema = z
  .string()
  .transform((s) => s.replace(/\s+/g, ' ').trim())
  .superRefine((label, ctx) => {
    const problem = aliasLabelProblem(label);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/**
 * Fields no counsellor may teach: the consent is read from the value shown, never found through a label someone
 * taught (lib/adapters/kit/consent.ts, issue 18: never promote on a guess), and the banner's agent is not a field
 * of the page's record. Checked by the panel (no « Montrer où se trouve ce champ »), the background and the server.
 */
export const NOT_TEACHABLE_FIELDS: ReadonlySet<string> = new Set(['promotionConsent', 'agent']);
export const NOT_TEACHABLE_MESSAGE = "Ce champ ne s'apprend pas : Profilence lit le consentement et le conseiller connecté tels que l'outil les affiche.";
export const isTeachableField = (field: string) => !NOT_TEACHABLE_FIELDS.has(field.split('.')[0]!);

/** The keys readers report in `missing` (`headcount`, `address`, `targetJobs`, `address.postcode`…). */
export const aliasFieldSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/, { error: 'Champ inconnu.' })
  .max(64)
  .refine(isTeachableField, { error: NOT_TEACHABLE_MESSAGE });

export const readerAliasSchema = z.object({
  id: idSchema,
  agencyCode: agencyCodeSchema,
  tool: z.enum(LEGACY_TOOLS, { error: 'Outil inconnu.' }),
  field: aliasFieldSchema,
  label: aliasLabelSchema,
  /** The author's `sub`, stamped by the server from the token; `createdByName` their display name. */
  createdBy: z.string().trim().min(1).max(200),
  createdByName: displayNameSchema.optional(),
  createdAt: dateTimeSchema,
  /** Set by `alias.revoke`: the reader no longer uses it; `revokedBy` (stamped) who withdrew it. */
  revokedAt: dateTimeSchema.optional(),
  revokedBy: z.string().trim().min(1).max(200).optional(),
  revokedByName: displayNameSchema.optional(),
  /** The latest time an install reported that the label introduced a value on a page (`alias.matched`). */
  lastMatchedAt: dateTimeSchema.optional(),
});
export type ReaderAlias = z.infer<typeof readerAliasSchema>;

/** `alias.revoke`: `by`/`byName` are stamped by the server like every author field. */
export const aliasRevokeSchema = z.object({
  id: idSchema,
  at: dateTimeSchema,
  by: z.string().trim().min(1).max(200),
  byName: displayNameSchema.optional(),
});

/** `alias.matched`: an install saw the label introduce a value at `at`. */
export const aliasMatchedSchema = z.object({ id: idSchema, at: dateTimeSchema });

export const isRevoked = (alias: Pick<ReaderAlias, 'revokedAt'>) => alias.revokedAt !== undefined;

/**
 * Flagged: live, and no install reported a match for 30 days (counted from its creation when it never matched).
 * Known from `lastMatchedAt`, which installs report through sync (at most daily each).
 */
export function isUnused(alias: Pick<ReaderAlias, 'createdAt' | 'lastMatchedAt' | 'revokedAt'>, now: Date): boolean {
  if (isRevoked(alias)) return false;
  const since = Date.parse(alias.lastMatchedAt ?? alias.createdAt);
  return now.getTime() - since >= ALIAS_UNUSED_DAYS * DAY_MS;
}
