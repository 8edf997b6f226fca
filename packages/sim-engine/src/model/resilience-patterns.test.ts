import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '@faultline/schemas';
import { simulate } from '../index.ts';
import { settings } from '../testing.test-helpers.ts';
import { apiAndDb, constantRate, fault, type Policy } from './tiny-models.test-fixture.ts';

// Pattern parameters end to end (SPEC §3.4), on users → api → db: the api works 1 ms and the
// db 2 ms, with no network time, so an undisturbed request takes exactly 3 ms. An error fault
// at the db answers at once (it does no work), so a failed attempt takes no time. The basics
// (retry under errors, breaker transitions, bulkhead, timeout, fallback, load shedding, rate
// limiting without a wait) are in patterns.test.ts.

const dbErrors = (schedule = {}, errorTypes: ErrorKind[] = ['internal-error']) => [
  fault({ type: 'error', target: { component: 'db' }, schedule, params: { errorTypes } }),
];

type Backoff = { kind: 'fixed' | 'exponential'; initialMs: number; multiplier: number; maxMs: number };
type Jitter = 'none' | 'full' | 'equal' | 'decorrelated';
const retry = (maxAttempts: number, backoff: Backoff, jitter: Jitter = 'none', retryOn?: ErrorKind[]): Policy => ({
  type: 'retry',
  params: { maxAttempts, backoff, jitter, ...(retryOn ? { retryOn } : {}) },
});
const fixed = (ms: number): Backoff => ({ kind: 'fixed', initialMs: ms, multiplier: 1, maxMs: ms });

describe('retry backoff', () => {
  // One request, at 1 s; the db fails its first two attempts (maxTriggers: 2), then answers.
  const oneRequestRetried = (backoff: Backoff) => {
    const design = apiAndDb({
      api: { resilience: [retry(3, backoff)] },
      faults: dbErrors({ maxTriggers: 2 }),
    });
    return simulate(design, settings({ durationMs: 1_500 }));
  };

  it.each<{ name: string; backoff: Backoff; waits: number }>([
    { name: 'fixed', backoff: { kind: 'fixed', initialMs: 100, multiplier: 1, maxMs: 1_000 }, waits: 100 + 100 },
    { name: 'fixed, capped', backoff: { kind: 'fixed', initialMs: 100, multiplier: 1, maxMs: 50 }, waits: 50 + 50 },
    {
      name: 'exponential',
      backoff: { kind: 'exponential', initialMs: 100, multiplier: 3, maxMs: 1_000 },
      waits: 100 + 300,
    },
    {
      name: 'exponential, capped',
      backoff: { kind: 'exponential', initialMs: 100, multiplier: 3, maxMs: 200 },
      waits: 100 + 200,
    },
  ])('$name: the two waits add up to $waits ms', ({ backoff, waits }) => {
    const result = oneRequestRetried(backoff);
    expect(result.totals).toMatchObject({ requests: 1, succeeded: 1, retries: 2, amplification: 4 });
    expect(result.latency.max).toBe(3 + waits);
  });

  it('maxAttempts counts the first attempt: two attempts against two failures fail', () => {
    const design = apiAndDb({ api: { resilience: [retry(2, fixed(10))] }, faults: dbErrors({ maxTriggers: 2 }) });
    const result = simulate(design, settings({ durationMs: 1_500 }));
    expect(result.totals).toMatchObject({ requests: 1, failed: 1, retries: 1, amplification: 3 });
  });

  // Half of the first attempts fail; each is retried once after a wait w. A request that
  // succeeds on its retry takes 3 + w ms, one that succeeds at once 3 ms, so over the
  // successes: mean = 3 + (retried successes / successes) × E[w], and retried successes are
  // the retries less the requests whose retry failed too.
  const meanWait = (
    jitter: Jitter,
    backoff: Backoff = { kind: 'fixed', initialMs: 100, multiplier: 1, maxMs: 1_000 },
  ) => {
    const design = apiAndDb({
      arrival: constantRate(200),
      api: { resilience: [retry(2, backoff, jitter)] },
      faults: dbErrors({ probability: 0.5 }),
    });
    const { totals, latency } = simulate(design, settings({ durationMs: 10_000, seed: 7 }));
    const retried = totals.retries - totals.failed;
    return { wait: ((latency.mean! - 3) * totals.succeeded) / retried, retried, max: latency.max! };
  };
  /** |mean of k uniform draws on a range of `width` − expected| within four standard errors. */
  const expectMean = ({ wait, retried }: { wait: number; retried: number }, expected: number, width: number) =>
    expect(Math.abs(wait - expected)).toBeLessThan((4 * width) / Math.sqrt(12 * retried));

  it('no jitter waits exactly the base', () => {
    const none = meanWait('none');
    // (The mean latency is given to the µs, so the derived wait to a few µs.)
    expect(none.wait).toBeCloseTo(100, 2);
    expect(none.max).toBe(103);
  });

  it('full jitter waits uniformly in [0, base): half the base on average', () => {
    const full = meanWait('full');
    expectMean(full, 50, 100);
    expect(full.max).toBeLessThanOrEqual(103);
  });

  it('equal jitter waits uniformly in [base / 2, base): three quarters of it on average', () => {
    const equal = meanWait('equal');
    expectMean(equal, 75, 50);
    expect(equal.max).toBeLessThanOrEqual(103);
  });

  it('decorrelated jitter waits longer on average than its base: uniform in [base, 3 × base)', () => {
    const decorrelated = meanWait('decorrelated');
    expectMean(decorrelated, 200, 200);
    expect(decorrelated.max).toBeGreaterThan(103);
    expect(decorrelated.max).toBeLessThanOrEqual(303);
  });

  it('decorrelated jitter is capped by maxMs', () => {
    // min(150, U[100, 300)): 125 on average a quarter of the time, else 150; mean 143.75.
    const capped = meanWait('decorrelated', { kind: 'fixed', initialMs: 100, multiplier: 1, maxMs: 150 });
    expect(Math.abs(capped.wait - 143.75)).toBeLessThan((4 * 25) / Math.sqrt(capped.retried));
    expect(capped.max).toBeLessThanOrEqual(153);
  });
});

describe('retryOn', () => {
  const retriesOf = (errorTypes: ErrorKind[], retryOn?: ErrorKind[]) => {
    const design = apiAndDb({
      api: { resilience: [retry(3, fixed(1), 'none', retryOn)] },
      faults: dbErrors({}, errorTypes),
    });
    return simulate(design, settings({ durationMs: 10_000 })).totals.retries;
  };

  it('retries only the kinds listed', () => {
    // Nine requests, each failing three times when its error is retried.
    expect(retriesOf(['internal-error'], ['timeout'])).toBe(0);
    expect(retriesOf(['internal-error'], ['internal-error'])).toBe(18);
    expect(retriesOf(['unauthorized'], ['unauthorized'])).toBe(18);
  });

  it('by default retries neither invalid-data nor unauthorized, and everything else', () => {
    expect(retriesOf(['invalid-data'])).toBe(0);
    expect(retriesOf(['rate-limited'])).toBe(18);
  });
});

describe('patterns composed in order: fallback(retry(breaker(bulkhead(timeout))))', () => {
  it('each attempt has its own timeout, and the callee’s abandoned work is wasted', () => {
    const design = apiAndDb({
      db: { serviceTime: { kind: 'constant', value: 100 } },
      api: { resilience: [retry(3, fixed(10)), { type: 'timeout', params: { timeoutMs: 30 } }] },
    });
    const result = simulate(design, settings({ durationMs: 10_000 }));
    // Nine requests, three attempts each, every one cut at 30 ms.
    expect(result.totals).toMatchObject({ requests: 9, failedByKind: { timeout: 9 }, timeouts: 27, retries: 18 });
    expect(result.components.db!.requests).toBe(27);
    expect(result.totals.wastedWork).toBe(27);
  });

  it('the fallback answers after the last retry has failed', () => {
    const design = apiAndDb({
      api: { resilience: [retry(3, fixed(10)), { type: 'fallback', params: { kind: 'cached', latencyMs: 5 } }] },
      faults: dbErrors(),
    });
    const result = simulate(design, settings({ durationMs: 10_000 }));
    // 1 ms of work, three instant failures with 10 ms between them, then 5 ms of fallback.
    expect(result.totals).toMatchObject({ requests: 9, degraded: 9, failed: 0, retries: 18, amplification: 4 });
    expect(result.latency.max).toBe(1 + 10 + 10 + 5);
  });
});

describe('bulkhead maxWaitMs', () => {
  // The api makes two calls to the db together; the db takes 100 ms; one slot.
  const twoCallsOneSlot = (maxWaitMs: number) =>
    apiAndDb({
      db: { serviceTime: { kind: 'constant', value: 100 } },
      api: {
        calls: [
          { connection: 'api-db', parallelGroup: 'g' },
          { connection: 'api-db', parallelGroup: 'g' },
        ],
        resilience: [{ type: 'bulkhead', params: { maxConcurrentCalls: 1, maxWaitMs } }],
      },
    });

  it('a call that gets no slot within maxWaitMs fails with bulkhead-full', () => {
    const result = simulate(twoCallsOneSlot(50), settings({ durationMs: 10_000 }));
    expect(result.totals).toMatchObject({ requests: 9, failedByKind: { 'bulkhead-full': 9 } });
    expect(result.components.db!.requests).toBe(9);
  });

  it('a call that gets a slot within maxWaitMs goes when the first call ends', () => {
    const result = simulate(twoCallsOneSlot(150), settings({ durationMs: 10_000 }));
    // 1 ms of work, then the two calls one after the other.
    expect(result.totals).toMatchObject({ requests: 9, succeeded: 9 });
    expect(result.latency.max).toBe(201);
  });
});

describe('rate limiter timeoutMs', () => {
  it('a request waits for a later period’s permit if it comes within timeoutMs, else is refused', () => {
    const design = apiAndDb({
      arrival: constantRate(2),
      api: {
        inbound: [{ type: 'rate-limiter', params: { limitForPeriod: 1, refreshPeriodMs: 1_000, timeoutMs: 600 } }],
      },
    });
    const result = simulate(design, settings({ durationMs: 4_000 }));
    // One permit a second. Requests at 0.5 s and 1 s take the permits of seconds 0 and 1; the one
    // at 1.5 s waits 500 ms for second 2's; the one at 2 s would wait 1,000 ms for second 3's and
    // is refused; 2.5 s waits for second 3's, 3 s is refused, 3.5 s waits for second 4's.
    expect(result.totals).toMatchObject({ requests: 7, succeeded: 5, failedByKind: { 'rate-limited': 2 } });
    expect(result.latency.max).toBe(503);
    expect(result.latency.mean).toBeCloseTo((2 * 3 + 3 * 503) / 5, 6);
  });
});
