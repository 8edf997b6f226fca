import { z } from 'zod';
import { DistributionSchema } from './distribution.ts';
import { CountSchema, ProbabilitySchema, SlugSchema } from './ids.ts';
import { InboundPoliciesSchema, OutgoingPoliciesSchema } from './resilience.ts';
import { atMost, SIZE_LIMITS } from './size-limits.ts';
import { int32, safeText } from './storable.ts';

/** One downstream call a component makes for each request it serves (SPEC §3.2). */
export const CallSchema = z.strictObject({
  connection: SlugSchema,
  probability: ProbabilitySchema.default(1),
  /** Calls sharing a group run concurrently; groups and ungrouped calls run in list order. */
  parallelGroup: safeText().min(1).max(64).optional(),
  required: z.boolean().default(true),
  /** Caches only: this call is made on a miss (and only then). */
  onMiss: z.boolean().optional(),
  /** The target's operation this call asks for (SPEC §3.7); absent: the target's first. */
  operation: SlugSchema.optional(),
});
export type Call = z.infer<typeof CallSchema>;

/** The operation of a component that declares none (SPEC §3.7): its own serviceTime and calls. */
export const DEFAULT_OPERATION_ID = 'default';

const operationCommon = {
  id: SlugSchema,
  name: safeText().trim().min(1).max(200),
  calls: z.array(CallSchema).max(100).default([]),
};

/**
 * One kind of request a serving component does (SPEC §3.7): its own service time (absent: the
 * component's) and its own calls. `weight` is accepted here only so that the design rules can
 * say plainly that a weight belongs to a client's operation.
 */
export const OperationSchema = z.strictObject({
  ...operationCommon,
  serviceTime: DistributionSchema.optional(),
  weight: z.number().positive().finite().optional(),
});
export type Operation = z.infer<typeof OperationSchema>;

/**
 * A client's operation is a request class of the workload: an arriving request picks it with
 * probability weight / total. A client does no work, so it has no service time.
 */
export const ClientOperationSchema = z.strictObject({
  ...operationCommon,
  weight: z.number().positive({ message: 'must be more than 0' }).finite().default(1),
});
export type ClientOperation = z.infer<typeof ClientOperationSchema>;

const operationsOf = <T extends z.ZodType>(operation: T) =>
  z.array(operation).min(1).max(SIZE_LIMITS.operations, atMost(SIZE_LIMITS.operations)).optional();

export const PositionSchema = z.strictObject({ x: z.number().finite(), y: z.number().finite() });

// Defaults for what SPEC §3.1 leaves open, chosen to be unsurprising: one replica, a pool of 10
// workers, an unbounded queue and a 10 ms exponential service time.
export const DEFAULT_SERVICE_TIME = { kind: 'exponential', mean: 10 } as const;

const identity = {
  id: SlugSchema,
  name: safeText().trim().min(1).max(200),
  position: PositionSchema.default({ x: 0, y: 0 }),
  calls: z.array(CallSchema).max(100).default([]),
  resilience: OutgoingPoliciesSchema,
};

const serving = {
  ...identity,
  replicas: CountSchema.max(SIZE_LIMITS.replicas, atMost(SIZE_LIMITS.replicas)).default(1),
  concurrency: CountSchema.max(SIZE_LIMITS.concurrency, atMost(SIZE_LIMITS.concurrency)).default(10),
  /** Waiting requests per replica beyond which new ones fail as `overloaded`; null = unbounded. */
  queueCapacity: z
    .int()
    .min(0)
    .max(SIZE_LIMITS.queueCapacity, atMost(SIZE_LIMITS.queueCapacity))
    .nullable()
    .default(null),
  serviceTime: DistributionSchema.default(DEFAULT_SERVICE_TIME),
  inbound: InboundPoliciesSchema,
  /** Absent: one implicit `default` operation made of `serviceTime` and `calls` (SPEC §3.7). */
  operations: operationsOf(OperationSchema),
};

/** Where traffic enters; the workload drives it. It does no work of its own. */
export const ClientComponentSchema = z.strictObject({
  kind: z.literal('client'),
  ...identity,
  /** The workload's request classes; absent: one implicit `default` class made of `calls`. */
  operations: operationsOf(ClientOperationSchema),
});

/** Forwards each request to one of its calls' targets, chosen by `balancing`. */
export const GatewayComponentSchema = z.strictObject({
  kind: z.literal('gateway'),
  ...serving,
  balancing: z.enum(['round-robin', 'random', 'least-outstanding']).default('round-robin'),
});

export const ServiceComponentSchema = z.strictObject({ kind: z.literal('service'), ...serving });

/** `concurrency` is the connection pool. */
export const DatabaseComponentSchema = z.strictObject({ kind: z.literal('database'), ...serving });

export const CacheComponentSchema = z.strictObject({
  kind: z.literal('cache'),
  ...serving,
  hitRatio: ProbabilitySchema.default(0.9),
});

/** Acknowledges the producer at once; `consumers` drain it with at-least-once delivery. */
export const QueueComponentSchema = z.strictObject({
  kind: z.literal('queue'),
  ...serving,
  consumers: CountSchema.max(SIZE_LIMITS.consumers, atMost(SIZE_LIMITS.consumers)).default(1),
  /** Messages held at most; null = unbounded. */
  maxDepth: z.int().min(1).max(SIZE_LIMITS.queueMaxDepth, atMost(SIZE_LIMITS.queueMaxDepth)).nullable().default(null),
});

export const ExternalComponentSchema = z.strictObject({ kind: z.literal('external'), ...serving });

export const ComponentSchema = z.discriminatedUnion('kind', [
  ClientComponentSchema,
  GatewayComponentSchema,
  ServiceComponentSchema,
  DatabaseComponentSchema,
  CacheComponentSchema,
  QueueComponentSchema,
  ExternalComponentSchema,
]);
export type Component = z.infer<typeof ComponentSchema>;
export type ComponentKind = Component['kind'];
export type ServingComponent = Exclude<Component, { kind: 'client' }>;
export const COMPONENT_KINDS = ComponentSchema.options.map((o) => o.shape.kind.value) as ComponentKind[];

/** A network path between two components (SPEC §3.2). */
export const ConnectionSchema = z.strictObject({
  id: SlugSchema,
  source: SlugSchema,
  target: SlugSchema,
  mode: z.enum(['sync', 'async']).default('sync'),
  /** Paid half on the way there and half on the way back. Default: 1 ms, a same-region hop. */
  latency: DistributionSchema.default({ kind: 'constant', value: 1 }),
  payloadBytes: int32().min(0).optional(),
});
export type Connection = z.infer<typeof ConnectionSchema>;
