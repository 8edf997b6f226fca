import { z } from 'zod';
import { DesignSchema, type DesignInput } from './design.ts';
import { hotelReservation } from './reference-templates/hotel-reservation.ts';
import { onlineBoutique } from './reference-templates/online-boutique.ts';
import { socialNetwork } from './reference-templates/social-network.ts';

/**
 * An example to start from: a small system that shows one resilience lesson when run as it is.
 * `description` is the lesson in one line; the design opens ready to run.
 */
export const DesignTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  design: DesignSchema,
});
export type DesignTemplate = z.infer<typeof DesignTemplateSchema>;
export type DesignTemplateInput = { id: string; name: string; description: string; design: DesignInput };

const lognormal = (median: number, p99: number) => ({ kind: 'lognormal' as const, median, p99 });
const wire = (ms: number) => ({ kind: 'constant' as const, value: ms });

/** Shoppers → Storefront → Checkout → Orders DB, with a product cache in front of the catalog. */
const checkoutOutage: DesignTemplateInput = {
  id: 'checkout-database-outage',
  name: 'Checkout: database outage behind a cache',
  description:
    'The orders database goes down for 10 s: checkouts fail while cached product pages keep serving, then watch how long recovery takes.',
  design: {
    name: 'Checkout with a database outage',
    description: 'The classic e-commerce chaos scenario: the orders database crashes for ten seconds mid-run.',
    components: [
      {
        id: 'shoppers',
        name: 'Shoppers',
        kind: 'client',
        position: { x: 0, y: 160 },
        calls: [{ connection: 'shoppers-storefront' }],
      },
      {
        id: 'storefront',
        name: 'Storefront',
        kind: 'service',
        position: { x: 240, y: 160 },
        replicas: 2,
        concurrency: 32,
        serviceTime: lognormal(4, 20),
        calls: [{ connection: 'storefront-products' }, { connection: 'storefront-checkout', probability: 0.3 }],
        resilience: [{ type: 'timeout', params: { timeoutMs: 800 } }],
      },
      {
        id: 'products',
        name: 'Product cache',
        kind: 'cache',
        position: { x: 500, y: 40 },
        concurrency: 100,
        hitRatio: 0.9,
        serviceTime: wire(1),
        calls: [{ connection: 'products-catalog-db', onMiss: true }],
      },
      {
        id: 'catalog-db',
        name: 'Catalog DB',
        kind: 'database',
        position: { x: 760, y: 40 },
        concurrency: 20,
        serviceTime: lognormal(5, 25),
      },
      {
        id: 'checkout',
        name: 'Checkout service',
        kind: 'service',
        position: { x: 500, y: 280 },
        replicas: 2,
        concurrency: 16,
        queueCapacity: 100,
        serviceTime: lognormal(8, 40),
        calls: [{ connection: 'checkout-orders-db' }],
        resilience: [
          { type: 'timeout', params: { timeoutMs: 300 } },
          {
            type: 'retry',
            connection: 'checkout-orders-db',
            params: {
              maxAttempts: 3,
              backoff: { kind: 'exponential', initialMs: 50, multiplier: 2, maxMs: 400 },
              jitter: 'full',
            },
          },
        ],
      },
      {
        id: 'orders-db',
        name: 'Orders DB',
        kind: 'database',
        position: { x: 760, y: 280 },
        concurrency: 20,
        serviceTime: { kind: 'exponential', mean: 4 },
      },
    ],
    connections: [
      { id: 'shoppers-storefront', source: 'shoppers', target: 'storefront', latency: wire(2) },
      { id: 'storefront-products', source: 'storefront', target: 'products', latency: wire(1) },
      { id: 'products-catalog-db', source: 'products', target: 'catalog-db', latency: wire(1) },
      { id: 'storefront-checkout', source: 'storefront', target: 'checkout', latency: wire(1) },
      { id: 'checkout-orders-db', source: 'checkout', target: 'orders-db', latency: wire(1) },
    ],
    faults: [
      {
        id: 'orders-db-outage',
        name: 'Orders DB outage',
        type: 'crash',
        target: { component: 'orders-db' },
        schedule: { startMs: 20_000, durationMs: 10_000 },
        params: { instances: 'all', mode: 'refuse' },
      },
    ],
    workload: { entry: 'shoppers', arrival: { kind: 'poisson', ratePerSecond: 200 } },
    slo: { availability: 0.99, errorRate: 0.01, p99LatencyMs: 500 },
  },
};

/** Users → API → Inventory, where Inventory starts failing half its requests for 15 s. */
function retryStorm(withBreaker: boolean): DesignTemplateInput {
  const retry = {
    type: 'retry' as const,
    connection: 'api-inventory',
    params: { maxAttempts: 5, backoff: { kind: 'fixed' as const, initialMs: 10, multiplier: 1, maxMs: 10 } },
  };
  const breaker = {
    type: 'circuit-breaker' as const,
    connection: 'api-inventory',
    params: {
      slidingWindow: { type: 'count' as const, size: 50 },
      minimumCalls: 20,
      failureRateThreshold: 50,
      waitInOpenMs: 2_000,
      permittedCallsInHalfOpen: 10,
    },
  };
  const fallback = {
    type: 'fallback' as const,
    connection: 'api-inventory',
    params: { kind: 'cached' as const, latencyMs: 2 },
  };
  return {
    id: withBreaker ? 'retry-storm-with-breaker' : 'retry-storm',
    name: withBreaker ? 'Retry storm, cured by a circuit breaker' : 'Retry storm',
    description: withBreaker
      ? 'The same system and fault with a circuit breaker and a cached fallback: the breaker stops the retries and the system stays up. Run it beside "Retry storm".'
      : 'Five quick retries against a struggling inventory service multiply its load until it drowns. Run it, then run "Retry storm, cured by a circuit breaker".',
    design: {
      name: withBreaker ? 'Retry storm, with a circuit breaker' : 'Retry storm',
      description: withBreaker
        ? 'Retries behind a circuit breaker and a cached fallback: the cure for the retry storm.'
        : 'Retries without a breaker: every failure becomes five calls on a service that is already failing.',
      components: [
        {
          id: 'users',
          name: 'Users',
          kind: 'client',
          position: { x: 0, y: 120 },
          calls: [{ connection: 'users-api' }],
        },
        {
          id: 'api',
          name: 'Shop API',
          kind: 'service',
          position: { x: 260, y: 120 },
          replicas: 2,
          concurrency: 64,
          serviceTime: lognormal(3, 15),
          calls: [{ connection: 'api-inventory' }],
          resilience: withBreaker
            ? [fallback, retry, breaker, { type: 'timeout', params: { timeoutMs: 250 } }]
            : [retry, { type: 'timeout', params: { timeoutMs: 250 } }],
        },
        {
          id: 'inventory',
          name: 'Inventory',
          kind: 'service',
          position: { x: 520, y: 120 },
          concurrency: 16,
          queueCapacity: 200,
          serviceTime: lognormal(8, 30),
        },
      ],
      connections: [
        { id: 'users-api', source: 'users', target: 'api', latency: wire(2) },
        { id: 'api-inventory', source: 'api', target: 'inventory', latency: wire(1) },
      ],
      faults: [
        {
          id: 'inventory-slow',
          name: 'Inventory slows down',
          type: 'latency',
          target: { component: 'inventory' },
          schedule: { startMs: 15_000, durationMs: 15_000, probability: 0.3 },
          params: { addMs: { kind: 'constant', value: 300 } },
        },
      ],
      workload: { entry: 'users', arrival: { kind: 'poisson', ratePerSecond: 600 } },
      slo: { availability: 0.99, errorRate: 0.01, p99LatencyMs: 300 },
    },
  };
}

/** Users → Web → Orders → Payments, and Web → Catalog: payments slow down, browsing fails too. */
const cascadingFailure: DesignTemplateInput = {
  id: 'cascading-slow-dependency',
  name: 'Cascading failure through a slow dependency',
  description:
    'Payments slow to 2 s and nobody has a timeout: the held workers back up into the web tier until browsing, which never calls payments, fails too.',
  design: {
    name: 'Cascading failure',
    description:
      'A slow payments provider, no timeouts, thread-per-request workers: the failure climbs up the call chain.',
    components: [
      { id: 'users', name: 'Users', kind: 'client', position: { x: 0, y: 160 }, calls: [{ connection: 'users-web' }] },
      {
        id: 'web',
        name: 'Web frontend',
        kind: 'service',
        position: { x: 240, y: 160 },
        concurrency: 40,
        queueCapacity: 100,
        serviceTime: lognormal(3, 12),
        calls: [{ connection: 'web-catalog' }, { connection: 'web-orders', probability: 0.2 }],
      },
      {
        id: 'catalog',
        name: 'Catalog',
        kind: 'service',
        position: { x: 500, y: 40 },
        concurrency: 40,
        serviceTime: lognormal(5, 20),
      },
      {
        id: 'orders',
        name: 'Orders',
        kind: 'service',
        position: { x: 500, y: 280 },
        concurrency: 20,
        queueCapacity: 100,
        serviceTime: lognormal(6, 25),
        calls: [{ connection: 'orders-payments' }],
      },
      {
        id: 'payments',
        name: 'Payments provider',
        kind: 'external',
        position: { x: 760, y: 280 },
        concurrency: 200,
        serviceTime: lognormal(40, 120),
      },
    ],
    connections: [
      { id: 'users-web', source: 'users', target: 'web', latency: wire(2) },
      { id: 'web-catalog', source: 'web', target: 'catalog', latency: wire(1) },
      { id: 'web-orders', source: 'web', target: 'orders', latency: wire(1) },
      { id: 'orders-payments', source: 'orders', target: 'payments', latency: wire(10) },
    ],
    faults: [
      {
        id: 'payments-slow',
        name: 'Payments slow down',
        type: 'latency',
        target: { component: 'payments' },
        schedule: { startMs: 20_000, durationMs: 15_000 },
        params: { addMs: { kind: 'constant', value: 2_000 } },
      },
    ],
    workload: { entry: 'users', arrival: { kind: 'poisson', ratePerSecond: 300 }, clientTimeoutMs: 5_000 },
    slo: { availability: 0.99, errorRate: 0.01, p99LatencyMs: 500 },
  },
};

/** Users → Orders API ⇢ Order queue → Fulfilment, where fulfilment slows to a crawl for 20 s. */
const queueBacklog: DesignTemplateInput = {
  id: 'queue-backlog',
  name: 'Queue backlog behind a slow consumer',
  description:
    'Fulfilment slows down: users see nothing wrong while a backlog builds, and once the queue is full it drops orders where no SLO looks.',
  design: {
    name: 'Queue backlog',
    description: 'An order queue in front of a fulfilment worker that slows down: asynchronous work hides a backlog.',
    components: [
      {
        id: 'users',
        name: 'Users',
        kind: 'client',
        position: { x: 0, y: 120 },
        calls: [{ connection: 'users-orders' }],
      },
      {
        id: 'orders',
        name: 'Orders API',
        kind: 'service',
        position: { x: 240, y: 120 },
        replicas: 2,
        concurrency: 32,
        serviceTime: lognormal(4, 20),
        calls: [{ connection: 'orders-queue' }],
      },
      {
        id: 'queue',
        name: 'Order queue',
        kind: 'queue',
        position: { x: 480, y: 120 },
        consumers: 8,
        maxDepth: 2_500,
        serviceTime: wire(1),
        calls: [{ connection: 'queue-fulfilment' }],
      },
      {
        id: 'fulfilment',
        name: 'Fulfilment worker',
        kind: 'service',
        position: { x: 720, y: 120 },
        concurrency: 8,
        serviceTime: lognormal(20, 60),
      },
    ],
    connections: [
      { id: 'users-orders', source: 'users', target: 'orders', latency: wire(2) },
      { id: 'orders-queue', source: 'orders', target: 'queue', mode: 'async', latency: wire(1) },
      { id: 'queue-fulfilment', source: 'queue', target: 'fulfilment', latency: wire(1) },
    ],
    faults: [
      {
        id: 'fulfilment-slow',
        name: 'Fulfilment slows down',
        type: 'resource-exhaustion',
        target: { component: 'fulfilment' },
        schedule: { startMs: 15_000, durationMs: 20_000 },
        params: { resource: 'cpu', intensity: 0.9 },
      },
    ],
    workload: { entry: 'users', arrival: { kind: 'poisson', ratePerSecond: 250 } },
    slo: { availability: 0.99, errorRate: 0.01, p99LatencyMs: 200 },
  },
};

/** The examples a new design can start from, served by `GET /api/templates`. */
export const DESIGN_TEMPLATES: readonly DesignTemplateInput[] = [
  checkoutOutage,
  retryStorm(false),
  retryStorm(true),
  cascadingFailure,
  queueBacklog,
  // Reference architectures: real systems with their request mix as request classes.
  onlineBoutique,
  hotelReservation,
  socialNetwork,
];
