import { describe, expect, it } from 'vitest';
import { DesignSchema, type Design, type DesignInput } from '@faultline/schemas';
import { simulate } from '../index.ts';
import { chain, client, server, settings } from '../testing.test-helpers.ts';

// SPEC §4.2: each failure is charged to its cause, direct, carried, indirect or none.

type Fault = NonNullable<DesignInput['faults']>[number];

/** users → api → db, 100 requests a second. */
function apiAndDb(faults: Fault[], api: object = {}, db: object = {}): Design {
  return chain(
    [
      client,
      server('api', { concurrency: 50, serviceTime: { kind: 'constant', value: 1 }, ...api }),
      server('db', { concurrency: 50, serviceTime: { kind: 'constant', value: 2 }, ...db }),
    ],
    { faults, workload: { entry: 'users', arrival: { kind: 'poisson', ratePerSecond: 100 } } },
  );
}
const run = (design: Design, durationMs = 20_000) => simulate(design, settings({ durationMs, seed: 5 }));
const window = (result: ReturnType<typeof run>, id: string) => result.faultWindows.find((w) => w.faultId === id)!;

const dbErrors = (probability: number): Fault => ({
  id: 'db-errors',
  name: 'DB errors',
  type: 'error',
  target: { component: 'db' },
  schedule: { probability },
  params: { errorTypes: ['internal-error'] },
});

describe('causes', () => {
  it('an injected error is charged to its fault, directly; a retry that succeeds absorbs it', () => {
    const retry = {
      type: 'retry' as const,
      params: { maxAttempts: 2, backoff: { kind: 'fixed' as const, initialMs: 1, multiplier: 1, maxMs: 1 } },
    };
    const result = run(apiAndDb([dbErrors(0.3)], { resilience: [retry] }));
    const w = window(result, 'db-errors');
    // Every failure is the fault's own doing; the calls a retry saved are charged nothing.
    expect(w.failuresCaused).toBe(result.totals.failed);
    expect(w.failuresCausedDirectly).toBe(result.totals.failed);
    expect(result.totals.failed / result.totals.requests).toBeCloseTo(0.09, 1);
    // It acted on about 1 − 0.7 = 30 % of the requests (on their first attempt or their second).
    expect(w.affectedRequests).toBeGreaterThan(2.5 * w.failuresCaused);
  });

  it('a slow database charges the requests that only queued behind its victims, indirectly', () => {
    // 100 requests/s at the api, whose 5 workers each wait 200 ms on the slowed database: the api
    // saturates, and requests that never reached the database time out in its queue.
    const slow: Fault = {
      id: 'db-slow',
      name: 'Slow database',
      type: 'latency',
      target: { component: 'db' },
      schedule: { startMs: 5000, durationMs: 5000 },
      params: { addMs: { kind: 'constant', value: 200 } },
    };
    const design = apiAndDb([slow], { concurrency: 5 });
    design.workload.clientTimeoutMs = 1000;
    const result = run(design);
    const w = window(result, 'db-slow');
    expect(result.totals.failed).toBeGreaterThan(100);
    expect(w.failuresCaused).toBe(result.totals.failed);
    expect(w.failuresCausedDirectly).toBe(0);
    expect(w.state).toBe('recovered');
  });

  it('with no fault behind it, a failure is charged to nothing', () => {
    const design = apiAndDb([dbErrors(0)], {
      concurrency: 1,
      queueCapacity: 1,
      serviceTime: { kind: 'constant', value: 20 },
    });
    const result = run(design);
    expect(result.totals.failedByKind.overloaded).toBeGreaterThan(0);
    expect(window(result, 'db-errors')).toMatchObject({ failuresCaused: 0, state: 'no-impact', impact: 'none' });
  });

  it('a whole-run fault a fallback absorbs shows no impact while an overlapping crash takes the system down', () => {
    // api → pricing (with a fallback) then api → db. Pricing fails 5 % of calls all run long; the
    // database is down from 5 s to 8 s.
    const zero = { kind: 'constant' as const, value: 0 };
    const design = DesignSchema.parse({
      name: 'checkout',
      components: [
        { ...client, calls: [{ connection: 'users-api' }] },
        server('api', {
          concurrency: 50,
          serviceTime: { kind: 'constant', value: 1 },
          calls: [{ connection: 'api-pricing' }, { connection: 'api-db' }],
          resilience: [{ type: 'fallback', connection: 'api-pricing', params: { kind: 'static' } }],
        }),
        server('pricing'),
        server('db'),
      ],
      connections: [
        { id: 'users-api', source: 'users', target: 'api', latency: zero },
        { id: 'api-pricing', source: 'api', target: 'pricing', latency: zero },
        { id: 'api-db', source: 'api', target: 'db', latency: zero },
      ],
      faults: [
        { ...dbErrors(0.05), id: 'pricing-errors', name: 'Pricing errors', target: { component: 'pricing' } },
        {
          id: 'db-down',
          name: 'Orders DB outage',
          type: 'crash',
          target: { component: 'db' },
          schedule: { startMs: 5000, durationMs: 3000 },
        },
      ],
      workload: { entry: 'users', arrival: { kind: 'poisson', ratePerSecond: 100 } },
    });
    const result = run(design);

    const pricing = window(result, 'pricing-errors');
    expect(pricing).toMatchObject({ state: 'no-impact', impact: 'none', failuresCaused: 0, endMs: null });
    expect(pricing.degradedCaused).toBe(result.totals.degraded);
    expect(pricing.degradedCaused).toBeGreaterThan(0);

    const outage = window(result, 'db-down');
    expect(outage).toMatchObject({ impact: 'full-outage', state: 'recovered' });
    expect(outage.failuresCaused).toBe(result.totals.failed);
    expect(outage.failuresCausedDirectly).toBe(result.totals.failed);
  });

  it('a hung database with no timeout anywhere is charged every failure it causes, and never recovers', () => {
    const hang: Fault = {
      id: 'hang',
      name: 'DB hangs',
      type: 'crash',
      target: { component: 'db' },
      schedule: { startMs: 5000, durationMs: 5000 },
      params: { mode: 'hang' },
    };
    const design = apiAndDb([hang]);
    design.workload.clientTimeoutMs = 1000;
    const result = run(design);
    const w = window(result, 'hang');
    // The requests it swallowed time out at the client (its doing); the api's workers stay held
    // by them, so every later request queues behind them and times out too.
    expect(w.failuresCaused).toBe(result.totals.failed);
    expect(w.failuresCausedDirectly).toBeGreaterThan(0);
    expect(w).toMatchObject({ impact: 'full-outage', state: 'not-recovered' });
  });

  it("an open breaker's refusals are charged to the failures that opened it, not to older ones", () => {
    const breaker = {
      type: 'circuit-breaker' as const,
      params: { slidingWindow: { type: 'count' as const, size: 10 }, minimumCalls: 10, waitInOpenMs: 5000 },
    };
    const blips: Fault = {
      ...dbErrors(0.05),
      id: 'blips',
      name: 'Early blips',
      schedule: { startMs: 2000, durationMs: 1000, probability: 0.05 },
    };
    const crash: Fault = {
      id: 'crash',
      name: 'DB crash',
      type: 'crash',
      target: { component: 'db' },
      schedule: { startMs: 10_000, durationMs: 5000 },
    };
    const result = run(apiAndDb([blips, crash], { resilience: [breaker] }));
    expect(result.totals.failedByKind['circuit-open']).toBeGreaterThan(100);
    expect(window(result, 'crash').failuresCaused).toBe(result.totals.failed - window(result, 'blips').failuresCaused);
    expect(window(result, 'blips').failuresCaused).toBeLessThan(20);
  });

  it('a fault a retry absorbs stays without impact while another fault makes requests queue', () => {
    const retry = {
      type: 'retry' as const,
      params: { maxAttempts: 3, backoff: { kind: 'fixed' as const, initialMs: 1, multiplier: 1, maxMs: 1 } },
    };
    const slowApi: Fault = {
      id: 'slow-api',
      name: 'Slow api',
      type: 'latency',
      target: { component: 'api' },
      schedule: { startMs: 8000, durationMs: 4000 },
      params: { addMs: { kind: 'constant', value: 200 } },
    };
    const errors: Fault = { ...dbErrors(0.2), schedule: { startMs: 5000, durationMs: 10_000, probability: 0.2 } };
    const design = apiAndDb([errors, slowApi], { concurrency: 5, resilience: [retry] });
    design.workload.clientTimeoutMs = 1000;
    const result = run(design);
    expect(window(result, 'slow-api')).toMatchObject({ impact: 'partial-outage' });
    // Its own failures (three errors in a row) stay far below the 5 % the SLO allows.
    expect(window(result, 'db-errors')).toMatchObject({ state: 'no-impact', impact: 'none' });
    expect(window(result, 'db-errors').failuresCaused).toBeLessThan(20);
  });

  it('a rate limiter refusing a burst is not charged to a fault that merely acts on the requests in flight', () => {
    const slowDb: Fault = {
      id: 'slow-db',
      name: 'Slow db',
      type: 'latency',
      target: { component: 'db' },
      schedule: { startMs: 0, durationMs: null },
      params: { addMs: { kind: 'constant', value: 5 } },
    };
    const limiter = {
      type: 'rate-limiter' as const,
      params: { limitForPeriod: 5, refreshPeriodMs: 100, timeoutMs: 0 },
    };
    const result = run(apiAndDb([slowDb], { inbound: [limiter] }));
    expect(result.totals.failedByKind['rate-limited']).toBeGreaterThan(100);
    expect(window(result, 'slow-db')).toMatchObject({ failuresCaused: 0, state: 'no-impact' });
  });

  it("a queue's producer is not affected by what slows its consumers", () => {
    const design = DesignSchema.parse({
      name: 'queue',
      components: [
        { ...client, calls: [{ connection: 'users-api' }] },
        server('api', { serviceTime: { kind: 'constant', value: 1 }, calls: [{ connection: 'api-q' }] }),
        {
          id: 'q',
          name: 'Q',
          kind: 'queue',
          consumers: 2,
          serviceTime: { kind: 'constant', value: 1 },
          calls: [{ connection: 'q-worker' }],
        },
        server('worker', { concurrency: 50, serviceTime: { kind: 'constant', value: 5 } }),
      ],
      connections: [
        { id: 'users-api', source: 'users', target: 'api' },
        { id: 'api-q', source: 'api', target: 'q' },
        { id: 'q-worker', source: 'q', target: 'worker' },
      ],
      faults: [
        {
          id: 'slow-worker',
          name: 'Slow worker',
          type: 'latency',
          target: { component: 'worker' },
          schedule: { startMs: 5000, durationMs: 5000 },
          params: { addMs: { kind: 'constant', value: 50 } },
        },
      ],
      workload: { entry: 'users', arrival: { kind: 'poisson', ratePerSecond: 100 } },
    });
    const result = run(design);
    expect(result.components.q!.meanQueueLength).toBeGreaterThan(1);
    expect(window(result, 'slow-worker')).toMatchObject({ affectedRequests: 0, failuresCaused: 0 });
  });
});
