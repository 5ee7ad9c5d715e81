/**
 * A pushed mutation as the server receives it (name and args unchecked): known name, consent first, only
 * editable fields in an update, then the schema. The args schemas drop unknown keys, so a change of an
 * identity field (SIRET, ftId) is caught on the raw args before it would silently vanish.
 */
import type { z } from 'zod';
import { companyNeedEditableSchema } from '../need';
import { poolEntryEditableSchema } from '../pool';
import { promotionDescriptiveSchema } from '../promotion';
import { mutationArgsSchemas, type EntityKind, type MutationName } from '../sync';
import { rejected, type MutationCall, type Refused } from './context';
import { MUTATION_MESSAGES } from './messages';

export const EDITABLE_FIELDS: Record<EntityKind, readonly string[]> = {
  promotion: Object.keys(promotionDescriptiveSchema.shape),
  need: Object.keys(companyNeedEditableSchema.shape),
  pool: Object.keys(poolEntryEditableSchema.shape),
  // An alias is never edited: it is revoked (`alias.revoke`) and taught again.
  alias: [],
};

export const isMutationName = (name: string): name is MutationName => Object.prototype.hasOwnProperty.call(mutationArgsSchemas, name);

/** Whether the raw args say the job seeker consented; `undefined` for a mutation that carries no consent. */
function consentGranted(name: MutationName, args: unknown): boolean | undefined {
  const a = args as { jobSeeker?: { promotionConsent?: { granted?: unknown } }; promotionConsent?: { granted?: unknown } } | null;
  if (name === 'promotion.create') return a?.jobSeeker?.promotionConsent?.granted === true;
  if (name === 'pool.add') return a?.promotionConsent?.granted === true;
  return undefined;
}

export interface ParseOptions {
  /** Zod error map giving the messages in French. */
  error?: z.core.$ZodErrorMap;
  /** The schema's issues as one sentence for the counsellor. */
  describe: (issues: readonly z.core.$ZodIssue[]) => string;
}

/**
 * `schemaResult`: the args' schema already checked by the caller on these very args, with the same error map (the
 * server's guards do, before this): the schema, the costliest step of a push, then runs once.
 */
export function parseMutation(
  name: string,
  args: unknown,
  options: ParseOptions,
  schemaResult?: z.ZodSafeParseResult<unknown>,
): { call: MutationCall } | Refused {
  if (!isMutationName(name)) return rejected('unknown_mutation', MUTATION_MESSAGES.unknown(name));
  const parsed = schemaResult ?? (mutationArgsSchemas[name] as z.ZodType).safeParse(args, options.error ? { error: options.error } : undefined);
  // Consent first: whatever else is wrong, a profile without consent is never promoted.
  if (consentGranted(name, args) === false) return rejected('consent_missing', MUTATION_MESSAGES.consent);
  if (name.endsWith('.update')) {
    const changes = (args as { changes?: unknown } | null)?.changes;
    const kind = name.split('.')[0] as EntityKind;
    const notEditable = changes && typeof changes === 'object' ? Object.keys(changes).filter((k) => !EDITABLE_FIELDS[kind].includes(k)) : [];
    if (notEditable.length) return rejected('invalid', MUTATION_MESSAGES.notEditable(notEditable));
  }
  if (!parsed.success) return rejected('invalid', options.describe(parsed.error.issues));
  return { call: { name, args: parsed.data } as MutationCall };
}
