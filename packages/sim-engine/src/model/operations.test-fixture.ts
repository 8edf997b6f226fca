// Designs with request classes for the engine's tests (SPEC §3.7). Test support only.
import { DesignSchema, type Design, type DesignInput } from '@faultline/schemas';

type Distribution = { kind: 'constant'; value: number } | { kind: 'exponential'; mean: number };

export interface ClassSpec {
  id: string;
  weight?: number;
  /** The server's operation this class asks for, with its service time. */
  serviceTime: Distribution;
}

/**
 * A client whose classes each ask one server for an operation of their own (`op-<class>`), over
 * a connection with no latency: the server's operations differ only in their service time.
 */
export function classesThroughOneServer(
  classes: ClassSpec[],
  server: { concurrency: number; ratePerSecond: number },
  extra: Partial<DesignInput> = {},
): Design {
  return DesignSchema.parse({
    name: 'classes',
    components: [
      {
        id: 'users',
        name: 'Users',
        kind: 'client',
        operations: classes.map((c) => ({
          id: c.id,
          name: `Class ${c.id}`,
          ...(c.weight !== undefined ? { weight: c.weight } : {}),
          calls: [{ connection: 'users-server', operation: `op-${c.id}` }],
        })),
      },
      {
        id: 'server',
        name: 'Server',
        kind: 'service',
        concurrency: server.concurrency,
        operations: classes.map((c) => ({ id: `op-${c.id}`, name: `Op ${c.id}`, serviceTime: c.serviceTime })),
      },
    ],
    connections: [{ id: 'users-server', source: 'users', target: 'server', latency: { kind: 'constant', value: 0 } }],
    workload: { entry: 'users', arrival: { kind: 'poisson', ratePerSecond: server.ratePerSecond } },
    ...extra,
  });
}

/** The same server without operations: one service time, the client without classes. */
export function oneServer(serviceTime: Distribution, server: { concurrency: number; ratePerSecond: number }): Design {
  return DesignSchema.parse({
    name: 'plain',
    components: [
      { id: 'users', name: 'Users', kind: 'client', calls: [{ connection: 'users-server' }] },
      { id: 'server', name: 'Server', kind: 'service', concurrency: server.concurrency, serviceTime },
    ],
    connections: [{ id: 'users-server', source: 'users', target: 'server', latency: { kind: 'constant', value: 0 } }],
    workload: { entry: 'users', arrival: { kind: 'poisson', ratePerSecond: server.ratePerSecond } },
  });
}
