/**
 * Reader aliases: `alias.create`, `alias.revoke`, `alias.matched`. A create of a known id with the same tool,
 * field and label is a replay; a revocation is final (a second one changes nothing); a match only moves
 * `lastMatchedAt` forward, so reports from several installs merge whatever order they arrive in.
 */
import type { ReaderAlias } from '../reader-alias';
import { DELETED, rejected, runChecks, type Existing, type MutationArgs, type MutationContext, type Reduced } from './context';
import { reduceCreate } from './create';
import { MUTATION_MESSAGES } from './messages';

const sameAlias = (stored: ReaderAlias, incoming: ReaderAlias) =>
  stored.agencyCode === incoming.agencyCode && stored.tool === incoming.tool && stored.field === incoming.field && stored.label === incoming.label;

export function reduceAliasCreate<A extends ReaderAlias>(existing: Existing<A>, args: A, ctx: MutationContext): Reduced<A> {
  return reduceCreate('alias', existing, { name: 'alias.create', args }, ctx, sameAlias);
}

export function reduceAliasRevoke<A extends ReaderAlias>(existing: Existing<A>, args: MutationArgs<'alias.revoke'>, ctx: MutationContext): Reduced<A> {
  if (existing === undefined || existing === DELETED) return rejected('not_found', MUTATION_MESSAGES.notFound('alias'));
  if (existing.revokedAt !== undefined) return { outcome: 'unchanged', record: existing };
  const changes = { revokedAt: args.at, revokedBy: args.by, ...(args.byName === undefined ? {} : { revokedByName: args.byName }) };
  const record = { ...existing, ...changes };
  return runChecks({ name: 'alias.revoke', args, before: existing, after: record }, ctx) ?? { outcome: 'changed', record, changes };
}

export function reduceAliasMatched<A extends ReaderAlias>(existing: Existing<A>, args: MutationArgs<'alias.matched'>, ctx: MutationContext): Reduced<A> {
  if (existing === undefined || existing === DELETED) return rejected('not_found', MUTATION_MESSAGES.notFound('alias'));
  if (existing.lastMatchedAt !== undefined && Date.parse(existing.lastMatchedAt) >= Date.parse(args.at)) return { outcome: 'unchanged', record: existing };
  const changes = { lastMatchedAt: args.at };
  const record = { ...existing, ...changes };
  return runChecks({ name: 'alias.matched', args, before: existing, after: record }, ctx) ?? { outcome: 'changed', record, changes };
}
