// Results carry fixed precision: µs for times, 6 decimals for ratios. Enough for any reader,
// and the same bytes on every platform.
export const round = (x: number): number => Math.round(x * 1000) / 1000;
export const roundOrNull = (x: number | null): number | null => (x === null ? null : round(x));
export const roundRatio = (x: number): number => Math.round(x * 1e6) / 1e6;
export const roundRatioOrNull = (x: number | null): number | null => (x === null ? null : roundRatio(x));
