import { describe, expect, it } from 'vitest';
import type { Design, DesignInput, PolicyCounters, PolicyReport } from '@faultline/schemas';
import { simulate } from '../../index.ts';
import { chain, client, server, settings } from '../../testing.test-helpers.ts';

// Each pattern's counters (SPEC §4.2) against the figures the result already shows elsewhere.

type ServiceInput = Extract<DesignInput['components'][number], { kind: 'service' }>;
type Policy = NonNullable<ServiceInput['resilience']>[number];

/** users → api → db at 100 requests/s, with `policies` on the api and `db` fields and `faults`. */
function apiAndDb(policies: Policy[], db: Partial<ServiceInput> = {}, faults: DesignInput['faults'] = []): Design {
  return chain(
    [
      client,
      server('api', { concurrency: 200, serviceTime: { kind: 'constant', value: 1 }, resilience: policies }),
      server('db', { concurrency: 200, serviceTime: { kind: 'constant', value: 2 }, ...db }),
    ],
    { faults, workload: { entry: 'users', arrival: { kind: 'poisson', ratePerSecond: 100 } } },
  );
}

const dbErrors = (probability: number) => [
  {
    id: 'db-errors',
    name: 'DB errors',
    type: 'error' as const,
    target: { component: 'db' },
    schedule: { probability },
    params: { errorTypes: ['internal-error' as const] },
  },
];
const retry = (maxAttempts: number): Policy => ({
  type: 'retry',
  params: { maxAttempts, backoff: { kind: 'fixed', initialMs: 1, multiplier: 1, maxMs: 1 }, jitter: 'none' },
});
const run = (design: Design) => simulate(design, settings({ durationMs: 10_000, warmupMs: 1000, seed: 4 }));
const countersOf = <T extends PolicyReport['type']>(policies: PolicyReport[], type: T) =>
  policies.find((p) => p.type === type)!.counters as PolicyCounters<T>;

describe('per-policy counters', () => {
  it('timeout: every attempt that timed out, as many as the totals show', () => {
    const result = run(
      apiAndDb([{ type: 'timeout', params: { timeoutMs: 1 } }], { serviceTime: { kind: 'constant', value: 5 } }),
    );
    expect(countersOf(result.policies, 'timeout').timedOut).toBe(result.totals.timeouts);
    expect(result.totals.timeouts).toBeGreaterThanOrEqual(result.totals.requests);
  });

  it('retry: attempts after the first, calls that ran out of attempts, calls saved by a retry', () => {
    const always = run(apiAndDb([retry(3)], {}, dbErrors(1)));
    expect(countersOf(always.policies, 'retry')).toEqual({
      retries: always.totals.retries,
      exhausted: always.totals.failed,
      recovered: 0,
    });
    expect(always.totals.retries).toBe(2 * always.totals.failed);

    const sometimes = run(apiAndDb([retry(3)], {}, dbErrors(0.5)));
    const counters = countersOf(sometimes.policies, 'retry');
    // A call fails for good with p³ = 1/8: the rest succeeded at once (1/2) or after a retry (3/8).
    expect(counters.exhausted).toBe(sometimes.totals.failed);
    expect(counters.recovered / sometimes.totals.requests).toBeCloseTo(3 / 8, 1);
  });

  it('circuit breaker: opened while the database was down, rejecting calls it then failed at once', () => {
    const breaker: Policy = {
      type: 'circuit-breaker',
      params: {
        slidingWindow: { type: 'count', size: 10 },
        minimumCalls: 10,
        failureRateThreshold: 50,
        waitInOpenMs: 500,
        permittedCallsInHalfOpen: 2,
      },
    };
    const crash = {
      id: 'db-crash',
      name: 'DB crash',
      type: 'crash' as const,
      target: { component: 'db' },
      schedule: { startMs: 3000, durationMs: 2000 },
      params: {},
    };
    const result = run(apiAndDb([breaker], {}, [crash]));
    const counters = countersOf(result.policies, 'circuit-breaker');
    expect(counters.shortCircuited).toBe(result.components.api!.failedByKind['circuit-open']);
    const openings = result.events.items.filter((e) => e.type === 'circuit-transition' && e.to === 'open');
    expect(counters.opened).toBe(openings.length);
    // Each opening lasts waitInOpenMs, and then until the next call finds it (at 100 calls/s,
    // one comes within 100 ms all but once in twenty thousand times).
    expect(openings.length).toBeGreaterThan(0);
    expect(counters.openMs).toBeGreaterThanOrEqual(500 * openings.length);
    expect(counters.openMs).toBeLessThan(600 * openings.length);
  });

  it('bulkhead: calls refused for want of a slot, and the most slots ever in use', () => {
    const result = run(
      apiAndDb([{ type: 'bulkhead', params: { maxConcurrentCalls: 1, maxWaitMs: 0 } }], {
        serviceTime: { kind: 'constant', value: 20 },
      }),
    );
    const counters = countersOf(result.policies, 'bulkhead');
    expect(counters.rejected).toBe(result.components.api!.failedByKind['bulkhead-full']);
    expect(counters.rejected).toBeGreaterThan(0);
    expect(counters.peakInUse).toBe(1);
  });

  it('fallback: every degraded answer it served', () => {
    const result = run(apiAndDb([{ type: 'fallback', params: { kind: 'static' } }], {}, dbErrors(0.2)));
    expect(countersOf(result.policies, 'fallback').served).toBe(result.totals.degraded);
    expect(result.totals.degraded).toBeGreaterThan(0);
  });

  it('rate limiter and load shedding: requests refused and requests that waited for a permit', () => {
    const limited = run(
      apiAndDb([], {
        inbound: [{ type: 'rate-limiter', params: { limitForPeriod: 5, refreshPeriodMs: 100, timeoutMs: 0 } }],
      }),
    );
    expect(countersOf(limited.policies, 'rate-limiter')).toEqual({
      rejected: limited.components.db!.failedByKind['rate-limited'],
      delayed: 0,
    });
    const waiting = run(
      apiAndDb([], {
        inbound: [{ type: 'rate-limiter', params: { limitForPeriod: 5, refreshPeriodMs: 100, timeoutMs: 100 } }],
      }),
    );
    expect(countersOf(waiting.policies, 'rate-limiter').delayed).toBeGreaterThan(0);

    const shedding = run(
      apiAndDb([], {
        concurrency: 1,
        serviceTime: { kind: 'constant', value: 20 },
        inbound: [{ type: 'load-shedding', params: { maxInFlight: 2 } }],
      }),
    );
    expect(countersOf(shedding.policies, 'load-shedding').shed).toBe(shedding.components.db!.failedByKind.overloaded);
  });

  it('lists every policy of the design in design order, one that no call uses with zero counts', () => {
    const design = apiAndDb([
      { type: 'timeout', params: { timeoutMs: 1000 } },
      { type: 'retry', connection: 'api-db', params: { maxAttempts: 2 } },
    ]);
    // A second, unused connection-scoped policy: its connection leads nowhere the api calls.
    design.components[1]!.resilience.push({
      type: 'fallback',
      connection: 'users-api',
      params: { kind: 'static', latencyMs: 0 },
    } as never);
    const result = simulate(design, settings({ durationMs: 2000 }));
    expect(result.policies.map(({ component, type, connection }) => [component, type, connection])).toEqual([
      ['api', 'timeout', null],
      ['api', 'retry', 'api-db'],
      ['api', 'fallback', 'users-api'],
    ]);
    expect(result.policies[2]!.counters).toEqual({ served: 0 });
  });
});

describe('goodput', () => {
  it('each bucket counts the requests that arrived in it by outcome, adding up to the totals', () => {
    const result = run(apiAndDb([{ type: 'fallback', params: { kind: 'static' } }], {}, dbErrors(0.3)));
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const { succeeded, degraded, failed } = result.timeSeries;
    expect([sum(succeeded), sum(degraded), sum(failed)]).toEqual([
      result.totals.succeeded,
      result.totals.degraded,
      result.totals.failed,
    ]);
    expect(succeeded).toHaveLength(result.timeSeries.throughput.length);
  });

  it('a total outage shows as failed requests, not as throughput that holds up', () => {
    const crash = {
      id: 'db-down',
      name: 'DB down',
      type: 'crash' as const,
      target: { component: 'db' },
      schedule: { startMs: 4000, durationMs: 2000 },
      params: {},
    };
    const result = run(apiAndDb([], {}, [crash]));
    const { startMs, bucketMs, succeeded, failed } = result.timeSeries;
    const inOutage = (i: number) => startMs + i * bucketMs >= 4100 && startMs + (i + 1) * bucketMs <= 5900;
    const outage = succeeded.map((_, i) => i).filter(inOutage);
    expect(outage.every((i) => succeeded[i] === 0)).toBe(true);
    // About 100 requests a second arrive, and all of them fail.
    expect(outage.reduce((n, i) => n + failed[i]!, 0)).toBeGreaterThan(150);
  });
});
