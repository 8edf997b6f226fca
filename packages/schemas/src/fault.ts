import { z } from 'zod';
import { DistributionSchema } from './distribution.ts';
import { ErrorKindSchema } from './errors.ts';
import { CountSchema, DurationMsSchema, PositiveDurationMsSchema, ProbabilitySchema, SlugSchema } from './ids.ts';
import { safeText } from './storable.ts';

/** When a fault acts (SPEC §3.3). */
export const FaultScheduleSchema = z.strictObject({
  startMs: DurationMsSchema.default(0),
  /** null: until the end of the run. */
  durationMs: DurationMsSchema.nullable().default(null),
  /** Chance that the fault acts on each request it sees while active. */
  probability: ProbabilitySchema.default(1),
  /** The probability moves linearly from `from` to `to` across the window (gradual degradation). */
  ramp: z.strictObject({ from: ProbabilitySchema, to: ProbabilitySchema }).optional(),
  /** Flapping: active for `onMs`, then quiet for `offMs`, repeatedly, within the window. */
  intermittent: z.strictObject({ onMs: PositiveDurationMsSchema, offMs: DurationMsSchema }).optional(),
  /** The fault stops acting after this many requests. */
  maxTriggers: CountSchema.optional(),
});
export type FaultSchedule = z.infer<typeof FaultScheduleSchema>;

export const FaultTargetSchema = z.union([
  /** With `operation`, the fault acts only on requests for that operation of the component (SPEC §3.7). */
  z.strictObject({ component: SlugSchema, operation: SlugSchema.optional() }),
  z.strictObject({ connection: SlugSchema }),
]);
export type FaultTarget = z.infer<typeof FaultTargetSchema>;

const common = {
  id: SlugSchema,
  name: safeText().trim().min(1).max(200),
  target: FaultTargetSchema,
  schedule: FaultScheduleSchema.prefault({}),
  enabled: z.boolean().default(true),
};
const noParams = z.strictObject({}).default({});

export const FaultSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('crash'),
    ...common,
    params: z
      .strictObject({
        instances: z.union([CountSchema, z.literal('all')]).default('all'),
        mode: z.enum(['refuse', 'hang']).default('refuse'),
      })
      .prefault({}),
  }),
  z.strictObject({
    type: z.literal('latency'),
    ...common,
    params: z.strictObject({
      addMs: DistributionSchema,
      spikeProbability: ProbabilitySchema.default(0),
      spikeMultiplier: z.number().min(1).finite().default(1),
    }),
  }),
  z.strictObject({
    type: z.literal('error'),
    ...common,
    params: z.strictObject({
      errorTypes: z.array(ErrorKindSchema).min(1, { message: 'must list at least one error kind' }),
      message: safeText().max(500).optional(),
    }),
  }),
  z.strictObject({ type: z.literal('packet-loss'), ...common, params: noParams }),
  z.strictObject({ type: z.literal('duplicate'), ...common, params: noParams }),
  z.strictObject({ type: z.literal('reorder'), ...common, params: z.strictObject({ windowMs: DurationMsSchema }) }),
  z.strictObject({
    type: z.literal('corruption'),
    ...common,
    params: z.strictObject({ detectable: z.boolean().default(true) }).prefault({}),
  }),
  z.strictObject({
    type: z.literal('resource-exhaustion'),
    ...common,
    params: z.strictObject({
      resource: z.enum(['cpu', 'memory', 'disk-io', 'connections']),
      intensity: z.number().gt(0, { message: 'must be in (0, 1]' }).max(1, { message: 'must be in (0, 1]' }),
    }),
  }),
  z.strictObject({ type: z.literal('dependency-down'), ...common, params: noParams }),
  z.strictObject({
    type: z.literal('bandwidth'),
    ...common,
    params: z.strictObject({ bytesPerSecond: z.number().positive().finite() }),
  }),
]);
export type Fault = z.infer<typeof FaultSchema>;
export type FaultInput = z.input<typeof FaultSchema>;
export type FaultType = Fault['type'];
export const FAULT_TYPES = FaultSchema.options.map((o) => o.shape.type.value) as FaultType[];

/**
 * Faults that change the component's state for all its requests (a crash, memory or connections
 * exhaustion): they cannot act on one operation's requests (SPEC §3.7), so name none.
 */
export function actsOnWholeComponent(fault: Fault | FaultInput): boolean {
  return (
    fault.type === 'crash' ||
    (fault.type === 'resource-exhaustion' &&
      (fault.params.resource === 'memory' || fault.params.resource === 'connections'))
  );
}

/** Which targets each fault type accepts (SPEC §3.3's table). */
export const FAULT_TARGETS: Record<FaultType, { component: boolean; connection: boolean; asyncOnly?: boolean }> = {
  crash: { component: true, connection: false },
  latency: { component: true, connection: true },
  error: { component: true, connection: false },
  'packet-loss': { component: false, connection: true },
  duplicate: { component: false, connection: true },
  reorder: { component: false, connection: true, asyncOnly: true },
  corruption: { component: true, connection: true },
  'resource-exhaustion': { component: true, connection: false },
  'dependency-down': { component: false, connection: true },
  bandwidth: { component: false, connection: true },
};
