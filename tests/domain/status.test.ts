import { describe, expect, it } from 'vitest';
import { PROMOTION_EVENT_TYPES, type PromotionEventType } from '../../lib/domain/promotion';
import {
  canApply,
  compareEvents,
  deriveStatus,
  FINAL_STATUSES,
  isFinal,
  type OrderedEvent,
  type PromotionStatus,
} from '../../lib/domain/status';

const PROMOTION_ID = '01930000-0000-7000-8000-000000000000';
let counter = 0;

/** An event `day` days into November 2026 (hours allowed as a fraction). */
function ev(type: PromotionEventType, day: number, extra: Partial<OrderedEvent> = {}): OrderedEvent {
  counter += 1;
  const at = new Date(Date.UTC(2026, 10, 1) + day * 86_400_000).toISOString();
  return {
    id: `01930000-0000-7000-8000-${String(counter).padStart(12, '0')}`,
    promotionId: PROMOTION_ID,
    type,
    at,
    by: 'Jeanne MARTIN',
    ...(type === 'declined' ? { reason: 'no_position' as const } : {}),
    ...extra,
  };
}

const statusOf = (...events: OrderedEvent[]) => deriveStatus(events).status;

describe('deriveStatus: the transitions of docs/domain.md', () => {
  it('is a draft until the profile leaves', () => {
    expect(statusOf()).toBe('draft');
    expect(statusOf(ev('note', 1))).toBe('draft');
  });

  it('follows draft → sent → replied → interview', () => {
    const sent = ev('sent', 1);
    const replied = ev('employer_replied', 3);
    const interview = ev('interview', 5);
    expect(statusOf(sent)).toBe('sent');
    expect(statusOf(sent, replied)).toBe('replied');
    expect(statusOf(sent, replied, interview)).toBe('interview');
  });

  it.each([
    ['hired', 'hired'],
    ['profile_kept', 'kept'],
    ['declined', 'declined'],
    ['no_response', 'no_response'],
    ['withdrawn', 'withdrawn'],
  ] as const)('closes with %s → %s from sent, replied or interview', (type, status) => {
    const sent = ev('sent', 1);
    expect(statusOf(sent, ev(type, 2))).toBe(status);
    expect(statusOf(sent, ev('employer_replied', 2), ev(type, 3))).toBe(status);
    expect(statusOf(sent, ev('employer_replied', 2), ev('interview', 3), ev(type, 4))).toBe(status);
    expect(isFinal(status)).toBe(true);
  });

  it('lets a draft be withdrawn without flagging anything', () => {
    const derived = deriveStatus([ev('withdrawn', 1)]);
    expect(derived.status).toBe('withdrawn');
    expect(derived.flagged).toEqual([]);
  });

  it('does not change the status on a follow-up or a note', () => {
    const sent = ev('sent', 1);
    expect(statusOf(sent, ev('followed_up', 8))).toBe('sent');
    expect(statusOf(sent, ev('employer_replied', 3), ev('note', 4), ev('followed_up', 5))).toBe('replied');
  });

  it('never moves an open promotion backwards', () => {
    // A second reply after the interview was set keeps the interview.
    expect(statusOf(ev('sent', 1), ev('interview', 2), ev('employer_replied', 3))).toBe('interview');
  });

  it('records when the profile left and when the employer first answered', () => {
    const sent = ev('sent', 1);
    const reply = ev('employer_replied', 13);
    const derived = deriveStatus([sent, ev('followed_up', 10), reply, ev('interview', 20), ev('note', 21)]);
    expect(derived.sentAt).toBe(sent.at);
    expect(derived.firstReplyAt).toBe(reply.at);
    expect(derived.lastEventAt).toBe(ev('note', 21).at);
  });
});

describe('deriveStatus: final states', () => {
  it('keeps the final state and flags a late event for review instead of dropping it', () => {
    const late = ev('interview', 10);
    const derived = deriveStatus([ev('sent', 1), ev('hired', 5), late]);
    expect(derived.status).toBe('hired');
    expect(derived.flagged).toEqual([{ eventId: late.id, reason: 'after_final' }]);
    expect(derived.lastEventAt).toBe(late.at);
  });

  it.each(['hired', 'profile_kept', 'declined', 'withdrawn'] as const)('does not reopen %s, even for an employer event', (type) => {
    const sent = ev('sent', 1);
    const closing = ev(type, 2);
    for (const late of ['employer_replied', 'interview', 'hired', 'declined', 'followed_up', 'withdrawn'] as const) {
      const lateEvent = ev(late, 3);
      const derived = deriveStatus([sent, closing, lateEvent]);
      expect(derived.status).toBe(statusOf(sent, closing));
      expect(derived.flagged).toEqual([{ eventId: lateEvent.id, reason: 'after_final' }]);
    }
  });

  it('accepts a note after a final state without flagging it', () => {
    const derived = deriveStatus([ev('sent', 1), ev('declined', 2), ev('note', 3)]);
    expect(derived.status).toBe('declined');
    expect(derived.flagged).toEqual([]);
  });

  it('reopens a promotion closed for lack of answer when the employer speaks', () => {
    const base = [ev('sent', 1), ev('followed_up', 10), ev('no_response', 30)];
    expect(statusOf(...base)).toBe('no_response');
    expect(statusOf(...base, ev('employer_replied', 35))).toBe('replied');
    expect(statusOf(...base, ev('interview', 35))).toBe('interview');
    expect(statusOf(...base, ev('hired', 35))).toBe('hired');
    expect(statusOf(...base, ev('declined', 35))).toBe('declined');
    expect(statusOf(...base, ev('profile_kept', 35))).toBe('kept');
    const reply = ev('employer_replied', 35);
    expect(deriveStatus([...base, reply]).flagged).toEqual([]);
    expect(deriveStatus([...base, reply]).firstReplyAt).toBe(reply.at);
  });

  it('does not reopen a promotion closed for lack of answer on a counsellor event', () => {
    const base = [ev('sent', 1), ev('no_response', 30)];
    for (const type of ['followed_up', 'withdrawn', 'sent'] as const) {
      const late = ev(type, 31);
      const derived = deriveStatus([...base, late]);
      expect(derived.status).toBe('no_response');
      expect(derived.flagged).toEqual([{ eventId: late.id, reason: 'after_final' }]);
    }
  });

  it('flags an employer event recorded before the sending, and keeps it', () => {
    const reply = ev('employer_replied', 1);
    const derived = deriveStatus([reply, ev('sent', 2)]);
    expect(derived.flagged).toEqual([{ eventId: reply.id, reason: 'before_sent' }]);
    expect(derived.status).toBe('replied');
  });
});

describe('deriveStatus: order (at, server version, id)', () => {
  it('gives the same status whatever order the events arrive in', () => {
    const events = [ev('sent', 1), ev('employer_replied', 4), ev('interview', 9), ev('hired', 20)];
    const shuffled = [events[3]!, events[1]!, events[0]!, events[2]!];
    expect(statusOf(...shuffled)).toBe('hired');
    expect(deriveStatus(shuffled).flagged).toEqual([]);
    // Reversed, a naive fold would end on `sent`.
    expect(statusOf(...[...events].reverse())).toBe('hired');
  });

  it('orders by instant, not by how the offset is written', () => {
    // 10:00+02:00 is 08:00Z: the decline came after the hiring.
    const hired = ev('hired', 0, { at: '2026-06-10T09:00:00Z' });
    const declined = ev('declined', 0, { at: '2026-06-10T10:00:00+02:00' });
    const derived = deriveStatus([ev('sent', 0, { at: '2026-06-01T08:00:00Z' }), hired, declined]);
    expect(derived.status).toBe('declined');
    expect(derived.flagged).toEqual([{ eventId: hired.id, reason: 'after_final' }]);
  });

  it('breaks a tie on the instant with the server version, then the id', () => {
    const at = '2026-11-20T14:32:00+01:00';
    const sent = ev('sent', 0, { at: '2026-11-02T09:00:00Z' });
    const hired = ev('hired', 0, { at, version: 12, id: 'ffffffff-0000-7000-8000-000000000000' });
    const declined = ev('declined', 0, { at, version: 11, id: '00000000-0000-7000-8000-000000000000' });
    // Version 11 (declined) first: the hiring arrives after a final state.
    expect(statusOf(sent, hired, declined)).toBe('declined');
    expect(statusOf(sent, { ...hired, version: 10 }, declined)).toBe('hired');
    // Without versions the id decides.
    const { version: _h, ...hiredLocal } = hired;
    const { version: _d, ...declinedLocal } = declined;
    expect(statusOf(sent, hiredLocal, declinedLocal)).toBe('declined');
    expect(statusOf(sent, { ...hiredLocal, id: '00000000-0000-6000-8000-000000000000' }, declinedLocal)).toBe('hired');
  });

  it('uses the version for the same instant written with different offsets', () => {
    const sent = ev('sent', 0, { at: '2026-11-02T09:00:00Z' });
    const hired = ev('hired', 0, { at: '2026-11-20T13:32:00Z', version: 12, id: '00000000-0000-7000-8000-000000000001' });
    const declined = ev('declined', 0, { at: '2026-11-20T14:32:00+01:00', version: 11, id: 'ffffffff-0000-7000-8000-000000000001' });
    // Version 11 (declined) comes first, so hired arrives after a final state.
    expect(statusOf(sent, hired, declined)).toBe('declined');
    expect(statusOf(sent, declined, hired)).toBe('declined');
  });

  it('sorts events not yet synced after synced ones at the same instant', () => {
    const at = '2026-11-20T10:00:00Z';
    const synced = ev('note', 0, { at, version: 3, id: 'ffffffff-0000-7000-8000-000000000000' });
    const local = ev('note', 0, { at, id: '00000000-0000-7000-8000-000000000000' });
    expect(compareEvents(synced, local)).toBeLessThan(0);
    expect(compareEvents(local, synced)).toBeGreaterThan(0);
    expect(compareEvents(local, local)).toBe(0);
  });
});

describe('canApply', () => {
  const STATUSES: PromotionStatus[] = ['draft', 'sent', 'replied', 'interview', 'hired', 'kept', 'declined', 'no_response', 'withdrawn'];
  // What the interface offers in each status (✓), every other event refused.
  const ALLOWED: Record<PromotionStatus, PromotionEventType[]> = {
    draft: ['sent', 'withdrawn', 'note'],
    sent: ['followed_up', 'employer_replied', 'interview', 'profile_kept', 'hired', 'declined', 'no_response', 'withdrawn', 'note'],
    replied: ['followed_up', 'interview', 'profile_kept', 'hired', 'declined', 'no_response', 'withdrawn', 'note'],
    interview: ['followed_up', 'profile_kept', 'hired', 'declined', 'no_response', 'withdrawn', 'note'],
    hired: ['note'],
    kept: ['note'],
    declined: ['note'],
    withdrawn: ['note'],
    no_response: ['employer_replied', 'interview', 'profile_kept', 'hired', 'declined', 'note'],
  };

  it.each(STATUSES)('in status %s, offers exactly the expected events', (status) => {
    const offered = PROMOTION_EVENT_TYPES.filter((type) => canApply(status, type));
    expect(offered).toEqual(ALLOWED[status]);
  });

  it('agrees with deriveStatus: an event it allows is never flagged', () => {
    const reach: Record<PromotionStatus, OrderedEvent[]> = {
      draft: [],
      sent: [ev('sent', 1)],
      replied: [ev('sent', 1), ev('employer_replied', 2)],
      interview: [ev('sent', 1), ev('employer_replied', 2), ev('interview', 3)],
      hired: [ev('sent', 1), ev('hired', 2)],
      kept: [ev('sent', 1), ev('profile_kept', 2)],
      declined: [ev('sent', 1), ev('declined', 2)],
      no_response: [ev('sent', 1), ev('no_response', 2)],
      withdrawn: [ev('sent', 1), ev('withdrawn', 2)],
    };
    for (const status of STATUSES) {
      expect(statusOf(...reach[status])).toBe(status);
      for (const type of PROMOTION_EVENT_TYPES) {
        if (!canApply(status, type)) continue;
        const derived = deriveStatus([...reach[status], ev(type, 10)]);
        expect(derived.flagged, `${status} + ${type}`).toEqual([]);
      }
    }
  });

  it('lists the final states of domain.md', () => {
    expect([...FINAL_STATUSES].sort()).toEqual(['declined', 'hired', 'kept', 'no_response', 'withdrawn']);
  });
});
