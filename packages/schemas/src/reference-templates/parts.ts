// The small pieces the reference architectures are written with, so that each file reads as the
// system it models rather than as object literals.

/** A service time that is usually `median` ms and one time in a hundred `p99` ms or more. */
export const lognormal = (median: number, p99: number) => ({ kind: 'lognormal' as const, median, p99 });

/** A network hop of a fixed round trip, in ms. */
export const wire = (ms: number) => ({ kind: 'constant' as const, value: ms });

/** A call over `connection` for the target's `operation`. */
export const call = (
  connection: string,
  operation?: string,
  extra: { required?: boolean; parallelGroup?: string } = {},
) => ({
  connection,
  ...(operation === undefined ? {} : { operation }),
  ...extra,
});

/** Canvas columns and rows, one node box apart (the editor's NODE_BOX is 250 × 106). */
export const at = (column: number, row: number) => ({ x: column * 280, y: row * 120 });
