import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { runScenario } from '../scenario-run.ts';
import { priceFallbackDesign } from '../defence/defence-designs.test-helpers.ts';
import { checkout, settings } from '../test-designs.test-helpers.ts';
import { exportRun } from './index.ts';

const context = { runId: 'run-1', designId: 'checkout', designName: 'Checkout "v2"' };
const single = runScenario(checkout, settings());
if (single.scenario !== 'single') throw new Error('expected single');
const { result } = single;
const versus = runScenario(checkout, settings({ scenario: { kind: 'baseline-vs-chaos' } }));
const price = priceFallbackDesign();
const defences = runScenario(
  price,
  settings({ durationMs: 20_000, warmupMs: 2_000, scenario: { kind: 'defence-analysis' } }),
);
if (defences.scenario !== 'defence-analysis') throw new Error('expected a defence analysis');
const priceContext = { runId: 'run-2', designId: 'price', designName: 'Price fallback', design: price };

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

  it('says what became of the requests of each bucket: succeeded, degraded, failed', () => {
    const rows: Record<string, string>[] = parse(exportRun(single, 'csv', context).body, { columns: true });
    const series = result.timeSeries;
    rows.forEach((row, i) => {
      expect(Number(row.succeeded)).toBe(series.succeeded[i]);
      expect(Number(row.degraded)).toBe(series.degraded[i]);
      expect(Number(row.failed)).toBe(series.failed[i]);
    });
    // During the outage requests still arrive (throughput) but fail.
    const outage = rows.filter((r) => Number(r.bucket_start_ms) >= 21_000 && Number(r.bucket_start_ms) < 29_000);
    expect(outage.length).toBeGreaterThan(0);
    for (const row of outage) expect(Number(row.failed)).toBeGreaterThan(Number(row.succeeded));
  });

  it('is one row per policy for a defence analysis', () => {
    const rows: Record<string, string>[] = parse(exportRun(defences, 'csv', priceContext).body, { columns: true });
    expect(rows.map((r) => [r.component, r.type, r.connection, r.verdict])).toEqual([
      ['api', 'fallback', 'api-price', 'helped'],
      ['api', 'timeout', 'api-price', 'no-effect'],
    ]);
    expect(Number(rows[0]!.without_availability)).toBe(0);
    expect(Number(rows[0]!.effect_availability)).toBe(1);
    expect(rows[0]!.reason).toBe(defences.defences[0]!.reason);
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

  it('counts what each policy did, labelled by component, type and connection', () => {
    const text = exportRun(single, 'prom', context).body;
    const retry = result.policies.find((p) => p.type === 'retry')!;
    if (retry.type !== 'retry') throw new Error('no retry');
    const [retries] = metric(text, 'faultline_policy_retries_total');
    expect(retries!.labels).toEqual({
      run: 'run-1',
      design: 'checkout',
      component: 'api',
      type: 'retry',
      connection: 'api-db',
    });
    expect(Number(retries!.value)).toBe(retry.counters.retries);
    expect(retry.counters.retries).toBeGreaterThan(0);
    expect(Number(metric(text, 'faultline_policy_exhausted_total')[0]!.value)).toBe(retry.counters.exhausted);
    const timeout = result.policies.find((p) => p.type === 'timeout')!;
    if (timeout.type !== 'timeout') throw new Error('no timeout');
    const [timedOut] = metric(text, 'faultline_policy_timed_out_total');
    expect(timedOut!.labels).toMatchObject({ component: 'api', type: 'timeout', connection: '' });
    expect(Number(timedOut!.value)).toBe(timeout.counters.timedOut);
  });

  it('gives a defence analysis its chaos metrics and each defence its effect', () => {
    const text = exportRun(defences, 'prom', priceContext).body;
    expect(Number(metric(text, 'faultline_policy_served_total')[0]!.value)).toBeGreaterThan(1000);
    const effects = metric(text, 'faultline_defence_availability_effect_percent');
    expect(effects.map((s) => [s.labels!.type, s.labels!.verdict, Number(s.value)])).toEqual([
      ['fallback', 'helped', 100],
      ['timeout', 'no-effect', 0],
    ]);
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

  it('opens with what became of each fault, by name, and each verdict with its reason', () => {
    const text = exportRun(single, 'md', context).body;
    const outage = result.faultWindows[0]!;
    expect(outage.state).toBe('recovered');
    const opening = text.slice(0, text.indexOf('## Result'));
    expect(opening).toContain(
      `- Database brief outage (20–30 s): recovered ${(outage.recoveryTimeMs! / 1000).toFixed(1)} s after it ended; ${outage.failuresCaused.toLocaleString('en')} failures caused`,
    );
    expect(opening).toMatch(/- Availability \d+\.\d\d % against at least 99\.00 %: \*\*fail\*\*, below the threshold/);
    expect(opening).toMatch(/- MTTR \d+\.\d s against at most 30\.0 s: pass/);
  });

  it('says a fault a fallback absorbed caused no failures, and how many answers the fallback served', () => {
    const chaos = defences.chaos;
    const [window] = chaos.faultWindows;
    expect(window!.degradedCaused).toBeGreaterThan(1000);
    const text = exportRun(defences, 'md', priceContext).body;
    expect(text).toContain(
      `- Price service unreachable (whole run): absorbed, no failures caused (fallback served ${window!.degradedCaused.toLocaleString('en')})`,
    );
  });

  it('says why a fault was not exercised', () => {
    const short = runScenario(checkout, settings({ durationMs: 15_000 }));
    const text = exportRun(short, 'md', context).body;
    expect(text).toMatch(/- Database brief outage \([^)]+\): not exercised: .+/);
    expect(text).toContain('no grade: no fault was exercised');
  });

  it('tells which defence helped, by name, with the size of the effect and why', () => {
    const text = exportRun(defences, 'md', priceContext).body;
    const section = text.slice(text.indexOf('## Defences'));
    expect(section).toContain(`| Fallback on Checkout API → Price service | helped | +100.00 pt |`);
    expect(section).toContain(`| Timeout on Checkout API → Price service | no-effect | ±0.00 pt |`);
    expect(section).toContain(defences.defences[0]!.reason);
    expect(text.indexOf('## Verdict')).toBeLessThan(text.indexOf('## Defences'));
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
