/**
 * The reducers' extension point: a writer's rule (the server's authorship, clock, anonymity) is asked about every
 * mutation that would change a record, sees the record before and after and the writer, and its refusal is the
 * answer. A write that changes nothing (a replayed event, a field set to its own value) is not put to it.
 */
import { describe, expect, it } from 'vitest';
import {
  reduceConsentWithdrawal,
  reducePromotionCreate,
  reducePromotionEvent,
  reducePromotionUpdate,
  type MutationCheck,
  type MutationContext,
  type PromotionRecord,
  type WriteAttempt,
} from '../../lib/domain/mutations';
import { makeEvent, makePromotion } from '../server/fixtures';

const actor = { sub: 'paul.bernard', roles: [], agencyCode: '69031' };

function recording(refuse: (attempt: WriteAttempt) => boolean): { ctx: MutationContext; seen: WriteAttempt[] } {
  const seen: WriteAttempt[] = [];
  const check: MutationCheck = (attempt, ctx) => {
    seen.push(attempt);
    expect(ctx.actor).toEqual(actor);
    return refuse(attempt) ? { code: 'forbidden', message: 'Réservé à son auteur.' } : undefined;
  };
  return { ctx: { now: new Date(), actor, checks: [check] }, seen };
}

describe('the check step of the mutation reducers', () => {
  it('refuses an update the rule refuses, with its code and message, and shows it the record before and after', () => {
    const stored: PromotionRecord = makePromotion({ counsellorId: 'jeanne.martin' });
    const { ctx, seen } = recording((a) => a.name === 'promotion.update' && a.before?.counsellorId !== actor.sub);
    const result = reducePromotionUpdate(stored, { id: stored.id, baseVersion: 1, changes: { pitch: 'Texte de Paul.' } }, ctx);
    expect(result).toEqual({ outcome: 'rejected', code: 'forbidden', message: 'Réservé à son auteur.' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ name: 'promotion.update', before: { pitch: stored.pitch }, after: { pitch: 'Texte de Paul.' } });
  });

  it('lets through what the rule accepts, and does not ask about a write that changes nothing', () => {
    const stored: PromotionRecord = makePromotion();
    const event = makeEvent(stored.id);
    const { ctx, seen } = recording(() => false);
    const added = reducePromotionEvent(stored, event, ctx);
    expect(added.outcome).toBe('changed');
    if (added.outcome !== 'changed') return;
    expect(reducePromotionEvent(added.record, event, ctx).outcome).toBe('unchanged');
    expect(reducePromotionUpdate(stored, { id: stored.id, baseVersion: 1, changes: { pitch: stored.pitch } }, ctx).outcome).toBe('unchanged');
    expect(seen.map((a) => a.name)).toEqual(['promotion.addEvent']);
  });

  it('asks about creates and consent withdrawals too', () => {
    const { ctx, seen } = recording(() => true);
    expect(reducePromotionCreate(undefined, makePromotion(), ctx)).toMatchObject({ outcome: 'rejected', code: 'forbidden' });
    const withdrawal = reduceConsentWithdrawal({ promotions: [], poolEntries: [] }, { ftId: '1234567A', at: new Date().toISOString() }, 'pseudo:local-test', ctx);
    expect(withdrawal).toMatchObject({ outcome: 'rejected', code: 'forbidden' });
    expect(seen.map((a) => a.name)).toEqual(['promotion.create', 'jobseeker.consentWithdrawn']);
  });
});
