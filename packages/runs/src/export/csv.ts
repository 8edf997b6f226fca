import { stringify } from 'csv-stringify/sync';
import type { RunResult, SimulationResult } from '@faultline/schemas';

type Cell = string | number | null;

/** One row per time-series bucket: the run-wide series, then each component's. */
function timeSeriesRows(result: SimulationResult, leading: Cell[] = []): { header: string[]; rows: Cell[][] } {
  const series = result.timeSeries;
  const components = Object.entries(series.components);
  const header = ['bucket_start_ms', 'throughput_rps', 'success_rate', 'error_rate', 'p50_ms', 'p99_ms'];
  for (const [id, c] of components) {
    header.push(`${id}_utilisation`, `${id}_queue_length`);
    for (const connection of Object.keys(c.circuitState ?? {})) header.push(`${id}_${connection}_circuit`);
  }
  const rows = series.throughput.map((throughput, i) => {
    const row: Cell[] = [
      ...leading,
      series.startMs + i * series.bucketMs,
      throughput,
      series.successRate[i] ?? null,
      series.errorRate[i] ?? null,
      series.p50[i] ?? null,
      series.p99[i] ?? null,
    ];
    for (const [, c] of components) {
      row.push(c.utilisation[i] ?? null, c.queueLength[i] ?? null);
      for (const states of Object.values(c.circuitState ?? {})) row.push(states[i] ?? null);
    }
    return row;
  });
  return { header, rows };
}

/**
 * The time series as CSV. Baseline-vs-chaos puts both runs in one table with a `variant`
 * column; a sweep has no time series worth a table per step, so its CSV is the curve.
 */
export function toCsv(run: RunResult): string {
  switch (run.scenario) {
    case 'single': {
      const { header, rows } = timeSeriesRows(run.result);
      return stringify([header, ...rows]);
    }
    case 'baseline-vs-chaos': {
      const baseline = timeSeriesRows(run.baseline, ['baseline']);
      const chaos = timeSeriesRows(run.chaos, ['chaos']);
      return stringify([['variant', ...chaos.header], ...baseline.rows, ...chaos.rows]);
    }
    case 'sweep': {
      const header = [
        'step',
        'value',
        'requests',
        'success_rate',
        'error_rate',
        'p50_ms',
        'p99_ms',
        'mttr_ms',
        'slo_passed',
        'grade',
      ];
      const rows = run.points.map((p) => [
        p.step,
        p.value,
        p.requests,
        p.successRate,
        p.headline.errorRate,
        p.headline.p50LatencyMs,
        p.headline.p99LatencyMs,
        p.headline.mttrMs,
        p.sloPassed,
        p.grade,
      ]);
      return stringify([header, ...rows]);
    }
  }
}
