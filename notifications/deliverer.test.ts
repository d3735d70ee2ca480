import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from './deliverer.js';

describe('backoffDelay', () => {
  const b = { initialMs: 1_000, maxMs: 60_000, factor: 2, jitter: 0.2 };

  it('grows by the factor from the initial delay, capped at the maximum (no jitter at random = 0)', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelay(n, b, () => 0))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
  });

  it('jitter takes off at most its fraction', () => {
    expect(backoffDelay(1, b, () => 1)).toBe(800);
    expect(backoffDelay(3, b, () => 0.5)).toBe(3_600);
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(2, b);
      expect(d).toBeGreaterThanOrEqual(1_600);
      expect(d).toBeLessThanOrEqual(2_000);
    }
  });

  it('with factor ≥ 1 / (1 - jitter) each delay is longer than the one before, whatever the jitter', () => {
    for (let n = 1; n < 6; n++) expect(backoffDelay(n + 1, b, () => 1)).toBeGreaterThan(backoffDelay(n, b, () => 0));
  });

  it('the defaults: 8 attempts spread over about an hour', () => {
    const total = [1, 2, 3, 4, 5, 6, 7].reduce((sum, n) => sum + backoffDelay(n, DEFAULT_BACKOFF, () => 0), 0);
    expect(total).toBeGreaterThan(45 * 60_000);
    expect(total).toBeLessThan(75 * 60_000);
  });
});
