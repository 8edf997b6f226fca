import { z } from 'zod';
import { GradeSchema, PolicyTypeSchema, SimulationResultSchema, SloTargetSchema } from './result.ts';

/**
 * The figures a person compares between runs: availability and error rate are ratios of the
 * measured entry requests (a fallback's answer counts as available), latencies are end-to-end
 * p50/p99 of successful requests in ms. null where there is nothing to measure.
 */
export const HeadlineSchema = z.object({
  availability: z.number().nullable(),
  errorRate: z.number().nullable(),
  p50LatencyMs: z.number().nullable(),
  p99LatencyMs: z.number().nullable(),
  mttrMs: z.number().nullable(),
  recoveryRate: z.number().nullable(),
});
export type Headline = z.infer<typeof HeadlineSchema>;

/** One step of a sweep: the parameter's value and what the run with it gave. */
export const SweepPointSchema = z.object({
  step: z.int().min(0),
  value: z.number(),
  requests: z.int().min(0),
  /** Succeeded or degraded over requests, as availability; the collapse point is judged on it. */
  successRate: z.number().nullable(),
  headline: HeadlineSchema,
  sloPassed: z.boolean(),
  grade: GradeSchema.nullable(),
});
export type SweepPoint = z.infer<typeof SweepPointSchema>;

/** The figures a defence analysis compares (SPEC §5); null where there is nothing to measure. */
export const DefenceFiguresSchema = z.object({
  availability: z.number().nullable(),
  errorRate: z.number().nullable(),
  p99LatencyMs: z.number().nullable(),
  amplification: z.number().nullable(),
});
export type DefenceFigures = z.infer<typeof DefenceFiguresSchema>;

/**
 * One resilience policy's part in a defence analysis: the run without it, the effect of having
 * it (with − without) and the verdict. `no-effect` when availability moves less than 0.1 point
 * and p99 less than 5 %; with replications, when the 95 % confidence interval of the availability
 * difference contains 0.
 */
export const DefenceSchema = z.object({
  policy: z.object({
    component: z.string(),
    type: PolicyTypeSchema,
    /** null: all the component's calls, or an inbound guard. */
    connection: z.string().nullable(),
  }),
  without: DefenceFiguresSchema,
  effect: DefenceFiguresSchema,
  /** With replications: the 95 % confidence interval of the availability effect. */
  availabilityInterval: z.object({ low: z.number(), high: z.number() }).nullable(),
  verdict: z.enum(['helped', 'hurt', 'no-effect']),
  /** Why the verdict, in words a person reads. */
  reason: z.string(),
});
export type Defence = z.infer<typeof DefenceSchema>;

/** Below this success rate a sweep step counts as collapsed (SPEC §5). */
export const COLLAPSE_SUCCESS_RATE = 0.1;

/** What a run produces, by scenario (SPEC §5). Each simulation inside is a full SPEC §4.1 result. */
export const RunResultSchema = z.discriminatedUnion('scenario', [
  z.object({ scenario: z.literal('single'), result: SimulationResultSchema }),
  z.object({
    scenario: z.literal('baseline-vs-chaos'),
    /** Every fault switched off; same seed, so the same traffic. */
    baseline: SimulationResultSchema,
    chaos: SimulationResultSchema,
    /** chaos minus baseline, per headline figure; null where either side has none. */
    difference: HeadlineSchema,
  }),
  z.object({
    scenario: z.literal('sweep'),
    parameter: z.string(),
    points: z.array(SweepPointSchema),
    /** The first step whose success rate fell below 10 %; null if none did. */
    collapse: z.object({ step: z.int().min(0), value: z.number() }).nullable(),
    /** The first step where any SLO target failed, a class's included, with those targets; null if none did (SPEC §5). */
    breakingPoint: z
      .object({
        step: z.int().min(0),
        value: z.number(),
        /** The design-wide targets that failed there. */
        failedTargets: z.array(SloTargetSchema),
        /** The request classes whose own targets failed there, with those targets (SPEC §3.7); absent when none did. */
        failedClasses: z.record(z.string(), z.array(SloTargetSchema)).optional(),
      })
      .nullable()
      .default(null),
  }),
  z.object({
    scenario: z.literal('defence-analysis'),
    /** The design as it is, faults on. */
    chaos: SimulationResultSchema,
    /** One per resilience policy (outgoing and inbound), sorted by the size of the availability effect. */
    defences: z.array(DefenceSchema),
  }),
]);
export type RunResult = z.infer<typeof RunResultSchema>;
