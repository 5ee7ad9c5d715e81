import { describe, expect, it } from 'vitest';
import {
  editProblem,
  eventProblem,
  keepStoredAuthors,
  LEGACY_AUTO_AUTHOR,
  mayEdit,
  mayRecordEvent,
  mayWithdrawConsent,
  stampAuthor,
  type Actor,
} from '../../lib/domain/authorship';
import { PROMOTION_EVENT_TYPES } from '../../lib/domain/promotion';

const jeanne: Actor = { sub: 'jeanne.martin', name: 'Jeanne MARTIN', roles: [] };
const paul: Actor = { sub: 'paul.bernard', name: 'Paul BERNARD', roles: [] };
const manager: Actor = { sub: 'claire.durand', name: 'Claire DURAND', roles: ['manager'] };
const national: Actor = { sub: 'nadia.national', roles: ['national'] };

describe('authorship rules', () => {
  it('lets the author and a manager edit, not a colleague nor the national team', () => {
    expect([jeanne, paul, manager, national].map((a) => mayEdit(a, 'jeanne.martin'))).toEqual([true, false, true, false]);
    expect(editProblem(paul, 'need', 'jeanne.martin')).toMatch(/Seul l'auteur de ce besoin ou un responsable d'agence/);
    expect(editProblem(paul, 'pool', 'jeanne.martin')).toMatch(/vivier/);
    expect(editProblem(jeanne, 'promotion', 'jeanne.martin')).toBeUndefined();
    // A record whose author is unknown can still be edited by a manager, by nobody else.
    expect([mayEdit(jeanne, undefined), mayEdit(manager, undefined)]).toEqual([false, true]);
  });

  it('lets any counsellor record follow-up events on a colleague’s promotion, but not « withdrawn »', () => {
    const allowed = PROMOTION_EVENT_TYPES.filter((type) => mayRecordEvent(paul, 'jeanne.martin', type));
    expect(allowed).toEqual(PROMOTION_EVENT_TYPES.filter((t) => t !== 'withdrawn'));
    expect(mayRecordEvent(manager, 'jeanne.martin', 'withdrawn')).toBe(true);
    expect(mayRecordEvent(jeanne, 'jeanne.martin', 'withdrawn')).toBe(true);
    expect(eventProblem(paul, 'jeanne.martin', 'withdrawn')).toMatch(/retirer/);
    expect([jeanne, paul, manager, national].every(mayWithdrawConsent)).toBe(true);
  });
});

describe('stamping the author', () => {
  it('overwrites every author field with the sub and the name, the sub standing in for a missing name', () => {
    const promotion = { id: 'p', counsellorId: 'Jeanne M.', counsellorName: 'Claire', events: [{ id: 'e', type: 'sent', by: 'x', byName: 'y' }] };
    expect(stampAuthor('promotion.create', promotion, jeanne)).toEqual({
      id: 'p',
      counsellorId: 'jeanne.martin',
      counsellorName: 'Jeanne MARTIN',
      events: [{ id: 'e', type: 'sent', by: 'jeanne.martin', byName: 'Jeanne MARTIN' }],
    });
    expect(stampAuthor('promotion.addEvent', { id: 'e', type: 'note', by: 'x' }, national)).toEqual({
      id: 'e',
      type: 'note',
      by: 'nadia.national',
      byName: 'nadia.national',
    });
    expect(stampAuthor('need.create', { createdBy: 'x' }, paul)).toEqual({ createdBy: 'paul.bernard', createdByName: 'Paul BERNARD' });
    expect(stampAuthor('pool.add', { addedBy: 'x' }, paul)).toEqual({ addedBy: 'paul.bernard', addedByName: 'Paul BERNARD' });
    // Nothing to stamp, or nothing stampable: left to the schema.
    const update = { id: 'p', baseVersion: 1, changes: { counsellorId: 'x' } };
    expect(stampAuthor('promotion.update', update, jeanne)).toBe(update);
    expect(stampAuthor('pool.add', 'not an object', jeanne)).toBe('not an object');
  });

  it('recognises the automatic close of older extensions and flags it', () => {
    const event = { id: 'e', type: 'no_response', by: LEGACY_AUTO_AUTHOR };
    expect(stampAuthor('promotion.addEvent', event, jeanne)).toEqual({ id: 'e', type: 'no_response', by: 'jeanne.martin', byName: 'Jeanne MARTIN', auto: true });
    expect(stampAuthor('promotion.addEvent', { ...event, type: 'note' }, jeanne)).not.toHaveProperty('auto');
  });

  it('keeps the stored authors on a replay, the caller’s only on new events', () => {
    const stored = { counsellorId: 'jeanne.martin', counsellorName: 'Jeanne MARTIN', events: [{ id: 'e1', by: 'jeanne.martin', byName: 'Jeanne MARTIN' }] };
    const replay = stampAuthor('promotion.create', { counsellorId: 'x', events: [{ id: 'e1', by: 'x' }, { id: 'e2', by: 'x' }] }, paul);
    expect(keepStoredAuthors('promotion', replay, stored)).toEqual({
      counsellorId: 'jeanne.martin',
      counsellorName: 'Jeanne MARTIN',
      events: [
        { id: 'e1', by: 'jeanne.martin', byName: 'Jeanne MARTIN' },
        { id: 'e2', by: 'paul.bernard', byName: 'Paul BERNARD' },
      ],
    });
    // A record stored before display names existed stays without one.
    expect(keepStoredAuthors('need', { createdBy: 'paul.bernard', createdByName: 'Paul BERNARD' }, { createdBy: 'jeanne.martin' })).toEqual({
      createdBy: 'jeanne.martin',
    });
  });
});
