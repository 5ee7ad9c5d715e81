/**
 * Promotions: `promotion.create`, `promotion.addEvent`, `promotion.update`. Events are a set by id, merged by
 * union and never refused for the status they arrive in (the status is derived from them, inconsistencies
 * flagged); a create of a known promotion is a merge, so a history pushed again from a new install is no error.
 */
import { isPseudonym, isPseudonymised, pseudonymisedPromotion, readBeforeWithdrawal, scrubEvent } from '../consent';
import type { Promotion, PromotionEvent } from '../promotion';
import type { OrderedEvent } from '../status';
import {
  DELETED,
  rejected,
  runChecks,
  type Existing,
  type MutationArgs,
  type MutationContext,
  type PromotionRecord,
  type Reduced,
} from './context';
import { MAX_EVENTS, MUTATION_MESSAGES } from './messages';
import { reduceUpdate } from './update';
import { agencyRefusal } from './agency';
import { writtenBefore } from './consent-withdrawal';

/** `incoming` events not yet in `record`, by id; on a pseudonymised promotion their notes are effaced. */
function newEvents(record: PromotionRecord, incoming: readonly OrderedEvent[]): OrderedEvent[] {
  const known = new Set(record.events.map((e) => e.id));
  const added: OrderedEvent[] = [];
  for (const event of incoming) {
    if (known.has(event.id)) continue;
    known.add(event.id);
    added.push(isPseudonymised(record) ? scrubEvent(event) : event);
  }
  return added;
}

/** The events of `record` with `added` after them, or a refusal past the limit. */
function withEvents<P extends PromotionRecord>(record: P, added: readonly OrderedEvent[]): Reduced<P> {
  if (record.events.length + added.length > MAX_EVENTS) return rejected('invalid', MUTATION_MESSAGES.tooManyEvents);
  return { outcome: 'changed', record: { ...record, events: [...record.events, ...added] }, changes: { events: added } };
}

/**
 * The same promotion: same agency, same establishment, same job seeker. A pseudonymised side cannot be compared
 * on the person (that is the point of the pseudonym): agency and establishment then decide.
 */
function sameIdentity(a: PromotionRecord, b: PromotionRecord): boolean {
  const person = a.jobSeeker.ftId === b.jobSeeker.ftId || isPseudonym(a.jobSeeker.ftId) || isPseudonym(b.jobSeeker.ftId);
  return a.agencyCode === b.agencyCode && a.establishment.siret === b.establishment.siret && person;
}

export function reducePromotionCreate<P extends PromotionRecord>(
  existing: Existing<P>,
  args: Promotion,
  ctx: MutationContext,
): Reduced<P> {
  if (args.events.some((e) => e.promotionId !== args.id)) return rejected('invalid', MUTATION_MESSAGES.eventElsewhere);
  if (isPseudonym(args.jobSeeker.ftId)) return rejected('invalid', MUTATION_MESSAGES.pseudonymCreate);
  const agency = agencyRefusal(args, ctx);
  if (agency) return agency;
  if (existing === DELETED) return rejected('conflict', MUTATION_MESSAGES.deleted('promotion'));

  // Events are a set by id: a repeated id counts once.
  const deduplicated = { ...args, events: [...new Map(args.events.map((e) => [e.id, e])).values()] };
  // Made before the job seeker withdrew their consent, arrived after: kept for the statistics, pseudonymised.
  const withdrawal = ctx.withdrawalOf?.(args.jobSeeker.ftId);
  // Made after the withdrawal from a reading older than it (a tab left open, a colleague's install): refused.
  if (withdrawal && readBeforeWithdrawal(args, withdrawal.at)) return rejected('consent_missing', MUTATION_MESSAGES.readBeforeWithdrawal);
  const incoming = withdrawal && writtenBefore(args.createdAt, withdrawal.at) ? pseudonymisedPromotion(deduplicated, withdrawal.pseudonym) : deduplicated;

  if (existing) {
    // A create pushed again (another install, a reinstall): the stored fields stay, its events merge.
    if (!sameIdentity(existing, incoming)) return rejected('conflict', MUTATION_MESSAGES.createConflict('promotion'));
    const added = newEvents(existing, incoming.events);
    if (added.length === 0) return { outcome: 'unchanged', record: existing };
    const merged = withEvents(existing, added);
    if (merged.outcome !== 'changed') return merged;
    return runChecks({ name: 'promotion.create', args, before: existing, after: merged.record }, ctx) ?? merged;
  }
  const record = incoming as P;
  return runChecks({ name: 'promotion.create', args, after: record }, ctx) ?? { outcome: 'created', record };
}

/** An event is added once (a known id changes nothing), whatever the status: a late one is kept and flagged. */
export function reducePromotionEvent<P extends PromotionRecord>(
  existing: Existing<P>,
  event: PromotionEvent,
  ctx: MutationContext,
): Reduced<P> {
  if (existing === undefined || existing === DELETED) return rejected('not_found', MUTATION_MESSAGES.notFound('promotion'));
  const added = newEvents(existing, [event]);
  if (added.length === 0) return { outcome: 'unchanged', record: existing };
  const result = withEvents(existing, added);
  if (result.outcome !== 'changed') return result;
  return runChecks({ name: 'promotion.addEvent', args: event, before: existing, after: result.record }, ctx) ?? result;
}

export function reducePromotionUpdate<P extends PromotionRecord>(
  existing: Existing<P>,
  args: MutationArgs<'promotion.update'>,
  ctx: MutationContext,
): Reduced<P> {
  return reduceUpdate('promotion', existing, { name: 'promotion.update', args }, ctx, (record, changes) =>
    // The pitch describes the person: once they withdrew their consent it stays empty.
    isPseudonymised(record) && typeof changes.pitch === 'string' && changes.pitch !== ''
      ? rejected('consent_missing', MUTATION_MESSAGES.pitchAfterWithdrawal)
      : undefined,
  );
}
