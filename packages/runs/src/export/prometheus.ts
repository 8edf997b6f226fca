import type { PolicyReport, RunResult, SimulationResult } from '@faultline/schemas';
import { headlineMetrics } from '@faultline/sim-engine';
import { classReports } from './classes.ts';
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
  chaos_class_requests_total: ['counter', 'Entry requests of the request class measured (after warm-up).'],
  chaos_class_availability_percent: [
    'gauge',
    'Requests of the class answered (succeeded or degraded) over all its measured requests.',
  ],
  chaos_class_error_rate_percent: ['gauge', 'Failed requests of the class over all its measured requests.'],
  chaos_class_latency_p99_ms: ['gauge', 'End-to-end p99 latency of the successful requests of the class.'],
  chaos_class_slo_passed: ['gauge', '1 when every SLO target set for the class held, 0 otherwise.'],
  chaos_sweep_collapse_value: ['gauge', 'The swept value at which the success rate first fell below 10 %.'],
  faultline_policy_timed_out_total: ['counter', 'Attempts the timeout cut off.'],
  faultline_policy_retries_total: ['counter', 'Attempts after the first.'],
  faultline_policy_exhausted_total: ['counter', 'Calls that failed with every attempt used.'],
  faultline_policy_recovered_total: ['counter', 'Calls that succeeded after a retry.'],
  faultline_policy_short_circuited_total: ['counter', 'Attempts the open circuit breaker refused.'],
  faultline_policy_opened_total: ['counter', 'Times the circuit breaker opened.'],
  faultline_policy_open_seconds_total: ['counter', 'Time the circuit breaker spent open in the measured period.'],
  faultline_policy_rejected_total: ['counter', 'Calls or requests the bulkhead or rate limiter turned away.'],
  faultline_policy_peak_in_use: ['gauge', 'Most calls the bulkhead held at once.'],
  faultline_policy_served_total: ['counter', 'Calls the fallback answered.'],
  faultline_policy_delayed_total: ['counter', 'Requests that waited for a rate-limiter permit and got it.'],
  faultline_policy_shed_total: ['counter', 'Requests load shedding turned away.'],
  faultline_defence_availability_effect_percent: [
    'gauge',
    'Availability with the policy minus without it, in percentage points (defence analysis).',
  ],
  faultline_defence_p99_effect_ms: ['gauge', 'p99 latency with the policy minus without it (defence analysis).'],
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
  // A failed class target is a violation too: it fails the run's SLO as a design-wide one does.
  const verdicts = [
    ...Object.values(result.slo.verdicts),
    ...Object.values(result.slo.classes ?? {}).flatMap((c) => Object.values(c.verdicts)),
  ];
  out.add('chaos_slo_violations_count', labels, verdicts.filter((v) => v.status === 'fail').length);
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
  for (const c of classReports(result)) {
    const own = { ...labels, class: c.id };
    out.add('chaos_class_requests_total', own, c.stats.requests);
    out.add('chaos_class_availability_percent', own, percent(c.availability));
    out.add('chaos_class_error_rate_percent', own, percent(c.errorRate));
    out.add('chaos_class_latency_p99_ms', own, c.stats.latency.p99);
    if (c.slo) out.add('chaos_class_slo_passed', own, c.slo.passed ? 1 : 0);
  }
  for (const policy of result.policies) {
    const own = { ...labels, ...policyLabels(policy) };
    for (const [counter, value] of Object.entries(policy.counters) as [PolicyCounterName, number][]) {
      const [name, scale] = POLICY_METRICS[counter];
      out.add(name, own, value * scale);
    }
  }
}

type PolicyCounterName = PolicyReport extends infer P ? (P extends PolicyReport ? keyof P['counters'] : never) : never;

/** Each policy counter's family, and the factor to its unit; checked by the compiler to cover every counter. */
const POLICY_METRICS: Record<PolicyCounterName, [MetricName, number]> = {
  timedOut: ['faultline_policy_timed_out_total', 1],
  retries: ['faultline_policy_retries_total', 1],
  exhausted: ['faultline_policy_exhausted_total', 1],
  recovered: ['faultline_policy_recovered_total', 1],
  shortCircuited: ['faultline_policy_short_circuited_total', 1],
  opened: ['faultline_policy_opened_total', 1],
  openMs: ['faultline_policy_open_seconds_total', 1 / 1000],
  rejected: ['faultline_policy_rejected_total', 1],
  peakInUse: ['faultline_policy_peak_in_use', 1],
  served: ['faultline_policy_served_total', 1],
  delayed: ['faultline_policy_delayed_total', 1],
  shed: ['faultline_policy_shed_total', 1],
};

/** A policy's labels; an empty connection (all calls, or an inbound guard) reads as no connection in Prometheus. */
const policyLabels = ({ component, type, connection }: Pick<PolicyReport, 'component' | 'type' | 'connection'>) => ({
  component,
  type,
  connection: connection ?? '',
});

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
      for (const defence of run.defences) {
        const own = { ...labels, ...policyLabels(defence.policy), verdict: defence.verdict };
        out.add('faultline_defence_availability_effect_percent', own, percent(defence.effect.availability));
        out.add('faultline_defence_p99_effect_ms', own, defence.effect.p99LatencyMs);
      }
      break;
  }
  return out.toString();
}
