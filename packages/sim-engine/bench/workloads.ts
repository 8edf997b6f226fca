import { DesignSchema, type Design, type DesignInput } from '@faultline/schemas';

const lognormal = (median: number) => ({ kind: 'lognormal' as const, median, p99: median * 5 });
const link = (source: string, target: string) => ({
  id: `${source}-${target}`,
  source,
  target,
  latency: { kind: 'constant' as const, value: 0.5 },
});

/**
 * The reference workload: a gateway in front of ten services, two caches and two databases, with
 * lognormal service times, a 2 % error rate on the databases and retries on every call to them.
 * Sized to stay well under capacity so the figure measures the engine, not a collapse.
 */
export function referenceDesign(ratePerSecond: number): Design {
  const services = Array.from({ length: 10 }, (_, i) => `svc${i}`);
  const retry = {
    type: 'retry' as const,
    params: {
      maxAttempts: 3,
      backoff: { kind: 'exponential' as const, initialMs: 5, multiplier: 2, maxMs: 100 },
      jitter: 'full' as const,
    },
  };
  const design: DesignInput = {
    name: 'reference',
    components: [
      { id: 'users', name: 'Users', kind: 'client', calls: [{ connection: 'users-edge' }] },
      {
        id: 'edge',
        name: 'Gateway',
        kind: 'gateway',
        replicas: 4,
        concurrency: 2000,
        serviceTime: lognormal(0.5),
        calls: services.map((s) => ({ connection: `edge-${s}` })),
        resilience: [{ type: 'timeout', params: { timeoutMs: 2000 } }],
      },
      ...services.map((s, i) => ({
        id: s,
        name: s,
        kind: 'service' as const,
        replicas: 2,
        concurrency: 1000,
        serviceTime: lognormal(2),
        calls: [
          { connection: `${s}-${i % 2 ? 'cache1' : 'cache0'}` },
          { connection: `${s}-${i % 2 ? 'db1' : 'db0'}`, probability: 0.5 },
        ],
        resilience: [retry, { type: 'timeout' as const, params: { timeoutMs: 1000 } }],
      })),
      ...['cache0', 'cache1'].map((c, i) => ({
        id: c,
        name: c,
        kind: 'cache' as const,
        replicas: 2,
        concurrency: 2000,
        hitRatio: 0.8,
        serviceTime: lognormal(0.3),
        calls: [{ connection: `${c}-db${i}`, onMiss: true }],
      })),
      ...['db0', 'db1'].map((d) => ({
        id: d,
        name: d,
        kind: 'database' as const,
        replicas: 2,
        concurrency: 2000,
        serviceTime: lognormal(3),
      })),
    ],
    connections: [
      link('users', 'edge'),
      ...services.map((s) => link('edge', s)),
      ...services.flatMap((s, i) => [link(s, i % 2 ? 'cache1' : 'cache0'), link(s, i % 2 ? 'db1' : 'db0')]),
      link('cache0', 'db0'),
      link('cache1', 'db1'),
    ],
    faults: ['db0', 'db1'].map((d) => ({
      id: `${d}-errors`,
      name: `${d} errors`,
      type: 'error' as const,
      target: { component: d },
      schedule: { startMs: 0, durationMs: null, probability: 0.02 },
      params: { errorTypes: ['internal-error' as const] },
    })),
    workload: { entry: 'users', arrival: { kind: 'poisson', ratePerSecond } },
  };
  return DesignSchema.parse(design);
}

/** M/M/1: one server, exponential service with mean 1 ms, load `rho`. */
export function mm1Design(rho: number): Design {
  return DesignSchema.parse({
    name: 'M/M/1',
    components: [
      { id: 'users', name: 'Users', kind: 'client', calls: [{ connection: 'users-server' }] },
      { id: 'server', name: 'Server', kind: 'service', concurrency: 1, serviceTime: { kind: 'exponential', mean: 1 } },
    ],
    connections: [{ id: 'users-server', source: 'users', target: 'server', latency: { kind: 'constant', value: 0 } }],
    workload: { entry: 'users', arrival: { kind: 'poisson', ratePerSecond: rho * 1000 } },
  });
}
