import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { runScenario } from '../scenario-run.ts';
import { checkout, settings } from '../test-designs.test-helpers.ts';
import { exportRun } from './index.ts';

const context = { runId: 'run-1', designId: 'checkout', designName: 'Checkout "v2"' };
const single = runScenario(checkout, settings());
if (single.scenario !== 'single') throw new Error('expected single');
const { result } = single;
const versus = runScenario(checkout, settings({ scenario: { kind: 'baseline-vs-chaos' } }));

const metric = (text: string, name: string) =>
  parsePrometheusTextFormat(text).find((f) => f.name === name)?.metrics ?? [];

describe('CSV export', () => {
  it('is the time series, one row per bucket, read back by a CSV reader', () => {
    const rows: Record<string, string>[] = parse(exportRun(single, 'csv', context).body, { columns: true });
    expect(rows).toHaveLength(result.timeSeries.throughput.length);
    const i = 30;
    expect(Number(rows[i]!.bucket_start_ms)).toBe(result.timeSeries.startMs + i * result.timeSeries.bucketMs);
    expect(Number(rows[i]!.throughput_rps)).toBe(result.timeSeries.throughput[i]);
    expect(Number(rows[i]!.db_utilisation)).toBe(result.timeSeries.components.db!.utilisation[i]);
    // The outage's buckets show it.
    expect(rows.some((r) => Number(r.error_rate) > 0.9)).toBe(true);
  });

  it('puts baseline and chaos in one table with a variant column', () => {
    const rows: Record<string, string>[] = parse(exportRun(versus, 'csv', context).body, { columns: true });
    expect(new Set(rows.map((r) => r.variant))).toEqual(new Set(['baseline', 'chaos']));
    expect(
      rows.filter((r) => r.variant === 'baseline').every((r) => r.error_rate === '' || Number(r.error_rate) === 0),
    ).toBe(true);
  });
});

describe('Prometheus export', () => {
  it('holds the chaos metrics, labelled by run and design, read back by a parser', () => {
    const text = exportRun(single, 'prom', context).body;
    const labels = { run: 'run-1', design: 'checkout' };
    const value = (name: string) => {
      const [sample, ...rest] = metric(text, name);
      expect(rest).toEqual([]);
      expect(sample!.labels).toEqual(labels);
      return Number(sample!.value);
    };
    const { totals } = result;
    expect(value('chaos_availability_percent')).toBeCloseTo(
      ((totals.succeeded + totals.degraded) / totals.requests) * 100,
      4,
    );
    expect(value('chaos_error_rate_percent')).toBeCloseTo((totals.failed / totals.requests) * 100, 4);
    expect(value('chaos_mttr_seconds')).toBeCloseTo(result.mttrMs! / 1000, 6);
    expect(value('chaos_recovery_time_seconds')).toBeCloseTo(result.faultWindows[0]!.recoveryTimeMs! / 1000, 6);
    expect(value('chaos_latency_degradation_ms')).toBeCloseTo(result.faultWindows[0]!.latencyDegradationMs!, 4);
    expect(value('chaos_slo_passed')).toBe(result.slo.passed ? 1 : 0);
    expect(value('chaos_slo_violations_count')).toBe(
      Object.values(result.slo.verdicts).filter((v) => v.status === 'fail').length,
    );
    const components = metric(text, 'chaos_component_requests_total');
    expect(components.map((s) => s.labels!.component).sort()).toEqual(Object.keys(result.components).sort());
    expect(Number(components.find((s) => s.labels!.component === 'db')!.value)).toBe(result.components.db!.requests);
  });

  it('labels the two sides of baseline-vs-chaos', () => {
    const samples = metric(exportRun(versus, 'prom', context).body, 'chaos_slo_passed');
    expect(samples.map((s) => s.labels!.variant)).toEqual(['baseline', 'chaos']);
  });
});

describe('Markdown export', () => {
  it('reads as a report: verdict, targets, fault windows, components', () => {
    const text = exportRun(single, 'md', context).body;
    expect(text).toContain('# Faultline run run-1: Checkout "v2"');
    expect(text).toContain(result.slo.passed ? '**SLO passed**' : '**SLO FAILED**');
    expect(text).toMatch(/\| Availability \| 99\.00 % \|/);
    expect(text).toMatch(/\| Database brief outage \| 20\.0 s \| 30\.0 s \| recovered \|/);
    expect(text).toContain('| db |');
  });

  it('says where a sweep broke its SLO', () => {
    const sweep = { kind: 'sweep', parameter: '/faults/0/schedule/durationMs', from: 0, to: 10_000, steps: 2 } as const;
    const run = runScenario(checkout, settings({ scenario: sweep }));
    if (run.scenario !== 'sweep') throw new Error(run.scenario);
    expect(run.breakingPoint?.step).toBe(1);
    expect(exportRun(run, 'md', context).body).toMatch(
      /\*\*Breaking point\*\* at step 1: `\/faults\/0\/schedule\/durationMs` = 10000 fails Availability/,
    );
  });

  it('compares baseline and chaos side by side', () => {
    expect(exportRun(versus, 'md', context).body).toContain(
      '| Figure | Baseline (faults off) | Chaos (faults on) | Difference |',
    );
  });
});
