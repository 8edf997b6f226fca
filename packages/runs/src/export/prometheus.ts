import type { RunResult, SimulationResult } from '@faultline/schemas';
import { headlineMetrics } from '@faultline/sim-engine';
import type { ExportContext } from './context.ts';

type Labels = Record<string, string>;

interface Family {
  help: string;
  type: 'gauge' | 'counter';
  samples: { labels: Labels; value: number }[];
}

const FAMILIES = {
  chaos_mttr_seconds: ['gauge', 'Mean time to recover over the fault windows (fault start to sustained recovery).'],
  chaos_error_rate_percent: ['gauge', 'Failed entry requests over all measured entry requests.'],
  chaos_availability_percent: [
    'gauge',
    'Entry requests answered (succeeded or degraded) over all measured entry requests.',
  ],
  chaos_latency_degradation_ms: [
    'gauge',
    'Largest p99 increase in a fault window over the p99 before the first fault.',
  ],
  chaos_recovery_time_seconds: ['gauge', 'Longest time from a fault window end to sustained recovery.'],
  chaos_slo_passed: ['gauge', '1 when every SLO target held, 0 otherwise.'],
  chaos_slo_violations_count: ['gauge', 'Number of SLO targets that failed.'],
  chaos_requests_total: ['counter', 'Entry requests measured (after warm-up).'],
  chaos_latency_p99_ms: ['gauge', 'End-to-end p99 latency of successful requests.'],
  chaos_component_requests_total: ['counter', 'Requests the component received.'],
  chaos_component_error_rate_percent: ['gauge', 'Requests the component failed over those it received.'],
  chaos_component_utilisation_ratio: ['gauge', 'Mean share of the component workers that were busy.'],
  chaos_component_mean_queue_length: ['gauge', 'Mean number of requests waiting for a worker.'],
  chaos_component_latency_p99_ms: ['gauge', 'p99 latency of the component for requests it served successfully.'],
  chaos_sweep_collapse_value: ['gauge', 'The swept value at which the success rate first fell below 10 %.'],
} as const satisfies Record<string, readonly ['gauge' | 'counter', string]>;
type MetricName = keyof typeof FAMILIES;

class Exposition {
  private readonly families = new Map<MetricName, Family>();

  add(name: MetricName, labels: Labels, value: number | null | undefined): void {
    // An absent figure (no fault window, nothing succeeded) is left out rather than written as NaN.
    if (value === null || value === undefined) return;
    let family = this.families.get(name);
    if (!family) {
      const [type, help] = FAMILIES[name];
      family = { type, help, samples: [] };
      this.families.set(name, family);
    }
    family.samples.push({ labels, value });
  }

  toString(): string {
    const lines: string[] = [];
    for (const [name, family] of this.families) {
      lines.push(`# HELP ${name} ${family.help}`, `# TYPE ${name} ${family.type}`);
      for (const { labels, value } of family.samples)
        lines.push(`${name}{${formatLabels(labels)}} ${formatValue(value)}`);
    }
    return `${lines.join('\n')}\n`;
  }
}

const escapeLabel = (value: string) => value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
const formatLabels = (labels: Labels) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
    .join(',');
const formatValue = (value: number) =>
  Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);

const percent = (ratio: number | null) => (ratio === null ? null : ratio * 100);
const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);
const maxOf = (values: (number | null)[]) => {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? Math.max(...present) : null;
};

function addSimulation(out: Exposition, result: SimulationResult, labels: Labels): void {
  const { totals } = result;
  const headline = headlineMetrics(result);
  out.add('chaos_mttr_seconds', labels, seconds(headline.mttrMs));
  out.add('chaos_error_rate_percent', labels, percent(headline.errorRate));
  out.add('chaos_availability_percent', labels, percent(headline.availability));
  out.add('chaos_latency_degradation_ms', labels, maxOf(result.faultWindows.map((w) => w.latencyDegradationMs)));
  out.add('chaos_recovery_time_seconds', labels, seconds(maxOf(result.faultWindows.map((w) => w.recoveryTimeMs))));
  out.add('chaos_slo_passed', labels, result.slo.passed ? 1 : 0);
  out.add(
    'chaos_slo_violations_count',
    labels,
    Object.values(result.slo.verdicts).filter((v) => v.status === 'fail').length,
  );
  out.add('chaos_requests_total', labels, totals.requests);
  out.add('chaos_latency_p99_ms', labels, headline.p99LatencyMs);
  for (const [component, stats] of Object.entries(result.components)) {
    const own = { ...labels, component };
    out.add('chaos_component_requests_total', own, stats.requests);
    out.add('chaos_component_error_rate_percent', own, stats.requests ? (stats.failed / stats.requests) * 100 : null);
    out.add('chaos_component_utilisation_ratio', own, stats.utilisation);
    out.add('chaos_component_mean_queue_length', own, stats.meanQueueLength);
    out.add('chaos_component_latency_p99_ms', own, stats.latency.p99);
  }
}

/** Prometheus text exposition (format 0.0.4), labelled by run and design; a variant or step label where a scenario has several runs. */
export function toPrometheus(run: RunResult, context: ExportContext): string {
  const out = new Exposition();
  const labels = { run: context.runId, design: context.designId };
  switch (run.scenario) {
    case 'single':
      addSimulation(out, run.result, labels);
      break;
    case 'baseline-vs-chaos':
      addSimulation(out, run.baseline, { ...labels, variant: 'baseline' });
      addSimulation(out, run.chaos, { ...labels, variant: 'chaos' });
      break;
    case 'sweep':
      for (const point of run.points) {
        const own = { ...labels, step: String(point.step), value: String(point.value) };
        out.add('chaos_availability_percent', own, percent(point.successRate));
        out.add('chaos_error_rate_percent', own, percent(point.headline.errorRate));
        out.add('chaos_mttr_seconds', own, seconds(point.headline.mttrMs));
        out.add('chaos_latency_p99_ms', own, point.headline.p99LatencyMs);
        out.add('chaos_slo_passed', own, point.sloPassed ? 1 : 0);
        out.add('chaos_requests_total', own, point.requests);
      }
      out.add('chaos_sweep_collapse_value', { ...labels, parameter: run.parameter }, run.collapse?.value);
      break;
    case 'defence-analysis':
      addSimulation(out, run.chaos, labels);
      break;
  }
  return out.toString();
}
