import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../lib/sync';

describe('backoff with full jitter', () => {
  const policy = { baseMs: 1000, capMs: 60_000 };

  it('doubles the ceiling with each failure, up to the cap', () => {
    const top = () => 0.999999;
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map((a) => Math.round(backoffDelay(a, top, policy) / 1000))).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it('draws anywhere between zero and the ceiling, from the injected random', () => {
    expect(backoffDelay(3, () => 0, policy)).toBe(0);
    expect(backoffDelay(3, () => 0.5, policy)).toBe(4000);
    expect(backoffDelay(3, () => 0.25, policy)).toBe(2000);
  });

  it('is deterministic for a given random sequence, and stays in range for any draw', () => {
    let seed = 42;
    const lcg = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const first = Array.from({ length: 10 }, (_, a) => backoffDelay(a, lcg, policy));
    seed = 42;
    expect(Array.from({ length: 10 }, (_, a) => backoffDelay(a, lcg, policy))).toEqual(first);
    for (const r of [0, 0.3, 0.999999, 1, 1.5, -1]) {
      const d = backoffDelay(10, () => r, policy);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(60_000);
    }
  });
});
