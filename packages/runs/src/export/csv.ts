import { stringify } from 'csv-stringify/sync';
import type { DefenceFigures, RequestSeries, RunResult, SimulationResult } from '@faultline/schemas';

type Cell = string | number | null;

/**
 * A request class's columns (SPEC §3.7), by class id (unique and header-safe, where names need
 * be neither): what became of the class's requests that arrived in the bucket, and its latency.
 */
const classFigures: [column: string, cell: (s: RequestSeries, i: number) => Cell][] = [
  ['throughput_rps', (s, i) => s.throughput[i] ?? null],
  ['requests', (s, i) => (s.succeeded[i] ?? 0) + (s.degraded[i] ?? 0) + (s.failed[i] ?? 0)],
  ['succeeded', (s, i) => s.succeeded[i] ?? null],
  ['degraded', (s, i) => s.degraded[i] ?? null],
  ['failed', (s, i) => s.failed[i] ?? null],
  ['success_rate', (s, i) => s.successRate[i] ?? null],
  ['error_rate', (s, i) => s.errorRate[i] ?? null],
  ['p50_ms', (s, i) => s.p50[i] ?? null],
  ['p99_ms', (s, i) => s.p99[i] ?? null],
];

/** One row per time-series bucket: the run-wide series, then each component's, then each request class's. */
function timeSeriesRows(result: SimulationResult, leading: Cell[] = []): { header: string[]; rows: Cell[][] } {
  const series = result.timeSeries;
  const components = Object.entries(series.components);
  const classes = Object.entries(series.classes ?? {});
  // Goodput beside throughput: what became of the requests that arrived in the bucket (SPEC §4.2).
  const header = [
    'bucket_start_ms',
    'throughput_rps',
    'succeeded',
    'degraded',
    'failed',
    'success_rate',
    'error_rate',
    'p50_ms',
    'p99_ms',
  ];
  for (const [id, c] of components) {
    header.push(`${id}_utilisation`, `${id}_queue_length`);
    for (const connection of Object.keys(c.circuitState ?? {})) header.push(`${id}_${connection}_circuit`);
  }
  for (const [id] of classes) header.push(...classFigures.map(([column]) => `class_${id}_${column}`));
  const rows = series.throughput.map((throughput, i) => {
    const row: Cell[] = [
      ...leading,
      series.startMs + i * series.bucketMs,
      throughput,
      series.succeeded[i] ?? null,
      series.degraded[i] ?? null,
      series.failed[i] ?? null,
      series.successRate[i] ?? null,
      series.errorRate[i] ?? null,
      series.p50[i] ?? null,
      series.p99[i] ?? null,
    ];
    for (const [, c] of components) {
      row.push(c.utilisation[i] ?? null, c.queueLength[i] ?? null);
      for (const states of Object.values(c.circuitState ?? {})) row.push(states[i] ?? null);
    }
    for (const [, s] of classes) row.push(...classFigures.map(([, cell]) => cell(s, i)));
    return row;
  });
  return { header, rows };
}

/**
 * The time series as CSV. Baseline-vs-chaos puts both runs in one table with a `variant`
 * column; a sweep has no time series worth a table per step, so its CSV is the curve; a defence
 * analysis's is its verdicts.
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
    case 'defence-analysis':
      return defencesCsv(run);
  }
}

/** A defence analysis is its verdicts, one row per policy, as a sweep is its curve. */
function defencesCsv(run: Extract<RunResult, { scenario: 'defence-analysis' }>): string {
  const figures = ['availability', 'error_rate', 'p99_ms', 'amplification'];
  const header = [
    'component',
    'type',
    'connection',
    'verdict',
    ...figures.map((f) => `without_${f}`),
    ...figures.map((f) => `effect_${f}`),
    'effect_availability_low',
    'effect_availability_high',
    'reason',
  ];
  const values = (f: DefenceFigures) => [f.availability, f.errorRate, f.p99LatencyMs, f.amplification];
  const rows = run.defences.map((d) => [
    d.policy.component,
    d.policy.type,
    d.policy.connection,
    d.verdict,
    ...values(d.without),
    ...values(d.effect),
    d.availabilityInterval?.low ?? null,
    d.availabilityInterval?.high ?? null,
    d.reason,
  ]);
  return stringify([header, ...rows]);
}
