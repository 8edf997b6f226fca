import { describe, expect, it } from 'vitest';
import { RetryPolicySchema } from '@faultline/schemas';
import { RandomStream } from '../../kernel/random.ts';
// The one import of the class under test: if it moves, only this line changes.
import { RetryPolicy } from './retry.ts';

// Retry backoff and its jitters (SPEC §3.4): `backoff(attempt, previous, random)` is the wait
// after attempt `attempt` (from 1); `previous` is the last wait, which decorrelated jitter uses.
type Backoff = { kind: 'fixed' | 'exponential'; initialMs: number; multiplier: number; maxMs: number };
type Jitter = 'none' | 'full' | 'equal' | 'decorrelated';
const policy = (backoff: Backoff, jitter: Jitter = 'none') =>
  new RetryPolicy(RetryPolicySchema.parse({ type: 'retry', params: { maxAttempts: 10, backoff, jitter } }));
const exponential: Backoff = { kind: 'exponential', initialMs: 100, multiplier: 2, maxMs: 500 };

const N = 20_000;
/** N waits, each after attempt `attempt` with the given previous wait. */
function draws(p: RetryPolicy, attempt: number, previous = 0): number[] {
  const random = new RandomStream(42, 'jitter');
  return Array.from({ length: N }, () => p.backoff(attempt, previous, random));
}
/** Uniform on [low, high): every draw inside, the extremes near its ends, the mean within 4 SE. */
function expectUniform(xs: number[], low: number, high: number): void {
  const width = high - low;
  expect(Math.min(...xs)).toBeGreaterThanOrEqual(low);
  expect(Math.max(...xs)).toBeLessThan(high);
  expect(Math.min(...xs)).toBeLessThan(low + width / 100);
  expect(Math.max(...xs)).toBeGreaterThan(high - width / 100);
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  expect(Math.abs(mean - (low + high) / 2)).toBeLessThan((4 * width) / Math.sqrt(12 * xs.length));
}

describe('RetryPolicy backoff', () => {
  it('fixed waits initialMs after every attempt, capped by maxMs', () => {
    const random = new RandomStream(1, 'jitter');
    const fixed = policy({ kind: 'fixed', initialMs: 100, multiplier: 3, maxMs: 1_000 });
    expect([1, 2, 3, 4].map((a) => fixed.backoff(a, 0, random))).toEqual([100, 100, 100, 100]);
    const capped = policy({ kind: 'fixed', initialMs: 100, multiplier: 1, maxMs: 40 });
    expect(capped.backoff(1, 0, random)).toBe(40);
  });

  it('exponential waits initialMs × multiplier^(attempt − 1), capped by maxMs', () => {
    const random = new RandomStream(1, 'jitter');
    const p = policy(exponential);
    expect([1, 2, 3, 4, 5].map((a) => p.backoff(a, 0, random))).toEqual([100, 200, 400, 500, 500]);
  });

  it('full jitter waits uniformly in [0, base)', () => {
    expectUniform(draws(policy(exponential, 'full'), 3), 0, 400);
  });

  it('equal jitter waits uniformly in [base / 2, base)', () => {
    expectUniform(draws(policy(exponential, 'equal'), 3), 200, 400);
  });

  it('decorrelated jitter waits uniformly in [initialMs, 3 × the previous wait)', () => {
    const big: Backoff = { ...exponential, maxMs: 10_000 };
    // First retry: no previous wait, so 3 × initialMs; on average twice the base.
    expectUniform(draws(policy(big, 'decorrelated'), 1, 0), 100, 300);
    // Later: from the previous wait, whatever the attempt number.
    expectUniform(draws(policy(big, 'decorrelated'), 2, 1_000), 100, 3_000);
  });

  it('decorrelated jitter is capped by maxMs', () => {
    const xs = draws(policy(exponential, 'decorrelated'), 2, 1_000);
    expect(Math.max(...xs)).toBe(500);
    // min(500, U[100, 3000)): at the cap with probability 2500 / 2900.
    const share = xs.filter((x) => x === 500).length / N;
    const p = 2_500 / 2_900;
    expect(Math.abs(share - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
  });
});
