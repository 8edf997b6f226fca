import { z } from 'zod';
import { DurationMsSchema, PositiveDurationMsSchema } from './ids.ts';
import { atMost, SIZE_LIMITS } from './size-limits.ts';

/** Longest simulated run accepted: one day. */
export const MAX_RUN_DURATION_MS = 24 * 60 * 60 * 1000;

export const ScenarioSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('single') }),
  /** The same seed with faults disabled and enabled. */
  z.strictObject({ kind: z.literal('baseline-vs-chaos') }),
  /** One numeric value of the design, stepped from `from` to `to` in `steps` runs. */
  z.strictObject({
    kind: z.literal('sweep'),
    /** A JSON pointer into the design, e.g. `/faults/0/schedule/probability`. */
    parameter: z
      .string()
      .regex(/^(\/[^/]+)+$/, { message: 'must be a JSON pointer such as /faults/0/schedule/probability' }),
    from: z.number().finite(),
    to: z.number().finite(),
    steps: z.int().min(2).max(SIZE_LIMITS.sweepSteps, atMost(SIZE_LIMITS.sweepSteps)),
  }),
  /** Which defence helped: the design as it is, then once per resilience policy with it removed (SPEC §5). */
  z.strictObject({ kind: z.literal('defence-analysis') }),
]);
export type Scenario = z.infer<typeof ScenarioSchema>;

/** Per run, not stored in the design (SPEC §3.6). */
export const RunSettingsSchema = z
  .strictObject({
    durationMs: PositiveDurationMsSchema.max(MAX_RUN_DURATION_MS),
    /** Excluded from statistics. */
    warmupMs: DurationMsSchema.default(0),
    seed: z
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(1),
    replications: z.int().min(1).max(SIZE_LIMITS.replications, atMost(SIZE_LIMITS.replications)).default(1),
    scenario: ScenarioSchema.default({ kind: 'single' }),
  })
  .refine((s) => s.warmupMs < s.durationMs, { message: 'must be shorter than the run', path: ['warmupMs'] });
export type RunSettings = z.infer<typeof RunSettingsSchema>;
export type RunSettingsInput = z.input<typeof RunSettingsSchema>;
