// The tiny models of the fault, schedule and pattern tests. Test support only: not exported.
// Built from the design schema, so the tests go through `simulate` as a user's design does.
import type { Design, DesignInput, FaultInput } from '@faultline/schemas';
import { chain, client, server } from '../testing.test-helpers.ts';

type Arrival = DesignInput['workload']['arrival'];
type ServerFields = NonNullable<Parameters<typeof server>[1]>;
export type Policy = NonNullable<ServerFields['resilience']>[number];
export type InboundGuard = NonNullable<ServerFields['inbound']>[number];

/** A fault without its id and name (distributed over the union, so each type keeps its params). */
export type FaultSpec = FaultInput extends infer F ? (F extends FaultInput ? Omit<F, 'id' | 'name'> : never) : never;

/** A fault named `id`; enabled, with the schema's default schedule unless the spec says more. */
export function fault(spec: FaultSpec, id = 'fault'): FaultInput {
  return { id, name: id, ...spec } as FaultInput;
}

/** Requests evenly spaced: at 1000/rate ms, 2·1000/rate ms, … (the first one after one gap). */
export const constantRate = (ratePerSecond: number): Arrival => ({
  kind: 'constant',
  ratePerSecond,
});
export const poissonRate = (ratePerSecond: number): Arrival => ({
  kind: 'poisson',
  ratePerSecond,
});

export interface ApiAndDb {
  api?: ServerFields;
  db?: ServerFields;
  faults?: FaultInput[];
  arrival?: Arrival;
  clientTimeoutMs?: number;
  /** Payload of the api → db connection, in bytes. */
  payloadBytes?: number;
}

/**
 * users → api → db over connections `users-api` and `api-db`, both without latency. The api
 * works 1 ms and the db 2 ms (constant), each with 100 workers unless told otherwise, so a
 * request's round trip is exactly 3 ms when nothing gets in its way. One request a second.
 */
export function apiAndDb({
  api = {},
  db = {},
  faults = [],
  arrival = constantRate(1),
  clientTimeoutMs,
  payloadBytes,
}: ApiAndDb = {}): Design {
  const extra: Partial<DesignInput> = {
    faults,
    workload: { entry: 'users', arrival, ...(clientTimeoutMs === undefined ? {} : { clientTimeoutMs }) },
  };
  const design = chain(
    [
      client,
      server('api', { concurrency: 100, serviceTime: { kind: 'constant', value: 1 }, ...api }),
      server('db', { concurrency: 100, serviceTime: { kind: 'constant', value: 2 }, ...db }),
    ],
    extra,
  );
  if (payloadBytes !== undefined) design.connections[1]!.payloadBytes = payloadBytes;
  return design;
}
