import { describe, expect, it } from 'vitest';
import type { Design, DesignInput, ErrorKind } from '@faultline/schemas';
import { simulate } from '../index.ts';
import { chain, client, server, settings } from '../testing.test-helpers.ts';

type Policy = NonNullable<Extract<DesignInput['components'][number], { kind: 'service' }>['resilience']>[number];

/** users → api → db, with `policies` on the api's call to the db and `faults` in the design. */
function apiAndDb(
  policies: Policy[],
  db: object = {},
  faults: DesignInput['faults'] = [],
  ratePerSecond = 100,
): Design {
  return chain(
    [
      client,
      server('api', { concurrency: 200, serviceTime: { kind: 'constant', value: 1 }, resilience: policies }),
      server('db', { concurrency: 200, serviceTime: { kind: 'constant', value: 2 }, ...db }),
    ],
    { faults, workload: { entry: 'users', arrival: { kind: 'poisson', ratePerSecond } } },
  );
}

const errorFault = (probability: number, errorTypes: ErrorKind[] = ['internal-error']) => [
  {
    id: 'db-errors',
    name: 'DB errors',
    type: 'error' as const,
    target: { component: 'db' },
    schedule: { startMs: 0, durationMs: null, probability },
    params: { errorTypes },
  },
];
const crash = (startMs: number, durationMs: number, mode: 'refuse' | 'hang' = 'refuse') => [
  {
    id: 'db-crash',
    name: 'DB crash',
    type: 'crash' as const,
    target: { component: 'db' },
    schedule: { startMs, durationMs },
    params: { instances: 'all' as const, mode },
  },
];
const retry = (maxAttempts: number): Policy => ({
  type: 'retry',
  params: { maxAttempts, backoff: { kind: 'fixed', initialMs: 1, multiplier: 1, maxMs: 1 }, jitter: 'none' },
});

describe('resilience patterns', () => {
  it('retry: success rate 1 − p^n and amplification 1 + (1 + p + … + p^(n−1)) under errors of probability p', () => {
    const p = 0.3;
    const result = simulate(apiAndDb([retry(3)], {}, errorFault(p), 500), settings({ durationMs: 60_000, seed: 2 }));
    const n = result.totals.requests;
    const success = result.totals.succeeded / n;
    const expectedSuccess = 1 - p ** 3;
    // Binomial standard error; four of them.
    expect(Math.abs(success - expectedSuccess)).toBeLessThan(
      4 * Math.sqrt((expectedSuccess * (1 - expectedSuccess)) / n),
    );
    const expectedAmplification = 1 + (1 + p + p * p);
    expect(Math.abs(result.totals.amplification - expectedAmplification)).toBeLessThan(0.02);
    expect(result.totals.failedByKind).toEqual({ 'internal-error': result.totals.failed });
    expect(Math.abs(result.totals.retries / n - (p + p * p))).toBeLessThan(0.02);
  });

  it('retry does not retry what cannot succeed again (unauthorized)', () => {
    const result = simulate(
      apiAndDb([retry(3)], {}, errorFault(0.5, ['unauthorized'])),
      settings({ durationMs: 20_000 }),
    );
    expect(result.totals.retries).toBe(0);
  });

  it('circuit breaker: opens soon after a crash, probes every waitInOpen, closes after the fault', () => {
    const breaker: Policy = {
      type: 'circuit-breaker',
      params: {
        slidingWindow: { type: 'count', size: 10 },
        minimumCalls: 10,
        failureRateThreshold: 50,
        waitInOpenMs: 2000,
        permittedCallsInHalfOpen: 3,
      },
    };
    const result = simulate(apiAndDb([breaker], {}, crash(10_000, 10_000)), settings({ durationMs: 40_000 }));
    const transitions = result.events.items.filter((e) => e.type === 'circuit-transition');
    const first = transitions[0]!;
    expect(first).toMatchObject({ from: 'closed', to: 'open', component: 'api' });
    // Five failures out of the last ten calls come within a few requests at 100 per second.
    expect(first.atMs).toBeGreaterThanOrEqual(10_000);
    expect(first.atMs).toBeLessThan(10_200);
    // Every OPEN lasts waitInOpenMs, then the next call finds it HALF_OPEN.
    for (let i = 0; i + 1 < transitions.length; i++) {
      if (transitions[i]!.to === 'open') {
        expect(transitions[i + 1]!.to).toBe('half-open');
        const wait = transitions[i + 1]!.atMs - transitions[i]!.atMs;
        expect(wait).toBeGreaterThanOrEqual(2000);
        expect(wait).toBeLessThan(2100);
      }
    }
    const last = transitions.at(-1)!;
    expect(last).toMatchObject({ from: 'half-open', to: 'closed' });
    expect(last.atMs).toBeGreaterThanOrEqual(20_000);
    expect(last.atMs).toBeLessThan(22_200);
    // While open, calls are refused at once as circuit-open: nearly all of the ~1,000 calls
    // of the 10 s crash, less the few that tripped it and the half-open probes.
    expect(result.totals.failedByKind['circuit-open']).toBeGreaterThan(900);
    expect(result.totals.failedByKind['connection-refused']).toBeLessThan(60);
    // The state timeline shows it too.
    const timeline = result.timeSeries.components.api!.circuitState!['*']!;
    expect(timeline).toContain('open');
    expect(timeline.at(-1)).toBe('closed');
  });

  it('circuit breaker on a time window opens on slow calls alone', () => {
    const breaker: Policy = {
      type: 'circuit-breaker',
      params: {
        slidingWindow: { type: 'time', size: 2000 },
        minimumCalls: 20,
        failureRateThreshold: 100,
        slowCallDurationMs: 100,
        slowCallRateThreshold: 50,
        waitInOpenMs: 1000,
        permittedCallsInHalfOpen: 5,
      },
    };
    const slow = [
      {
        id: 'db-slow',
        name: 'Slow DB',
        type: 'latency' as const,
        target: { component: 'db' },
        schedule: { startMs: 10_000, durationMs: 10_000 },
        params: { addMs: { kind: 'constant' as const, value: 300 } },
      },
    ];
    const result = simulate(apiAndDb([breaker], {}, slow), settings({ durationMs: 40_000 }));
    const transitions = result.events.items.filter((e) => e.type === 'circuit-transition');
    // Nothing failed, yet the breaker opened: the calls were slow. Slow calls are recorded from
    // 10.3 s at 100 a second while the fast ones of the last 2 s slide out of the window; slow
    // reach half when 12,000 − t = t − 10,300, at t ≈ 11,150 ms (± one 200 ms bucket).
    expect(result.totals.failedByKind.timeout).toBeUndefined();
    expect(transitions[0]).toMatchObject({ from: 'closed', to: 'open' });
    expect(transitions[0]!.atMs).toBeGreaterThan(10_900);
    expect(transitions[0]!.atMs).toBeLessThan(11_400);
    expect(transitions.at(-1)).toMatchObject({ to: 'closed' });
    expect(transitions.at(-1)!.atMs).toBeGreaterThanOrEqual(20_000);
    // Before the fault, a full window of fast calls never tripped it.
    expect(transitions.every((t) => t.atMs > 10_000)).toBe(true);
  });

  it('bulkhead: at most maxConcurrentCalls in flight, the rest refused with bulkhead-full', () => {
    // Calls arrive every 10 ms and hold a slot for 99.5 ms: ten would be in flight; five are
    // allowed, so every other call is refused. (Just under 100 ms, so no release ties with an arrival.)
    const design = apiAndDb([{ type: 'bulkhead', params: { maxConcurrentCalls: 5, maxWaitMs: 0 } }], {
      serviceTime: { kind: 'constant', value: 99.5 },
    });
    design.workload.arrival = { kind: 'constant', ratePerSecond: 100 };
    const result = simulate(design, settings({ durationMs: 20_000 }));
    const rejected = (result.totals.failedByKind['bulkhead-full'] ?? 0) / result.totals.requests;
    expect(Math.abs(rejected - 0.5)).toBeLessThan(0.01);
    expect(result.components.db!.requests).toBeLessThanOrEqual(result.totals.requests / 2 + 5);
  });

  it('bulkhead with a wait: calls wait for a slot instead of failing', () => {
    const design = apiAndDb([{ type: 'bulkhead', params: { maxConcurrentCalls: 5, maxWaitMs: 1000 } }], {
      serviceTime: { kind: 'constant', value: 40 },
    });
    design.workload.arrival = { kind: 'constant', ratePerSecond: 100 };
    const result = simulate(design, settings({ durationMs: 20_000 }));
    expect(result.totals.failed).toBe(0);
  });

  it('timeout: the caller gives up, the callee keeps working and the work is counted as wasted', () => {
    const result = simulate(
      apiAndDb([{ type: 'timeout', params: { timeoutMs: 50 } }], { serviceTime: { kind: 'constant', value: 100 } }),
      settings({ durationMs: 20_000 }),
    );
    expect(result.totals.failed).toBe(result.totals.requests);
    expect(result.totals.failedByKind).toEqual({ timeout: result.totals.requests });
    expect(result.totals.timeouts).toBe(result.totals.requests);
    // Every database call finished after its caller had left.
    expect(result.totals.wastedWork).toBe(result.components.db!.succeeded);
    expect(result.latency.mean).toBeNull();
  });

  it('fallback: failures become degraded successes after the fallback latency', () => {
    const result = simulate(
      apiAndDb([{ type: 'fallback', params: { kind: 'static', latencyMs: 3 } }], {}, crash(0, 60_000)),
      settings({ durationMs: 20_000 }),
    );
    expect(result.totals).toMatchObject({ failed: 0, succeeded: 0, degraded: result.totals.requests });
    // 1 ms of api work, an instant refusal, then 3 ms of fallback.
    expect(result.latency.max).toBe(4);
  });

  it('load shedding and rate limiting refuse what is over their limits', () => {
    const shed = chain([
      client,
      server('api', {
        concurrency: 1000,
        serviceTime: { kind: 'constant', value: 100 },
        inbound: [{ type: 'load-shedding', params: { maxInFlight: 5 } }],
      }),
    ]);
    shed.workload.arrival = { kind: 'constant', ratePerSecond: 100 };
    const shedResult = simulate(shed, settings({ durationMs: 20_000 }));
    expect(Math.abs((shedResult.totals.failedByKind.overloaded ?? 0) / shedResult.totals.requests - 0.5)).toBeLessThan(
      0.01,
    );

    const limited = chain([
      client,
      server('api', {
        serviceTime: { kind: 'constant', value: 1 },
        inbound: [{ type: 'rate-limiter', params: { limitForPeriod: 10, refreshPeriodMs: 1000, timeoutMs: 0 } }],
      }),
    ]);
    limited.workload.arrival = { kind: 'constant', ratePerSecond: 40 };
    const limitedResult = simulate(limited, settings({ durationMs: 20_000 }));
    // Ten permits a second for forty requests a second.
    expect(Math.abs(limitedResult.totals.succeeded / limitedResult.totals.requests - 0.25)).toBeLessThan(0.01);
    expect(limitedResult.totals.failedByKind['rate-limited']).toBe(limitedResult.totals.failed);
  });

  it('a hung crash is felt through timeouts; a refusing one at once', () => {
    const hang = simulate(
      apiAndDb([{ type: 'timeout', params: { timeoutMs: 300 } }], {}, crash(5_000, 5_000, 'hang')),
      settings({ durationMs: 20_000 }),
    );
    expect(hang.totals.failedByKind.timeout).toBeGreaterThan(400);
    expect(hang.totals.failedByKind['connection-refused']).toBeUndefined();
    const refuse = simulate(
      apiAndDb([{ type: 'timeout', params: { timeoutMs: 300 } }], {}, crash(5_000, 5_000)),
      settings({ durationMs: 20_000 }),
    );
    expect(refuse.totals.failedByKind['connection-refused']).toBeGreaterThan(400);
    expect(refuse.events.items.map((e) => e.type)).toEqual(['fault-start', 'crash', 'restart', 'fault-end']);
  });
});
