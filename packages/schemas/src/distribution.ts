import { z } from 'zod';
import { atMost, SIZE_LIMITS } from './size-limits.ts';

/** Durations drawn per request, in ms (SPEC §3.5). */
export const DistributionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('constant'), value: z.number().min(0).finite() }),
  z.strictObject({ kind: z.literal('exponential'), mean: z.number().positive().finite() }),
  z
    .strictObject({ kind: z.literal('uniform'), min: z.number().min(0).finite(), max: z.number().min(0).finite() })
    .refine((d) => d.max >= d.min, { message: 'must be at least the minimum', path: ['max'] }),
  z.strictObject({ kind: z.literal('normal'), mean: z.number().min(0).finite(), stdDev: z.number().min(0).finite() }),
  z
    .strictObject({
      kind: z.literal('lognormal'),
      median: z.number().positive().finite(),
      p99: z.number().positive().finite(),
    })
    .refine((d) => d.p99 >= d.median, { message: 'must be at least the median', path: ['p99'] }),
  z.strictObject({
    kind: z.literal('empirical'),
    points: z
      .array(z.strictObject({ value: z.number().min(0).finite(), weight: z.number().positive().finite() }))
      .min(1, { message: 'needs at least one point' })
      .max(SIZE_LIMITS.empiricalPoints, atMost(SIZE_LIMITS.empiricalPoints, ' points')),
  }),
]);
export type Distribution = z.infer<typeof DistributionSchema>;
