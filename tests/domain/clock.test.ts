import { describe, expect, it } from 'vitest';
import { clockProblem, datesOf, isTooFarAhead } from '../../lib/domain/clock';

const NOW = new Date('2025-03-12T09:00:00Z');

describe('clock sanity', () => {
  it('refuses more than ten minutes ahead, whatever the offset, and takes a clock a little fast', () => {
    expect(isTooFarAhead('2025-03-12T09:10:00Z', NOW)).toBe(false);
    expect(isTooFarAhead('2025-03-12T09:10:01Z', NOW)).toBe(true);
    expect(isTooFarAhead('2025-03-12T10:09:00+01:00', NOW)).toBe(false);
    expect(isTooFarAhead('2025-03-12T10:11:00+01:00', NOW)).toBe(true);
    expect(isTooFarAhead('2020-01-01T00:00:00Z', NOW)).toBe(false);
    expect(isTooFarAhead('pas une date', NOW)).toBe(false);
  });

  it('reads the dates that say when something happened, not those that look ahead on purpose', () => {
    const promotion = { createdAt: 'a', events: [{ at: 'b' }, { at: 'c' }], jobSeeker: { promotionConsent: { since: 'd' } } };
    expect(datesOf('promotion.create', promotion).map((d) => d.at)).toEqual(['a', 'b', 'c']);
    expect(datesOf('promotion.addEvent', { at: 'e' }).map((d) => d.at)).toEqual(['e']);
    expect(datesOf('need.create', { createdAt: 'f', expiresAt: 'g' }).map((d) => d.at)).toEqual(['f']);
    expect(datesOf('pool.add', { createdAt: 'h', availability: { from: 'i' } }).map((d) => d.at)).toEqual(['h']);
    expect(datesOf('jobseeker.consentWithdrawn', { at: 'j' }).map((d) => d.at)).toEqual(['j']);
    expect(datesOf('need.update', { changes: { expiresAt: 'k' } })).toEqual([]);
    expect(datesOf('pool.add', null)).toEqual([]);
  });

  it('says which date is wrong, in French', () => {
    expect(clockProblem([{ label: 'date de création', at: '2099-01-01T00:00:00Z' }], NOW)).toBe(
      "Date dans le futur (date de création : 2099-01-01T00:00:00Z) : vérifiez l'heure de votre poste, puis enregistrez à nouveau.",
    );
    expect(clockProblem([{ label: 'date de création', at: '2025-03-12T09:05:00Z' }], NOW)).toBeUndefined();
  });
});
