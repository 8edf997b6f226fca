import type { Slo, SimulationResult } from '@faultline/schemas';
import { byKind } from './by-kind.ts';
import type { ClassStats } from './class-stats.ts';
import { requestSeries } from './request-series.ts';
import { roundRatioOrNull } from './rounding.ts';
import { classVerdicts } from './slo.ts';

type Classes = NonNullable<SimulationResult['classes']>;
type ClassVerdicts = NonNullable<SimulationResult['slo']['classes']>;
type ClassSeries = NonNullable<SimulationResult['timeSeries']['classes']>;

/** The request classes as the statistics see them: ids and names, and each one's figures. */
export interface MeasuredClasses {
  readonly classes: readonly { readonly id: string; readonly name: string }[];
  readonly stats: readonly ClassStats[];
}

/**
 * Each request class's figures (SPEC §3.7) and time series, keyed by class id in the client's
 * order, and the verdicts of the classes `slo.classes` sets targets for (absent when it sets none).
 */
export function classResults(
  classes: MeasuredClasses,
  targets: Slo['classes'],
  bucketMs: number,
): { stats: Classes; series: ClassSeries; slo: ClassVerdicts | undefined } {
  const stats: Classes = {};
  const series: ClassSeries = {};
  const slo: ClassVerdicts = {};
  classes.classes.forEach((operation, i) => {
    const s = classes.stats[i]!;
    const latency = s.latency.summary();
    stats[operation.id] = {
      name: operation.name,
      requests: s.requests,
      succeeded: s.succeeded,
      degraded: s.degraded,
      failed: s.failed,
      failedByKind: byKind(s.failedByKind),
      latency,
    };
    series[operation.id] = requestSeries(s.series, bucketMs);
    const target = targets?.[operation.id];
    if (!target) return;
    const { requests } = s;
    slo[operation.id] = classVerdicts(
      target,
      {
        requests,
        availability: requests ? roundRatioOrNull((s.succeeded + s.degraded) / requests) : null,
        errorRate: requests ? roundRatioOrNull(s.failed / requests) : null,
        p99: latency.p99,
        mttrMs: null,
      },
      operation.name,
    );
  });
  return { stats, series, slo: Object.keys(slo).length > 0 ? slo : undefined };
}
