import { describe, expect, it } from 'vitest';
import { RateLimiterPolicySchema } from '@faultline/schemas';
// The one import of the class under test: if it moves, only this line changes.
import { RateLimiter } from './rate-limiter.ts';

// Resilience4j's rate limiter (SPEC §3.4): `acquire(now)` gives the wait before the permit (0 at
// once) or -1 when the request is refused.
const limiter = (limitForPeriod: number, refreshPeriodMs: number, timeoutMs: number) =>
  new RateLimiter(
    RateLimiterPolicySchema.parse({ type: 'rate-limiter', params: { limitForPeriod, refreshPeriodMs, timeoutMs } }),
  );
const acquireAll = (l: RateLimiter, now: number, n: number) => Array.from({ length: n }, () => l.acquire(now));

describe('RateLimiter', () => {
  it('gives limitForPeriod permits per period, and refuses the rest without a timeout', () => {
    const l = limiter(2, 1_000, 0);
    expect(acquireAll(l, 0, 3)).toEqual([0, 0, -1]);
    expect(l.acquire(999)).toBe(-1);
    // The permits are refreshed at the period's boundary.
    expect(acquireAll(l, 1_000, 3)).toEqual([0, 0, -1]);
    expect(acquireAll(l, 2_500, 3)).toEqual([0, 0, -1]);
  });

  it('does not bank the permits of idle periods', () => {
    const l = limiter(2, 1_000, 0);
    expect(acquireAll(l, 10_000, 3)).toEqual([0, 0, -1]);
  });

  it('a request waits for a later period’s permit when it comes within timeoutMs', () => {
    const l = limiter(1, 1_000, 1_000);
    expect(l.acquire(0)).toBe(0);
    // Next period's permit, 800 ms away: reserved.
    expect(l.acquire(200)).toBe(800);
    // The one after, 1,700 ms away: too late.
    expect(l.acquire(300)).toBe(-1);
    // At 1 s the permit of period 1 is taken; period 2's is 1,000 ms away: just in time.
    expect(l.acquire(1_000)).toBe(1_000);
    expect(l.acquire(1_001)).toBe(-1);
  });

  it('reservations take later periods’ permits in turn', () => {
    const l = limiter(2, 100, 1_000);
    expect(acquireAll(l, 0, 7)).toEqual([0, 0, 100, 100, 200, 200, 300]);
    // Period 3 (300 ms) has one permit left.
    expect(acquireAll(l, 250, 2)).toEqual([50, 150]);
  });
});
