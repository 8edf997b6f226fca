import type { SimulationResult } from '@faultline/schemas';

export type Row = Record<string, number | null>;

/**
 * One row per time-series bucket, as the charts plot it: time in seconds, rates as percentages,
 * and goodput (requests by arrival bucket) per second like throughput, so the stacked areas and
 * the throughput line share one axis.
 */
export function rowsOf(result: SimulationResult, overlay?: SimulationResult): Row[] {
  const s = result.timeSeries;
  const b = overlay?.timeSeries;
  const perSecond = (n: number | undefined) => (n === undefined ? null : (n * 1000) / s.bucketMs);
  const percent = (r: number | null | undefined) => (r === null || r === undefined ? null : r * 100);
  return s.throughput.map((throughput, i) => ({
    t: (s.startMs + i * s.bucketMs) / 1000,
    throughput,
    succeeded: perSecond(s.succeeded[i]),
    degraded: perSecond(s.degraded[i]),
    failed: perSecond(s.failed[i]),
    successRate: percent(s.successRate[i]),
    errorRate: percent(s.errorRate[i]),
    p50: s.p50[i] ?? null,
    p99: s.p99[i] ?? null,
    ...(b
      ? {
          baselineThroughput: b.throughput[i] ?? null,
          baselineSuccessRate: percent(b.successRate[i]),
          baselineP99: b.p99[i] ?? null,
        }
      : {}),
  }));
}

/** Whether the result counts what became of each bucket's requests (results stored before goodput do not). */
export const hasGoodput = (result: SimulationResult) =>
  result.timeSeries.succeeded.length === result.timeSeries.throughput.length && result.timeSeries.throughput.length > 0;

/** A tooltip's value with its unit, "123.4 req/s", "97.50 %", "42 ms"; "–" where there is none. */
export function withUnit(value: unknown, unit: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  const digits = unit === '%' ? 2 : 1;
  return `${Number(value.toFixed(digits))}${unit === '%' ? ' %' : ` ${unit}`}`;
}
