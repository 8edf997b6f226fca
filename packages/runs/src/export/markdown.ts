import type { Defence, Headline, RunResult, SimulationResult, SloTarget } from '@faultline/schemas';
import { headlineMetrics as headline } from '@faultline/sim-engine';
import { classReports, className } from './classes.ts';
import { componentName, connectionName, requestClassName, type ExportContext } from './context.ts';
import { verdictSection } from './verdict-lines.ts';

const table = (header: string[], rows: (string | number)[][]) =>
  [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

const pct = (ratio: number | null | undefined) =>
  ratio === null || ratio === undefined ? '–' : `${(ratio * 100).toFixed(2)} %`;
const ms = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : `${Number(value.toFixed(1))} ms`;
const secs = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : `${(value / 1000).toFixed(1)} s`;

const SLO_LABELS: Record<string, [string, (v: number | null) => string]> = {
  availability: ['Availability', pct],
  errorRate: ['Error rate', pct],
  p99LatencyMs: ['p99 latency', ms],
  latencyDegradationMs: ['Latency degradation', ms],
  mttrMs: ['MTTR', secs],
  recoveryTimeMs: ['Recovery time', secs],
};

function simulationSection(result: SimulationResult, heading: string, context: ExportContext): string {
  const { totals, latency } = result;
  const failedKinds =
    Object.entries(totals.failedByKind)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ') || 'none';
  const parts = [
    `## ${heading}`,
    `**SLO ${result.slo.passed ? 'passed' : 'FAILED'}** · grade ${result.scorecard.grade ?? '– (no fault window)'} · MTTR ${secs(result.mttrMs)}`,
    table(
      ['Target', 'Threshold', 'Measured', 'Verdict', 'Why'],
      Object.entries(result.slo.verdicts).map(([target, v]) => {
        const [label, format] = SLO_LABELS[target]!;
        const status = v.status === 'fail' ? '**fail**' : v.status;
        return [label, format(v.threshold), format(v.measured), status, v.reason ?? ''];
      }),
    ),
    `Requests ${totals.requests}: succeeded ${totals.succeeded}, degraded ${totals.degraded}, failed ${totals.failed} (${failedKinds}). ` +
      `Retries ${totals.retries}, timeouts ${totals.timeouts}, amplification ${totals.amplification}.`,
    `Latency of successful requests: mean ${ms(latency.mean)}, p50 ${ms(latency.p50)}, p99 ${ms(latency.p99)}, max ${ms(latency.max)}.`,
  ];
  parts.push(...classesSection(result));
  if (result.faultWindows.length) {
    parts.push(
      '### Fault windows',
      table(
        [
          'Fault',
          'From',
          'To',
          'State',
          'Impact',
          'Availability',
          'Failures caused',
          'Recovered after',
          'p99 degradation',
          'Why',
        ],
        result.faultWindows.map((w) => [
          w.name,
          secs(w.startMs),
          w.endMs === null ? 'end of run' : secs(w.endMs),
          w.state,
          w.impact,
          pct(w.availability),
          w.failuresCaused,
          secs(w.recoveryTimeMs),
          ms(w.latencyDegradationMs),
          w.reason ?? '',
        ]),
      ),
    );
  }
  parts.push(
    '### Components',
    table(
      ['Component', 'Requests', 'Failed', 'Utilisation', 'Mean queue', 'p99'],
      Object.entries(result.components).map(([id, c]) => [
        componentName(context, id),
        c.requests,
        c.failed,
        pct(c.utilisation),
        c.meanQueueLength.toFixed(2),
        ms(c.latency.p99),
      ]),
    ),
  );
  return parts.join('\n\n');
}

/** Each request class by name with what became of its requests, then its own SLO verdicts; nothing for a design without classes. */
function classesSection(result: SimulationResult): string[] {
  const classes = classReports(result);
  if (classes.length === 0) return [];
  const parts = [
    '### Request classes',
    table(
      ['Class', 'Requests', 'Succeeded', 'Degraded', 'Failed', 'Availability', 'p50', 'p99', 'SLO'],
      classes.map(({ stats, slo, availability }) => [
        stats.name,
        stats.requests,
        stats.succeeded,
        stats.degraded,
        stats.failed,
        pct(availability),
        ms(stats.latency.p50),
        ms(stats.latency.p99),
        slo === undefined ? '–' : slo.passed ? 'pass' : '**fail**',
      ]),
    ),
  ];
  const verdicts = classes.flatMap(({ id, slo }) =>
    Object.entries(slo?.verdicts ?? {}).map(([target, v]) => {
      const [label, format] = SLO_LABELS[target]!;
      const status = v.status === 'fail' ? '**fail**' : v.status;
      return [className(result, id), label, format(v.threshold), format(v.measured), status, v.reason ?? ''];
    }),
  );
  if (verdicts.length > 0) parts.push(table(['Class', 'Target', 'Threshold', 'Measured', 'Verdict', 'Why'], verdicts));
  return parts;
}

function headlineRows(before: Headline, after: Headline, difference: Headline): (string | number)[][] {
  const rows: [string, keyof Headline, (v: number | null) => string][] = [
    ['Availability', 'availability', pct],
    ['Error rate', 'errorRate', pct],
    ['p50 latency', 'p50LatencyMs', ms],
    ['p99 latency', 'p99LatencyMs', ms],
    ['MTTR', 'mttrMs', secs],
  ];
  return rows.map(([label, key, format]) => [label, format(before[key]), format(after[key]), format(difference[key])]);
}

/** A report a person reads: verdicts first, then the figures behind them. */
export function toMarkdown(run: RunResult, context: ExportContext): string {
  const first = run.scenario === 'single' ? run.result : run.scenario === 'sweep' ? null : run.chaos;
  const title = `# Faultline run ${context.runId}: ${context.designName}`;
  const settings = first
    ? `Design \`${context.designId}\` (hash ${first.designHash.slice(0, 12)}), engine ${first.engineVersion}, seed ${first.seed}, ` +
      `${secs(first.settings.durationMs)} simulated after ${secs(first.settings.warmupMs)} warm-up, scenario ${run.scenario}.`
    : `Design \`${context.designId}\`, scenario sweep of \`${run.scenario === 'sweep' ? run.parameter : ''}\`.`;
  switch (run.scenario) {
    case 'single':
      return (
        [title, settings, verdictSection(run.result), simulationSection(run.result, 'Result', context)].join('\n\n') +
        '\n'
      );
    case 'baseline-vs-chaos':
      return (
        [
          title,
          settings,
          verdictSection(run.chaos),
          '## Baseline against chaos',
          table(
            ['Figure', 'Baseline (faults off)', 'Chaos (faults on)', 'Difference'],
            headlineRows(headline(run.baseline), headline(run.chaos), run.difference),
          ),
          simulationSection(run.chaos, 'Chaos', context),
          simulationSection(run.baseline, 'Baseline', context),
        ].join('\n\n') + '\n'
      );
    case 'sweep':
      return (
        [
          title,
          settings,
          run.collapse
            ? `**Collapse** at step ${run.collapse.step}: \`${run.parameter}\` = ${run.collapse.value} (success rate below 10 %).`
            : 'No collapse: the success rate stayed at or above 10 % at every step.',
          breakingPointLine(run, context),
          table(
            ['Step', 'Value', 'Requests', 'Success rate', 'p99', 'MTTR', 'SLO', 'Grade'],
            run.points.map((p) => [
              p.step,
              p.value,
              p.requests,
              pct(p.successRate),
              ms(p.headline.p99LatencyMs),
              secs(p.headline.mttrMs),
              p.sloPassed ? 'pass' : '**fail**',
              p.grade ?? '–',
            ]),
          ),
        ].join('\n\n') + '\n'
      );
    case 'defence-analysis':
      return (
        [
          title,
          settings,
          verdictSection(run.chaos),
          defencesSection(run, context),
          simulationSection(run.chaos, 'The design as it is', context),
        ].join('\n\n') + '\n'
      );
  }
}

/** Where the sweep first failed its SLO: the design-wide targets, then each request class's by name. */
function breakingPointLine(run: Extract<RunResult, { scenario: 'sweep' }>, context: ExportContext): string {
  if (!run.breakingPoint) return 'No breaking point: every SLO target held at every step.';
  const { step, value, failedTargets, failedClasses } = run.breakingPoint;
  const labels = (targets: SloTarget[]) => targets.map((t) => SLO_LABELS[t]![0]).join(', ');
  const failures = [
    ...(failedTargets.length > 0 ? [labels(failedTargets)] : []),
    ...Object.entries(failedClasses ?? {}).map(
      ([id, targets]) => `class ${requestClassName(context, id)}: ${labels(targets)}`,
    ),
  ];
  return `**Breaking point** at step ${step}: \`${run.parameter}\` = ${value} fails ${failures.join('; ')}.`;
}

const signed = (format: (v: number) => string) => (value: number | null) =>
  value === null ? '–' : `${value > 0 ? '+' : value < 0 ? '−' : '±'}${format(Math.abs(value))}`;
const points = signed((v) => `${(v * 100).toFixed(2)} pt`);
const signedMs = signed((v) => `${Number(v.toFixed(1))} ms`);

/** Which defence helped: each policy by name, its verdict, the size of its effect and why. */
function defencesSection(run: Extract<RunResult, { scenario: 'defence-analysis' }>, context: ExportContext): string {
  if (run.defences.length === 0) return '## Defences\n\nThe design has no resilience policy to analyse.';
  return [
    '## Defences',
    'Each policy removed in turn, same seed and traffic; effect = with it − without it.',
    table(
      ['Policy', 'Verdict', 'Availability effect', 'p99 effect', 'Why'],
      run.defences.map((d) => [
        policyName(d.policy, context),
        d.verdict === 'hurt' ? '**hurt**' : d.verdict,
        points(d.effect.availability),
        signedMs(d.effect.p99LatencyMs),
        d.reason,
      ]),
    ),
  ].join('\n\n');
}

const POLICY_LABELS: Record<Defence['policy']['type'], string> = {
  timeout: 'Timeout',
  retry: 'Retry',
  'circuit-breaker': 'Circuit breaker',
  bulkhead: 'Bulkhead',
  fallback: 'Fallback',
  'rate-limiter': 'Rate limiter',
  'load-shedding': 'Load shedding',
};

/** "Fallback on Checkout API → Price service", "Retry on Orders API (all calls)". */
function policyName({ component, type, connection }: Defence['policy'], context: ExportContext): string {
  const inbound = type === 'rate-limiter' || type === 'load-shedding';
  const where = connection
    ? connectionName(context, connection)
    : `${componentName(context, component)}${inbound ? ' (inbound)' : ' (all calls)'}`;
  return `${POLICY_LABELS[type]} on ${where}`;
}
