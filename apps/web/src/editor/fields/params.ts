// Reading a fault's or a policy's parameters as a form holds them: any field may be missing, or
// hold text the user typed, so each is checked before it is shown.

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The object at `value`, or an empty one: a nested parameter group not filled in yet. */
export const recordOr = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});

/** `value` when it is one of `options`, else `fallback`: a select shows only what it offers. */
export const oneOf = <T extends string>(options: readonly T[], value: unknown, fallback: T): T =>
  options.find((option) => option === value) ?? fallback;
