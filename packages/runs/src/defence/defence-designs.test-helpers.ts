import { DesignSchema, type Design, type DesignInput } from '@faultline/schemas';

type Component = DesignInput['components'][number];
type Policy = NonNullable<Extract<Component, { kind: 'service' }>['resilience']>[number];

const connection = (source: string, target: string) => ({
  id: `${source}-${target}`,
  source,
  target,
  mode: 'sync' as const,
  latency: { kind: 'constant' as const, value: 1 },
});

/**
 * Users → Checkout API → Price service, the price service failing every call for the whole run.
 * The API answers from a fallback when the price call fails (it clearly helps: without it every
 * request fails) and times out the price call after 10 s (it changes nothing: the call answers
 * in milliseconds).
 */
export function priceFallbackDesign(resilience: Policy[] = priceDefences): Design {
  return DesignSchema.parse({
    name: 'price fallback',
    components: [
      { id: 'users', name: 'Users', kind: 'client', calls: [{ connection: 'users-api' }] },
      {
        id: 'api',
        name: 'Checkout API',
        kind: 'service',
        concurrency: 50,
        serviceTime: { kind: 'constant', value: 2 },
        calls: [{ connection: 'api-price' }],
        resilience,
      },
      {
        id: 'price',
        name: 'Price service',
        kind: 'external',
        concurrency: 50,
        serviceTime: { kind: 'constant', value: 3 },
      },
    ],
    connections: [connection('users', 'api'), connection('api', 'price')],
    faults: [
      {
        id: 'price-down',
        name: 'Price service unreachable',
        type: 'error',
        target: { component: 'price' },
        params: { errorTypes: ['connection-refused'] },
      },
    ],
    workload: { entry: 'users', arrival: { kind: 'poisson', ratePerSecond: 100 } },
  });
}

export const priceDefences: Policy[] = [
  { type: 'timeout', connection: 'api-price', params: { timeoutMs: 10_000 } },
  { type: 'fallback', connection: 'api-price', params: { kind: 'static', latencyMs: 1 } },
];

/**
 * A database with 2x headroom (800/s capacity, 400/s offered), callers that time out at 100 ms
 * and retry three times with no backoff to speak of, and a slow spell of the database for 5 s.
 * The retries triple the load once anything queues and keep the database overloaded long after
 * the fault: a retry storm, where the retry clearly hurts.
 */
export function retryStormDesign(): Design {
  return DesignSchema.parse({
    name: 'retry storm',
    components: [
      { id: 'users', name: 'Users', kind: 'client', calls: [{ connection: 'users-api' }] },
      {
        id: 'api',
        name: 'Orders API',
        kind: 'service',
        replicas: 2,
        concurrency: 100,
        queueCapacity: 200,
        serviceTime: { kind: 'constant', value: 1 },
        calls: [{ connection: 'api-db' }],
        resilience: [
          { type: 'timeout', params: { timeoutMs: 100 } },
          {
            type: 'retry',
            params: {
              maxAttempts: 3,
              backoff: { kind: 'fixed', initialMs: 10, multiplier: 1, maxMs: 10 },
              jitter: 'none',
            },
          },
        ],
      },
      { id: 'db', name: 'Orders DB', kind: 'database', concurrency: 4, serviceTime: { kind: 'exponential', mean: 5 } },
    ],
    connections: [connection('users', 'api'), connection('api', 'db')],
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
    workload: { entry: 'users', arrival: { kind: 'poisson', ratePerSecond: 400 }, clientTimeoutMs: 2000 },
  });
}
