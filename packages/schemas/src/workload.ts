import { z } from 'zod';
import { DistributionSchema } from './distribution.ts';
import {
  CountSchema,
  DurationMsSchema,
  PositiveDurationMsSchema,
  ProbabilitySchema,
  RateSchema,
  SlugSchema,
} from './ids.ts';
import { atMost, SIZE_LIMITS } from './size-limits.ts';

const positiveRate = z.number().positive().finite();

export const ArrivalSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('poisson'), ratePerSecond: positiveRate }),
  z.strictObject({ kind: z.literal('constant'), ratePerSecond: positiveRate }),
  /** Closed loop: each user sends a request, waits for the answer, thinks, and sends again. */
  z.strictObject({
    kind: z.literal('closed'),
    users: CountSchema.max(SIZE_LIMITS.users, atMost(SIZE_LIMITS.users)),
    thinkTime: DistributionSchema,
  }),
]);
export type Arrival = z.infer<typeof ArrivalSchema>;

/** Phases apply in order from time 0; spikes multiply whatever rate holds at their time. */
export const ProfilePhaseSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('constant'), ratePerSecond: RateSchema, durationMs: DurationMsSchema }),
  z.strictObject({ kind: z.literal('ramp'), from: RateSchema, to: RateSchema, durationMs: DurationMsSchema }),
  z.strictObject({
    kind: z.literal('spike'),
    atMs: DurationMsSchema,
    durationMs: DurationMsSchema,
    multiplier: z.number().min(0).finite(),
  }),
]);
export type ProfilePhase = z.infer<typeof ProfilePhaseSchema>;

export const WorkloadSchema = z.strictObject({
  /** A client component. */
  entry: SlugSchema,
  arrival: ArrivalSchema,
  profile: z.array(ProfilePhaseSchema).max(100).optional(),
  /** A request that never answers fails as `timeout` after this long. */
  clientTimeoutMs: PositiveDurationMsSchema.default(30_000),
});
export type Workload = z.infer<typeof WorkloadSchema>;

/** One request class's targets; the ones left out are not judged. */
export const ClassSloSchema = z.strictObject({
  availability: ProbabilitySchema.optional(),
  errorRate: ProbabilitySchema.optional(),
  p99LatencyMs: PositiveDurationMsSchema.optional(),
});
export type ClassSlo = z.infer<typeof ClassSloSchema>;

/**
 * SLO targets (SPEC §3.6). A missing target takes its default from common SRE practice; `null`
 * switches a target off.
 */
export const SloSchema = z.strictObject({
  availability: ProbabilitySchema.nullable().default(0.95),
  errorRate: ProbabilitySchema.nullable().default(0.05),
  p99LatencyMs: PositiveDurationMsSchema.nullable().default(null),
  latencyDegradationMs: DurationMsSchema.nullable().default(500),
  mttrMs: DurationMsSchema.nullable().default(30_000),
  recoveryTimeMs: DurationMsSchema.nullable().default(10_000),
  /**
   * Targets per request class (SPEC §3.7), keyed by an operation id of the entry client. Only the
   * targets given are judged: a class inherits nothing from the design-wide targets.
   */
  classes: z.record(SlugSchema, ClassSloSchema).optional(),
});
export type Slo = z.infer<typeof SloSchema>;

export const SLO_ENVIRONMENTS = ['development', 'staging', 'production'] as const;
export type SloEnvironment = (typeof SLO_ENVIRONMENTS)[number];

/** The environment presets of SPEC §3.6; other targets keep their values. */
export const SLO_PRESETS: Record<SloEnvironment, Pick<Slo, 'mttrMs' | 'errorRate' | 'availability'>> = {
  development: { mttrMs: 60_000, errorRate: 0.1, availability: 0.9 },
  staging: { mttrMs: 45_000, errorRate: 0.05, availability: 0.95 },
  production: { mttrMs: 30_000, errorRate: 0.01, availability: 0.99 },
};
