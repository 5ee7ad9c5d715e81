/**
 * The administrator's policy (managed storage: Chrome/Edge enterprise policy, Firefox `policies.json`), read
 * key by key. Pure: one invalid key is left out with a French warning, the others still apply; a policy value
 * beats the counsellor's options, which beat the build's defaults. The keys are those of
 * `public/managed-schema.json` and docs/deploy.md (section 2.2).
 */
import { z } from 'zod';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { issuerSchema, resourceSchema, scopesSchema, serverUrlSchema } from '../sync/settings-fields';
import {
  DEFAULT_FOLLOW_UP_SETTINGS,
  followUpFields,
  followUpSettingsSchema,
  type FollowUpSettings,
  type SettingsField,
} from './follow-up';

/** A tool's page address with its placeholder, e.g. `https://dde.intranet.example/dossier/{ftId}`. */
const template = (label: string, placeholder?: string) =>
  z
    .string({ error: `${label} : une adresse est attendue.` })
    .trim()
    .max(2000, { error: `${label} : 2000 caractères au plus.` })
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), { error: `${label} : une adresse http(s)://… est attendue.` })
    .refine((v) => !placeholder || v.includes(placeholder), { error: `${label} : l'adresse doit contenir ${placeholder}.` });

const policyFields = {
  serverUrl: serverUrlSchema,
  oidcIssuer: issuerSchema,
  oidcClientId: z.string({ error: 'Identifiant client : du texte est attendu.' }).trim().min(1, { error: 'Identifiant client : valeur vide.' }).max(200),
  oidcResource: resourceSchema.refine((v) => v !== undefined, { error: 'Ressource (audience) : valeur vide.' }),
  oidcScopes: scopesSchema,
  jobSeekerUrlTemplate: template('Adresse du dossier demandeur', '{ftId}'),
  establishmentUrlTemplate: template("Adresse de la fiche d'établissement", '{siret}'),
  composeUrl: template('Adresse de la page « nouveau message »'),
  ...followUpFields,
  secondFollowUpDays: followUpFields.secondFollowUpDays.unwrap(),
};

export type PolicyKey = keyof typeof policyFields;
export type Policy = { [K in PolicyKey]?: z.output<(typeof policyFields)[K]> };
export const POLICY_KEYS = Object.keys(policyFields) as PolicyKey[];

/** The legacy tools whose pages the URL templates open, named as their content scripts. */
export type ToolTemplateKey = 'jobSeekerUrlTemplate' | 'establishmentUrlTemplate' | 'composeUrl';
export const TEMPLATE_TOOL: Record<ToolTemplateKey, 'dossier-demandeur' | 'fiche-entreprise' | 'messagerie'> = {
  jobSeekerUrlTemplate: 'dossier-demandeur',
  establishmentUrlTemplate: 'fiche-entreprise',
  composeUrl: 'messagerie',
};

export interface ParsedPolicy {
  policy: Policy;
  /** One line in French per key left out. */
  warnings: string[];
}

const FOLLOW_UP_KEYS: SettingsField[] = ['firstFollowUpDays', 'secondFollowUpDays', 'autoCloseDays'];

/**
 * Reads the managed storage. `toolMatches` are the build's content-script match patterns per tool: a URL
 * template outside them would open pages Profilence cannot read, so it is left out (docs/deploy.md, section 2).
 */
export function parsePolicy(raw: unknown, toolMatches?: Partial<Record<string, string[]>>): ParsedPolicy {
  const source = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const policy: Record<string, unknown> = {};
  const warnings: string[] = [];
  for (const [key, value] of Object.entries(source)) {
    if (!(key in policyFields)) {
      warnings.push(`Stratégie : clé inconnue « ${key} », ignorée.`);
      continue;
    }
    const parsed = policyFields[key as PolicyKey].safeParse(value);
    if (!parsed.success) {
      warnings.push(`Stratégie « ${key} » ignorée : ${parsed.error.issues[0]?.message ?? 'valeur invalide.'}`);
      continue;
    }
    const tool = TEMPLATE_TOOL[key as ToolTemplateKey];
    const patterns = tool ? toolMatches?.[tool] : undefined;
    if (patterns?.length && !patterns.some((p) => new MatchPattern(p).includes(parsed.data as string))) {
      warnings.push(`Stratégie « ${key} » ignorée : l'adresse n'est pas sur les origines de l'outil fixées à la construction (${patterns.join(', ')}).`);
      continue;
    }
    policy[key] = parsed.data;
  }
  // The delays must follow each other, counting the build's defaults for those the policy leaves open.
  const delays = FOLLOW_UP_KEYS.filter((k) => k in policy);
  if (delays.length > 0 && !followUpSettingsSchema.safeParse({ ...DEFAULT_FOLLOW_UP_SETTINGS, ...pick(policy, delays) }).success) {
    for (const k of delays) delete policy[k];
    warnings.push(`Stratégie : délais de relance ignorés (${delays.join(', ')}), ils doivent se suivre : première relance, deuxième, puis clôture.`);
  }
  return { policy: policy as Policy, warnings };
}

const pick = (o: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]));

/** The follow-up settings fields the policy sets: shown locked in the options. */
export const lockedFollowUpFields = (policy: Policy): SettingsField[] =>
  (['firstFollowUpDays', 'secondFollowUpDays', 'autoCloseDays', 'workingDays', 'notifications'] as const).filter((k) => policy[k] !== undefined);

/**
 * Policy > options > build defaults for the follow-up settings. When the counsellor's delays no longer follow
 * the policy's, the build's defaults fill the fields the policy leaves open (the policy's delays are coherent
 * with them, checked by `parsePolicy`).
 */
export function applyFollowUpPolicy(stored: FollowUpSettings, policy: Policy): FollowUpSettings {
  const set = pick(policy as Record<string, unknown>, lockedFollowUpFields(policy)) as Partial<FollowUpSettings>;
  const merged = { ...stored, ...set };
  if (followUpSettingsSchema.safeParse(merged).success) return merged;
  const { workingDays, notifications } = stored;
  return { ...DEFAULT_FOLLOW_UP_SETTINGS, workingDays, notifications, ...set };
}

/**
 * What the options page saves: the counsellor's values, never the policy's. A locked field keeps the
 * counsellor's earlier value, unless that would make the saved delays contradict each other (then the
 * effective value is kept, so that nothing the counsellor typed is lost).
 */
export function followUpToStore(edited: FollowUpSettings, previous: FollowUpSettings, policy: Policy): FollowUpSettings {
  const locked = lockedFollowUpFields(policy);
  const kept: Record<string, unknown> = { ...edited };
  for (const k of locked) {
    if (previous[k] === undefined) delete kept[k];
    else kept[k] = previous[k];
  }
  return followUpSettingsSchema.safeParse(kept).success ? (kept as unknown as FollowUpSettings) : edited;
}
