import { describe, expect, it } from 'vitest';
import { DesignSchema } from '@faultline/schemas';
import { simulate } from '../index.ts';
import { chain, client, server, settings } from '../testing.test-helpers.ts';
import { MAX_DELIVERIES } from './serving.ts';

describe('queues', () => {
  const design = (errorProbability: number) =>
    DesignSchema.parse({
      name: 'queue',
      components: [
        { id: 'users', name: 'U', kind: 'client', calls: [{ connection: 'u-api' }] },
        {
          id: 'api',
          name: 'API',
          kind: 'service',
          serviceTime: { kind: 'constant', value: 1 },
          calls: [{ connection: 'api-jobs' }],
        },
        {
          id: 'jobs',
          name: 'Jobs',
          kind: 'queue',
          consumers: 2,
          serviceTime: { kind: 'constant', value: 1 },
          calls: [{ connection: 'jobs-worker' }],
        },
        {
          id: 'worker',
          name: 'Worker',
          kind: 'service',
          concurrency: 50,
          serviceTime: { kind: 'constant', value: 50 },
        },
      ],
      connections: [
        { id: 'u-api', source: 'users', target: 'api', latency: { kind: 'constant', value: 0 } },
        { id: 'api-jobs', source: 'api', target: 'jobs', latency: { kind: 'constant', value: 0 } },
        { id: 'jobs-worker', source: 'jobs', target: 'worker', latency: { kind: 'constant', value: 0 } },
      ],
      faults: [
        {
          id: 'worker-errors',
          name: 'Worker errors',
          type: 'error',
          target: { component: 'worker' },
          schedule: { startMs: 0, durationMs: null, probability: errorProbability },
          params: { errorTypes: ['internal-error'] },
        },
      ],
      workload: { entry: 'users', arrival: { kind: 'poisson', ratePerSecond: 20 } },
    });

  it('acknowledge the producer at once: the caller does not wait for the consumers', () => {
    const result = simulate(design(0), settings({ durationMs: 30_000 }));
    // 1 ms at the api; the 50 ms of the worker happen after the answer.
    expect(result.latency.max).toBe(1);
    expect(result.components.worker!.succeeded).toBeGreaterThan(500);
  });

  it('redeliver a failed message (at-least-once), up to the delivery limit', () => {
    const p = 0.5;
    const result = simulate(design(p), settings({ durationMs: 60_000, seed: 4 }));
    const messages = result.components.api!.succeeded;
    // Deliveries per message: 1 + p + p² + … up to the limit.
    let expected = 0;
    for (let k = 0; k < MAX_DELIVERIES; k++) expected += p ** k;
    const perMessage = result.components.worker!.requests / messages;
    expect(Math.abs(perMessage - expected) / expected).toBeLessThan(0.05);
    // The producers never see the consumers' failures.
    expect(result.totals.failed).toBe(0);
  });
});

describe('memory exhaustion', () => {
  it('kills the instances when usage reaches 95 % and restarts them after the window', () => {
    const design = chain([client, server('api', { replicas: 2, serviceTime: { kind: 'constant', value: 1 } })], {
      faults: [
        {
          id: 'leak',
          name: 'Leak',
          type: 'resource-exhaustion',
          target: { component: 'api' },
          schedule: { startMs: 10_000, durationMs: 10_000 },
          params: { resource: 'memory', intensity: 0.8 },
        },
      ],
    });
    const result = simulate(design, settings({ durationMs: 40_000 }));
    // From 40 %, rising 80 % over 10 s, memory reaches 95 % after 6.875 s.
    const kills = result.events.items.filter((e) => e.type === 'oom-kill');
    expect(kills.map((e) => e.atMs)).toEqual([16_875, 16_875]);
    const restarts = result.events.items.filter((e) => e.type === 'restart');
    expect(restarts.map((e) => e.atMs)).toEqual([20_000, 20_000]);
    expect(result.totals.failedByKind['connection-refused']).toBeGreaterThan(250);
    expect(result.faultWindows[0]!.state).toBe('recovered');
  });

  it('a mild leak never reaches the killer', () => {
    const design = chain([client, server('api')], {
      faults: [
        {
          id: 'leak',
          name: 'Leak',
          type: 'resource-exhaustion',
          target: { component: 'api' },
          schedule: { startMs: 1_000, durationMs: 5_000 },
          params: { resource: 'memory', intensity: 0.5 },
        },
      ],
    });
    const result = simulate(design, settings({ durationMs: 10_000 }));
    expect(result.events.items.some((e) => e.type === 'oom-kill')).toBe(false);
    expect(result.totals.failed).toBe(0);
  });
});
