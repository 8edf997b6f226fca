import { ERROR_CODES } from '../codes.ts';

/** Failures per error kind as the result lists them: only the kinds that occurred. */
export function byKind(counts: Float64Array): Partial<Record<(typeof ERROR_CODES)[number], number>> {
  const out: Partial<Record<(typeof ERROR_CODES)[number], number>> = {};
  ERROR_CODES.forEach((kind, i) => {
    if (counts[i]! > 0) out[kind] = counts[i]!;
  });
  return out;
}
