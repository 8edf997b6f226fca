import type { z } from 'zod';

/**
 * Parses a service's environment with its schema. A bad value stops the start with every
 * variable named and its rule, e.g. `PORT: Invalid input: expected number, received NaN`.
 */
export function parseEnvironment<T extends z.ZodType>(
  schema: T,
  env: Record<string, string | undefined>,
  service: string,
): z.output<T> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment for ${service}:\n${lines.join('\n')}`);
  }
  return result.data;
}
