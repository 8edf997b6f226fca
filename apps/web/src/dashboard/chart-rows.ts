import type { RequestSeries, SimulationResult } from '@faultline/schemas';

export type Row = Record<string, number | null>;

/**
 * The series the charts plot: the run's, or with `classId` that request class's (SPEC §3.7).
 * Undefined when the result keeps no series for the class (stored before it did).
 */
export function seriesOf(result: SimulationResult, classId?: string): RequestSeries | undefined {
  return classId === undefined ? result.timeSeries : result.timeSeries.classes?.[classId];
}

/**
 * One row per time-series bucket, as the charts plot it: time in seconds, rates as percentages,
 * and goodput (requests by arrival bucket) per second like throughput, so the stacked areas and
 * the throughput line share one axis. With `classId`, of that request class's requests (the
 * overlay's too); the run's when the result has no series for the class.
 */
export function rowsOf(result: SimulationResult, overlay?: SimulationResult, classId?: string): Row[] {
  const { startMs, bucketMs } = result.timeSeries;
  const s = seriesOf(result, classId) ?? result.timeSeries;
  const b = overlay && seriesOf(overlay, s === result.timeSeries ? undefined : classId);
  const perSecond = (n: number | undefined) => (n === undefined ? null : (n * 1000) / bucketMs);
  const percent = (r: number | null | undefined) => (r === null || r === undefined ? null : r * 100);
  return s.throughput.map((throughput, i) => ({
    t: (startMs + i * bucketMs) / 1000,
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
