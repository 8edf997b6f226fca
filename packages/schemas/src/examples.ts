import type { DesignInput } from './design.ts';

/** SPEC §7: a checkout API with a database that goes down for ten seconds. */
export const checkoutExample: DesignInput = {
  name: 'checkout',
  components: [
    { id: 'users', name: 'Users', kind: 'client', position: { x: 0, y: 0 }, calls: [{ connection: 'users-api' }] },
    {
      id: 'api', name: 'Checkout API', kind: 'service', position: { x: 240, y: 0 },
      replicas: 2, concurrency: 16, queueCapacity: 100,
      serviceTime: { kind: 'lognormal', median: 8, p99: 40 },
      calls: [{ connection: 'api-db' }],
      resilience: [
        { type: 'timeout', params: { timeoutMs: 200 } },
        {
          type: 'retry', connection: 'api-db',
          params: { maxAttempts: 3, backoff: { kind: 'exponential', initialMs: 20, multiplier: 2, maxMs: 200 }, jitter: 'full' },
        },
      ],
      inbound: [],
    },
    {
      id: 'db', name: 'Orders DB', kind: 'database', position: { x: 480, y: 0 },
      replicas: 1, concurrency: 20, queueCapacity: null,
      serviceTime: { kind: 'exponential', mean: 4 }, calls: [],
    },
  ],
  connections: [
    { id: 'users-api', source: 'users', target: 'api', mode: 'sync', latency: { kind: 'constant', value: 2 } },
    { id: 'api-db', source: 'api', target: 'db', mode: 'sync', latency: { kind: 'constant', value: 1 } },
  ],
  faults: [
    {
      id: 'db-outage', name: 'Database brief outage', type: 'crash', target: { component: 'db' },
      schedule: { startMs: 20000, durationMs: 10000, probability: 1 },
      params: { instances: 'all', mode: 'refuse' }, enabled: true,
    },
  ],
  workload: { entry: 'users', arrival: { kind: 'poisson', ratePerSecond: 200 } },
  slo: { availability: 0.99, errorRate: 0.01, p99LatencyMs: 300, mttrMs: 30000, recoveryTimeMs: 10000 },
};

/**
 * One of every component kind, fault type, resilience pattern, distribution and profile phase,
 * with every field spelled out: what it parses to is what it says.
 */
export const everythingExample: DesignInput = {
  name: 'Everything store',
  description: 'One of every component kind, fault type and resilience pattern.',
  components: [
    {
      id: 'shoppers', name: 'Shoppers', kind: 'client', position: { x: 0, y: 200 },
      calls: [{ connection: 'shoppers-edge', probability: 1, required: true }],
      resilience: [{ type: 'timeout', params: { timeoutMs: 2000 } }],
    },
    {
      id: 'edge', name: 'Edge gateway', kind: 'gateway', position: { x: 200, y: 200 },
      replicas: 2, concurrency: 64, queueCapacity: 500, balancing: 'least-outstanding',
      serviceTime: { kind: 'constant', value: 1 },
      calls: [
        { connection: 'edge-catalog', probability: 1, required: true },
        { connection: 'edge-orders', probability: 1, required: true },
      ],
      resilience: [],
      inbound: [
        { type: 'rate-limiter', params: { limitForPeriod: 500, refreshPeriodMs: 1000, timeoutMs: 50 } },
        { type: 'load-shedding', params: { maxInFlight: 400 } },
      ],
    },
    {
      id: 'catalog', name: 'Catalog', kind: 'service', position: { x: 400, y: 100 },
      replicas: 3, concurrency: 16, queueCapacity: 100,
      serviceTime: { kind: 'lognormal', median: 5, p99: 30 },
      calls: [
        { connection: 'catalog-cache', probability: 1, required: true, parallelGroup: 'lookup' },
        { connection: 'catalog-reviews', probability: 0.5, required: false, parallelGroup: 'lookup' },
      ],
      resilience: [
        { type: 'timeout', connection: 'catalog-reviews', params: { timeoutMs: 150 } },
        { type: 'fallback', connection: 'catalog-reviews', params: { kind: 'cached', latencyMs: 2 } },
        {
          type: 'circuit-breaker', connection: 'catalog-cache',
          params: {
            slidingWindow: { type: 'time', size: 10000 }, minimumCalls: 20, failureRateThreshold: 50,
            slowCallDurationMs: 100, slowCallRateThreshold: 80, waitInOpenMs: 5000, permittedCallsInHalfOpen: 5,
          },
        },
      ],
      inbound: [],
    },
    {
      id: 'cache', name: 'Catalog cache', kind: 'cache', position: { x: 600, y: 0 },
      replicas: 1, concurrency: 100, queueCapacity: null, hitRatio: 0.85,
      serviceTime: { kind: 'uniform', min: 0.2, max: 1 },
      calls: [{ connection: 'cache-db', probability: 1, required: true, onMiss: true }],
      resilience: [], inbound: [],
    },
    {
      id: 'reviews', name: 'Reviews provider', kind: 'external', position: { x: 600, y: 150 },
      replicas: 1, concurrency: 50, queueCapacity: 200,
      serviceTime: { kind: 'normal', mean: 60, stdDev: 15 },
      calls: [], resilience: [], inbound: [],
    },
    {
      id: 'orders', name: 'Orders', kind: 'service', position: { x: 400, y: 300 },
      replicas: 2, concurrency: 32, queueCapacity: 200,
      serviceTime: { kind: 'empirical', points: [{ value: 4, weight: 3 }, { value: 12, weight: 1 }] },
      calls: [
        { connection: 'orders-db', probability: 1, required: true },
        { connection: 'orders-events', probability: 1, required: false },
      ],
      resilience: [
        {
          type: 'retry', connection: 'orders-db',
          params: {
            maxAttempts: 3, backoff: { kind: 'exponential', initialMs: 20, multiplier: 2, maxMs: 500 },
            jitter: 'decorrelated', retryOn: ['timeout', 'connection-refused', 'internal-error'],
          },
        },
        { type: 'bulkhead', connection: 'orders-db', params: { maxConcurrentCalls: 20, maxWaitMs: 10 } },
        { type: 'timeout', params: { timeoutMs: 300 } },
      ],
      inbound: [],
    },
    {
      id: 'db', name: 'Primary database', kind: 'database', position: { x: 800, y: 200 },
      replicas: 1, concurrency: 40, queueCapacity: null,
      serviceTime: { kind: 'exponential', mean: 3 },
      calls: [], resilience: [], inbound: [],
    },
    {
      id: 'events', name: 'Order events', kind: 'queue', position: { x: 600, y: 400 },
      replicas: 1, concurrency: 1, queueCapacity: null, consumers: 4, maxDepth: 10000,
      serviceTime: { kind: 'constant', value: 0.5 },
      calls: [{ connection: 'events-mailer', probability: 1, required: true }],
      resilience: [], inbound: [],
    },
    {
      id: 'mailer', name: 'Mailer', kind: 'service', position: { x: 800, y: 400 },
      replicas: 1, concurrency: 4, queueCapacity: 1000,
      serviceTime: { kind: 'exponential', mean: 20 },
      calls: [], resilience: [], inbound: [],
    },
  ],
  connections: [
    { id: 'shoppers-edge', source: 'shoppers', target: 'edge', mode: 'sync', latency: { kind: 'constant', value: 10 } },
    { id: 'edge-catalog', source: 'edge', target: 'catalog', mode: 'sync', latency: { kind: 'constant', value: 1 } },
    { id: 'edge-orders', source: 'edge', target: 'orders', mode: 'sync', latency: { kind: 'constant', value: 1 } },
    { id: 'catalog-cache', source: 'catalog', target: 'cache', mode: 'sync', latency: { kind: 'constant', value: 0.5 } },
    {
      id: 'catalog-reviews', source: 'catalog', target: 'reviews', mode: 'sync',
      latency: { kind: 'lognormal', median: 20, p99: 120 }, payloadBytes: 20000,
    },
    { id: 'cache-db', source: 'cache', target: 'db', mode: 'sync', latency: { kind: 'constant', value: 1 } },
    { id: 'orders-db', source: 'orders', target: 'db', mode: 'sync', latency: { kind: 'exponential', mean: 1 } },
    { id: 'orders-events', source: 'orders', target: 'events', mode: 'async', latency: { kind: 'constant', value: 1 }, payloadBytes: 512 },
    { id: 'events-mailer', source: 'events', target: 'mailer', mode: 'async', latency: { kind: 'constant', value: 2 } },
  ],
  faults: [
    {
      id: 'db-crash', name: 'Database crash', type: 'crash', target: { component: 'db' }, enabled: true,
      schedule: { startMs: 30000, durationMs: 10000, probability: 1 },
      params: { instances: 'all', mode: 'hang' },
    },
    {
      id: 'reviews-slow', name: 'Slow reviews', type: 'latency', target: { connection: 'catalog-reviews' }, enabled: true,
      schedule: { startMs: 10000, durationMs: 20000, probability: 0.5, ramp: { from: 0.1, to: 0.9 } },
      params: { addMs: { kind: 'exponential', mean: 200 }, spikeProbability: 0.05, spikeMultiplier: 5 },
    },
    {
      id: 'orders-errors', name: 'Orders errors', type: 'error', target: { component: 'orders' }, enabled: true,
      schedule: { startMs: 50000, durationMs: 5000, probability: 0.2 },
      params: { errorTypes: ['internal-error', 'unauthorized'], message: 'bad deploy' },
    },
    {
      id: 'edge-loss', name: 'Lossy link', type: 'packet-loss', target: { connection: 'edge-catalog' }, enabled: true,
      schedule: { startMs: 5000, durationMs: 3000, probability: 0.05, intermittent: { onMs: 500, offMs: 500 } },
      params: {},
    },
    {
      id: 'events-dup', name: 'Duplicate events', type: 'duplicate', target: { connection: 'orders-events' }, enabled: true,
      schedule: { startMs: 0, durationMs: null, probability: 0.01, maxTriggers: 100 },
      params: {},
    },
    {
      id: 'events-reorder', name: 'Reordered events', type: 'reorder', target: { connection: 'events-mailer' }, enabled: false,
      schedule: { startMs: 0, durationMs: 60000, probability: 0.1 },
      params: { windowMs: 250 },
    },
    {
      id: 'cache-corrupt', name: 'Corrupt cache entries', type: 'corruption', target: { component: 'cache' }, enabled: true,
      schedule: { startMs: 20000, durationMs: 5000, probability: 0.01 },
      params: { detectable: false },
    },
    {
      id: 'catalog-cpu', name: 'Catalog CPU hog', type: 'resource-exhaustion', target: { component: 'catalog' }, enabled: true,
      schedule: { startMs: 40000, durationMs: 10000, probability: 1 },
      params: { resource: 'cpu', intensity: 0.5 },
    },
    {
      id: 'reviews-down', name: 'Reviews unreachable', type: 'dependency-down', target: { connection: 'catalog-reviews' }, enabled: true,
      schedule: { startMs: 45000, durationMs: 5000, probability: 1 },
      params: {},
    },
    {
      id: 'reviews-narrow', name: 'Narrow link', type: 'bandwidth', target: { connection: 'catalog-reviews' }, enabled: true,
      schedule: { startMs: 0, durationMs: null, probability: 1 },
      params: { bytesPerSecond: 1000000 },
    },
  ],
  workload: {
    entry: 'shoppers',
    arrival: { kind: 'poisson', ratePerSecond: 300 },
    profile: [
      { kind: 'ramp', from: 50, to: 300, durationMs: 10000 },
      { kind: 'constant', ratePerSecond: 300, durationMs: 40000 },
      { kind: 'spike', atMs: 25000, durationMs: 2000, multiplier: 3 },
    ],
    clientTimeoutMs: 5000,
  },
  slo: {
    availability: 0.99, errorRate: 0.01, p99LatencyMs: 500, latencyDegradationMs: 300, mttrMs: 30000, recoveryTimeMs: 10000,
  },
};
