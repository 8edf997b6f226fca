import type { Design, DesignInput } from '@faultline/schemas';
import { chain, client, server } from '../testing.test-helpers.ts';

type Policy = NonNullable<Extract<DesignInput['components'][number], { kind: 'service' }>['resilience']>[number];

/**
 * A database with 2x headroom (800/s capacity, 400/s offered), callers that time out at 100 ms
 * and retry three times, and a slow spell of the database for 5 s. Without a breaker the retries
 * triple the load once anything queues, which keeps the database overloaded after the fault:
 * a metastable collapse. A breaker stops the retries and lets the database drain.
 */
export function cascadeDesign(withBreaker: boolean): Design {
  const resilience: Policy[] = [
    { type: 'timeout', params: { timeoutMs: 100 } },
    {
      type: 'retry',
      params: { maxAttempts: 3, backoff: { kind: 'fixed', initialMs: 10, multiplier: 1, maxMs: 10 }, jitter: 'none' },
    },
  ];
  if (withBreaker) {
    resilience.push({
      type: 'circuit-breaker',
      params: {
        slidingWindow: { type: 'count', size: 20 },
        minimumCalls: 20,
        failureRateThreshold: 50,
        waitInOpenMs: 1000,
        permittedCallsInHalfOpen: 5,
      },
    });
  }
  return chain(
    [
      client,
      server('api', {
        replicas: 2,
        concurrency: 100,
        queueCapacity: 200,
        serviceTime: { kind: 'constant', value: 1 },
        resilience,
      }),
      server('db', { concurrency: 4, serviceTime: { kind: 'exponential', mean: 5 } }),
    ],
    {
      workload: { entry: 'users', arrival: { kind: 'poisson', ratePerSecond: 400 }, clientTimeoutMs: 2000 },
      faults: [
        {
          id: 'db-slow',
          name: 'Slow database',
          type: 'latency',
          target: { component: 'db' },
          schedule: { startMs: 10_000, durationMs: 5_000 },
          params: { addMs: { kind: 'constant', value: 200 } },
        },
      ],
    },
  );
}
