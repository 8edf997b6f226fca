import type { Headline, SimulationResult } from '@faultline/schemas';
import { roundRatio } from './rounding.ts';

// Two-sided 95 % Student t critical values for 1..30 degrees of freedom; 1.96 beyond.
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** The headline figures compared across replications. */
export function headlineMetrics(result: SimulationResult): Headline {
  const { totals } = result;
  return {
    availability: totals.requests ? (totals.succeeded + totals.degraded) / totals.requests : null,
    errorRate: totals.requests ? totals.failed / totals.requests : null,
    p50LatencyMs: result.latency.p50,
    p99LatencyMs: result.latency.p99,
    mttrMs: result.mttrMs,
    recoveryRate: result.scorecard.recoveryRate,
  };
}

/**
 * Each request class's figures (SPEC §3.7) under the names `classes.<id>.availability`,
 * `classes.<id>.errorRate` and `classes.<id>.p99LatencyMs`; none for a design without classes.
 */
export function classMetrics(result: SimulationResult): Record<string, number | null> {
  const metrics: Record<string, number | null> = {};
  for (const [id, c] of Object.entries(result.classes ?? {})) {
    metrics[`classes.${id}.availability`] = c.requests ? (c.succeeded + c.degraded) / c.requests : null;
    metrics[`classes.${id}.errorRate`] = c.requests ? c.failed / c.requests : null;
    metrics[`classes.${id}.p99LatencyMs`] = c.latency.p99;
  }
  return metrics;
}

/** Mean and 95 % confidence interval of each headline metric over the replications that have it. */
export function summariseReplications(results: SimulationResult[]): NonNullable<SimulationResult['replications']> {
  const samples: Record<string, number | null>[] = results.map((r) => ({ ...headlineMetrics(r), ...classMetrics(r) }));
  const metrics: Record<string, { mean: number; low: number; high: number }> = {};
  for (const name of Object.keys(samples[0]!)) {
    const values = samples.map((s) => s[name]).filter((v): v is number => v !== null);
    if (values.length === 0) continue;
    const { mean, low, high } = meanInterval(values);
    metrics[name] = { mean: roundRatio(mean), low: roundRatio(low), high: roundRatio(high) };
  }
  return { count: results.length, metrics };
}

/** Mean and Student-t 95 % confidence interval of a sample (unrounded); a single value is its own interval. */
export function meanInterval(values: number[]): { mean: number; low: number; high: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1) : 0;
  const half = n > 1 ? (T95[n - 2] ?? 1.96) * Math.sqrt(variance / n) : 0;
  return { mean, low: mean - half, high: mean + half };
}
