import { z } from 'zod';

/** Ids are short slugs, unique within a design (SPEC §3). */
export const SlugSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, {
  message: 'must be a slug: 1 to 64 lowercase letters, digits, "-" or "_", starting with a letter or digit',
});
export type Slug = z.infer<typeof SlugSchema>;

/** Simulated time in milliseconds. */
export const DurationMsSchema = z.number().min(0).finite();
export const PositiveDurationMsSchema = z.number().positive().finite();

/** A probability: a number in [0, 1]. */
export const ProbabilitySchema = z.number().min(0).max(1);

/** A percentage: a number in [0, 100]. */
export const PercentSchema = z.number().min(0).max(100);

/** Requests per second. */
export const RateSchema = z.number().min(0).finite();

export const CountSchema = z.int().min(1);
