import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { DesignSchema, operationsExample } from '@faultline/schemas';
import { runScenario } from '../scenario-run.ts';
import { checkout, settings } from '../test-designs.test-helpers.ts';
import { exportRun } from './index.ts';

// The shop with two request classes: browse (9 in 10) and checkout (1 in 10), whose payments fail
// from 10 s to 20 s. Checkout's class SLO fails; the design-wide one holds.
const shop = DesignSchema.parse(operationsExample);
const context = { runId: 'run-3', designId: 'shop', designName: 'Shop', design: shop };
const run = runScenario(shop, settings());
if (run.scenario !== 'single') throw new Error(run.scenario);
const { result } = run;
const classes = result.classes!;

const metric = (text: string, name: string) =>
  parsePrometheusTextFormat(text).find((f) => f.name === name)?.metrics ?? [];

describe('a run with request classes', () => {
  it('is the story the exports tell: checkout fails its class SLO while the design-wide SLO holds', () => {
    expect(Object.values(result.slo.verdicts).every((v) => v.status !== 'fail')).toBe(true);
    expect(result.slo.classes?.['checkout']?.passed).toBe(false);
    expect(result.slo.classes?.['browse']?.passed).toBe(true);
  });
});

describe('Prometheus export per class', () => {
  const text = exportRun(run, 'prom', context).body;

  it('gives each class its series, labelled by class', () => {
    const requests = metric(text, 'chaos_class_requests_total');
    expect(requests.map((s) => s.labels)).toEqual([
      { run: 'run-3', design: 'shop', class: 'browse' },
      { run: 'run-3', design: 'shop', class: 'checkout' },
    ]);
    const sum = requests.reduce((total, s) => total + Number(s.value), 0);
    expect(sum).toBe(result.totals.requests);
    // The mix is 9 to 1: browse has most of the requests.
    expect(Number(requests[0]!.value)).toBeGreaterThan(Number(requests[1]!.value) * 6);

    const availability = metric(text, 'chaos_class_availability_percent');
    const checkoutStats = classes['checkout']!;
    expect(Number(availability.find((s) => s.labels!.class === 'checkout')!.value)).toBeCloseTo(
      ((checkoutStats.succeeded + checkoutStats.degraded) / checkoutStats.requests) * 100,
      4,
    );
    expect(Number(availability.find((s) => s.labels!.class === 'browse')!.value)).toBe(100);
  });

  it("says which class's SLO failed, and counts its failed target as a violation", () => {
    const passed = metric(text, 'chaos_class_slo_passed');
    expect(passed.map((s) => [s.labels!.class, Number(s.value)])).toEqual([
      ['browse', 1],
      ['checkout', 0],
    ]);
    expect(Number(metric(text, 'chaos_slo_passed')[0]!.value)).toBe(0);
    expect(Number(metric(text, 'chaos_slo_violations_count')[0]!.value)).toBe(1);
  });
});

describe('CSV export per class', () => {
  const rows: Record<string, string>[] = parse(exportRun(run, 'csv', context).body, { columns: true });
  const [header] = parse(exportRun(run, 'csv', context).body) as string[][];
  const figures = ['throughput_rps', 'requests', 'succeeded', 'degraded', 'failed', 'success_rate', 'error_rate'];

  it("appends each class's columns, by class id, after the run's and the components'", () => {
    const classColumns = header!.filter((column) => column.startsWith('class_'));
    expect(classColumns).toEqual(
      ['browse', 'checkout'].flatMap((id) => [...figures, 'p50_ms', 'p99_ms'].map((f) => `class_${id}_${f}`)),
    );
    expect(header!.slice(-classColumns.length)).toEqual(classColumns);
    expect(header!.indexOf('db_utilisation')).toBeLessThan(header!.indexOf('class_browse_requests'));
  });

  it("each bucket's class requests add up to the run's, and the payments fault shows in checkout's columns only", () => {
    const n = (row: Record<string, string>, column: string) => Number(row[column]);
    for (const row of rows) {
      for (const f of ['succeeded', 'degraded', 'failed'])
        expect(n(row, `class_browse_${f}`) + n(row, `class_checkout_${f}`)).toBe(n(row, f));
      expect(n(row, 'class_browse_failed')).toBe(0);
    }
    const inWindow = rows.filter((r) => n(r, 'bucket_start_ms') >= 10_000 && n(r, 'bucket_start_ms') < 20_000);
    expect(inWindow.reduce((sum, r) => sum + n(r, 'class_checkout_failed'), 0)).toBeGreaterThan(0);
    const checkoutPeak = Math.max(...inWindow.map((r) => n(r, 'class_checkout_error_rate') || 0));
    expect(checkoutPeak).toBe(1);
    // A bucket no request of a class arrived in has no rate and no latency for it: empty cells.
    const quiet = rows.find((r) => n(r, 'class_checkout_requests') === 0)!;
    expect([quiet.class_checkout_error_rate, quiet.class_checkout_p99_ms]).toEqual(['', '']);
    const busy = rows.find((r) => n(r, 'class_browse_succeeded') > 0)!;
    expect(n(busy, 'class_browse_p99_ms')).toBeGreaterThan(0);
  });
});

describe('Markdown export per class', () => {
  const text = exportRun(run, 'md', context).body;

  it('has a table of the classes by name, with what became of their requests', () => {
    const section = text.slice(text.indexOf('### Request classes'));
    const checkoutStats = classes['checkout']!;
    expect(section).toContain(
      `| Checkout | ${checkoutStats.requests} | ${checkoutStats.succeeded} | ${checkoutStats.degraded} | ${checkoutStats.failed} |`,
    );
    expect(section).toMatch(/\| Browse \| \d+ \| \d+ \| 0 \| 0 \| 100\.00 % \|/);
    expect(section).toMatch(/\| Checkout \| Availability \| 99\.00 % \| \d+\.\d\d % \| \*\*fail\*\* \|/);
    expect(section).not.toMatch(/\| (browse|checkout) \|/);
  });

  it('opens with each class verdict, by name', () => {
    const opening = text.slice(0, text.indexOf('## Result'));
    expect(opening).toMatch(
      /- Checkout: Availability \d+\.\d\d % against at least 99\.00 %: \*\*fail\*\*, below the threshold/,
    );
    expect(opening).toMatch(/- Browse: p99 latency [\d.]+ ms against at most 200 ms: pass/);
  });
});

describe('exports of a run without classes', () => {
  const plain = runScenario(checkout, settings());
  const plainContext = { runId: 'run-1', designId: 'checkout', designName: 'Checkout' };

  it('carry no class series, column or section', () => {
    expect(exportRun(plain, 'prom', plainContext).body).not.toContain('class');
    expect(exportRun(plain, 'md', plainContext).body).not.toMatch(/class/i);
    const [header] = parse(exportRun(plain, 'csv', plainContext).body) as string[][];
    expect(header!.some((column) => column.includes('class'))).toBe(false);
  });
});

describe('a sweep whose steps fail only a class target', () => {
  it('names the step where the SLO broke and the class, by name, never "every SLO target held"', () => {
    const sweep = { kind: 'sweep', parameter: '/faults/0/schedule/probability', from: 0, to: 1, steps: 2 } as const;
    const swept = runScenario(shop, settings({ scenario: sweep }));
    if (swept.scenario !== 'sweep') throw new Error(swept.scenario);
    expect(swept.points.map((p) => p.sloPassed)).toEqual([true, false]);
    const text = exportRun(swept, 'md', context).body;
    expect(text).not.toContain('No breaking point');
    expect(text).toContain(
      '**Breaking point** at step 1: `/faults/0/schedule/probability` = 1 fails class Checkout: Availability.',
    );
  });
});
