import { describe, expect, it } from 'vitest';
import { DesignSchema } from '@faultline/schemas';
import { simulate } from '../index.ts';
import { Simulation } from './simulation.ts';
import { chain, client, server, settings } from '../testing.test-helpers.ts';

// Tiny models with constant times, run to a time, with exact answers (SimPy's own style).

const constantArrivals = (ratePerSecond: number) => ({
  entry: 'users',
  arrival: { kind: 'constant' as const, ratePerSecond },
});

describe('exact times', () => {
  it('one request a second through a 10 ms service and 2 ms of network takes exactly 12 ms', () => {
    const design = chain([client, server('api', { concurrency: 1, serviceTime: { kind: 'constant', value: 10 } })], {
      workload: constantArrivals(1),
    });
    design.connections[0]!.latency = { kind: 'constant', value: 2 };
    const result = simulate(design, settings({ durationMs: 10_000 }));
    // Arrivals at 1 s, 2 s, … 9 s: nine requests in ten seconds.
    expect(result.totals).toMatchObject({ requests: 9, succeeded: 9, failed: 0, amplification: 1 });
    expect(result.latency.mean).toBe(12);
    expect(result.latency.max).toBe(12);
    expect(result.components.api!.latency.mean).toBe(10);
    // One worker busy 10 ms in each of nine seconds of the ten.
    expect(result.components.api!.utilisation).toBeCloseTo(0.009, 6);
  });

  it('a single worker makes requests queue: each waits for the one before', () => {
    // Every 5 ms a request needing 10 ms: the n-th (from 0) starts at 5 + 10n and ends 10 ms later.
    const design = chain([client, server('api', { concurrency: 1, serviceTime: { kind: 'constant', value: 10 } })], {
      workload: constantArrivals(200),
    });
    const result = simulate(design, settings({ durationMs: 51 }));
    // Arrivals at 5, 10, … 50 ms: ten requests; the last finishes at 5 + 10·10 = 105 ms.
    expect(result.totals.requests).toBe(10);
    const latencies = Array.from({ length: 10 }, (_, n) => 5 + 10 * (n + 1) - 5 * (n + 1));
    expect(result.latency.max).toBe(Math.max(...latencies));
    expect(result.latency.mean).toBe(latencies.reduce((a, b) => a + b, 0) / 10);
  });

  it('a full queue refuses with overloaded', () => {
    const design = chain(
      [client, server('api', { concurrency: 1, queueCapacity: 2, serviceTime: { kind: 'constant', value: 100 } })],
      {
        workload: constantArrivals(100),
      },
    );
    // Arrivals every 10 ms from 10 ms to 90 ms: the first works, two wait, six are refused.
    const result = simulate(design, settings({ durationMs: 95 }));
    expect(result.totals).toMatchObject({ requests: 9, succeeded: 3, failed: 6, failedByKind: { overloaded: 6 } });
  });

  it('the client timeout ends a request that never answers, and warm-up is not counted', () => {
    const design = chain([client, server('api', { serviceTime: { kind: 'constant', value: 5_000 } })], {
      workload: { ...constantArrivals(1), clientTimeoutMs: 2_000 },
    });
    const result = simulate(design, settings({ durationMs: 10_000, warmupMs: 3_500 }));
    // Arrivals at 4 s … 9 s count (six); each times out at arrival + 2 s.
    expect(result.totals).toMatchObject({ requests: 6, failed: 6, failedByKind: { timeout: 6 } });
  });

  it('the run drains in-flight requests after the end, up to the client timeout', () => {
    const design = chain([client, server('api', { serviceTime: { kind: 'constant', value: 1_500 } })], {
      workload: constantArrivals(1),
    });
    const sim = new Simulation(design, settings({ durationMs: 3_000 }), 1);
    while (!sim.done) sim.advance(10);
    // Arrivals at 1 s and 2 s; the second answers at 3.5 s, after arrivals stopped.
    expect(sim.collector.succeeded).toBe(2);
    expect(sim.now).toBeGreaterThanOrEqual(3_500);
  });

  it('parallel groups run together, sequential calls one after another', () => {
    const design = DesignSchema.parse({
      name: 'fan-out',
      components: [
        { id: 'users', name: 'U', kind: 'client', calls: [{ connection: 'u-api' }] },
        {
          id: 'api',
          name: 'API',
          kind: 'service',
          serviceTime: { kind: 'constant', value: 1 },
          calls: [
            { connection: 'api-a', parallelGroup: 'g' },
            { connection: 'api-b', parallelGroup: 'g' },
            { connection: 'api-c' },
          ],
        },
        ...['a', 'b', 'c'].map((id, i) => ({
          id,
          name: id,
          kind: 'service',
          serviceTime: { kind: 'constant', value: [10, 20, 5][i] },
        })),
      ],
      connections: [
        { id: 'u-api', source: 'users', target: 'api', latency: { kind: 'constant', value: 0 } },
        ...['a', 'b', 'c'].map((id) => ({
          id: `api-${id}`,
          source: 'api',
          target: id,
          latency: { kind: 'constant', value: 0 },
        })),
      ],
      workload: constantArrivals(1),
    });
    const result = simulate(design, settings({ durationMs: 3_000 }));
    // 1 ms of work, then a and b together (max 20 ms), then c (5 ms): 26 ms.
    expect(result.latency.max).toBe(26);
    expect(result.totals.amplification).toBe(4);
  });

  it('a call in a parallel group is made with its probability, and the group waits for what it made', () => {
    const design = DesignSchema.parse({
      name: 'maybe',
      components: [
        { id: 'users', name: 'U', kind: 'client', calls: [{ connection: 'u-api' }] },
        {
          id: 'api',
          name: 'API',
          kind: 'service',
          serviceTime: { kind: 'constant', value: 1 },
          calls: [
            { connection: 'api-a', parallelGroup: 'g' },
            { connection: 'api-b', parallelGroup: 'g', probability: 0.3 },
          ],
        },
        { id: 'a', name: 'a', kind: 'service', serviceTime: { kind: 'constant', value: 5 } },
        { id: 'b', name: 'b', kind: 'service', serviceTime: { kind: 'constant', value: 50 } },
      ],
      connections: [
        { id: 'u-api', source: 'users', target: 'api', latency: { kind: 'constant', value: 0 } },
        { id: 'api-a', source: 'api', target: 'a', latency: { kind: 'constant', value: 0 } },
        { id: 'api-b', source: 'api', target: 'b', latency: { kind: 'constant', value: 0 } },
      ],
      workload: { entry: 'users', arrival: { kind: 'poisson', ratePerSecond: 100 } },
    });
    const result = simulate(design, settings({ durationMs: 60_000 }));
    const n = result.components.api!.requests;
    // Binomial: 30 % of the api's requests call b, within four standard errors.
    expect(Math.abs(result.components.b!.requests / n - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / n));
    // Requests that called b waited for it (51 ms); the others answered after a (6 ms).
    expect(result.components.b!.succeeded).toBe(result.components.b!.requests);
    const slow = result.components.b!.requests / n;
    // (Results carry µs precision.)
    expect(result.latency.mean!).toBeCloseTo(6 + 45 * slow, 2);
  });
});
