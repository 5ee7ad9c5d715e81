import { describe, expect, it } from 'vitest';
import { agentFromIdentity, authorLabel, isAuthor, LOCAL_AGENT_ID } from '../../lib/domain/agent';

describe('who did it', () => {
  it('takes the signed-in account, or the local placeholder when never signed in', () => {
    expect(agentFromIdentity({ sub: 'jeanne.martin', name: ' Jeanne MARTIN ' })).toEqual({ id: 'jeanne.martin', name: 'Jeanne MARTIN' });
    expect(agentFromIdentity(undefined)).toEqual({ id: LOCAL_AGENT_ID });
    // The endpoint repeats the sub when the identity provider gave no name: not a name to show.
    expect(agentFromIdentity({ sub: 'a1b2c3', name: 'a1b2c3' })).toEqual({ id: 'a1b2c3' });
  });

  it('shows the display name, « vous » for the placeholder, and older records as they were written', () => {
    expect(authorLabel('jeanne.martin', 'Jeanne MARTIN')).toBe('Jeanne MARTIN');
    expect(authorLabel(LOCAL_AGENT_ID, undefined)).toBe('vous');
    expect(authorLabel('Paul BERNARD', undefined)).toBe('Paul BERNARD');
  });

  it('recognises the author by account, and older records by the account holder’s name', () => {
    const jeanne = { id: 'jeanne.martin', name: 'Jeanne MARTIN' };
    expect(isAuthor(jeanne, 'jeanne.martin', 'Jeanne MARTIN')).toBe(true);
    expect(isAuthor(jeanne, 'Jeanne MARTIN', undefined)).toBe(true);
    // A colleague with the same display name is another account.
    expect(isAuthor(jeanne, 'jeanne.martin2', 'Jeanne MARTIN')).toBe(false);
    expect(isAuthor(jeanne, 'Paul BERNARD', undefined)).toBe(false);
  });
});
