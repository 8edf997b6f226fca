import type { Design, RunResult, SimulationResult, SloTarget, SloVerdict } from '@faultline/schemas';

const percent = (ratio: number) => `${(ratio * 100).toFixed(2)} %`;
const ms = (value: number) => `${Number(value.toFixed(1))} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;

/** How each target reads, and which way its threshold bounds it. */
const TARGETS: Record<SloTarget, { label: string; format: (v: number) => string; atLeast: boolean }> = {
  availability: { label: 'availability', format: percent, atLeast: true },
  errorRate: { label: 'error rate', format: percent, atLeast: false },
  p99LatencyMs: { label: 'p99 latency', format: ms, atLeast: false },
  latencyDegradationMs: { label: 'latency degradation', format: ms, atLeast: false },
  mttrMs: { label: 'MTTR', format: seconds, atLeast: false },
  recoveryTimeMs: { label: 'recovery time', format: seconds, atLeast: false },
};

/** "availability: measured 97.21 %, threshold at least 99.00 %: below the threshold" */
function failureLine(verdict: SloVerdict): string {
  const { label, format, atLeast } = TARGETS[verdict.target];
  const measured = verdict.measured === null ? 'nothing measured' : `measured ${format(verdict.measured)}`;
  const threshold = `threshold ${atLeast ? 'at least' : 'at most'} ${format(verdict.threshold)}`;
  // The engine gives a reason when the figure alone does not say why; otherwise it is the figure.
  const why = verdict.reason ?? (atLeast ? 'below the threshold' : 'above the threshold');
  return `${label}: ${measured}, ${threshold}: ${why}`;
}

const className = (result: SimulationResult, id: string) => result.classes?.[id]?.name ?? id;

/** The design-wide failures, then each request class's, the class named: a class target gates as any other. */
function failuresOf(result: SimulationResult): string[] {
  const failed = (verdicts: Partial<Record<SloTarget, SloVerdict>>) =>
    Object.values(verdicts).filter((v) => v.status === 'fail');
  return [
    ...failed(result.slo.verdicts).map(failureLine),
    ...Object.entries(result.slo.classes ?? {}).flatMap(([id, { verdicts }]) =>
      failed(verdicts).map((v) => `${className(result, id)} (request class) ${failureLine(v)}`),
    ),
  ];
}

/** The result whose verdicts gate the run: the design as it is; none for a sweep (its steps gate). */
function judged(run: RunResult): SimulationResult | null {
  switch (run.scenario) {
    case 'single':
      return run.result;
    case 'baseline-vs-chaos':
    case 'defence-analysis':
      return run.chaos;
    case 'sweep':
      return null;
  }
}

/** "Checkout: fail (availability 89.10 %, at least 99.00 %; p99 latency 212.4 ms, at most 1000 ms)", one per class with targets. */
export function classVerdicts(run: RunResult): string[] {
  const result = judged(run);
  if (!result) return [];
  return Object.entries(result.slo.classes ?? {}).map(([id, { passed, verdicts }]) => {
    const figures = Object.values(verdicts).map((v) => {
      const { label, format, atLeast } = TARGETS[v.target];
      const measured = v.measured === null ? 'nothing measured' : format(v.measured);
      return `${label} ${measured}, ${atLeast ? 'at least' : 'at most'} ${format(v.threshold)}`;
    });
    return `${className(result, id)}: ${passed ? 'pass' : 'fail'} (${figures.join('; ')})`;
  });
}

type Sweep = Extract<RunResult, { scenario: 'sweep' }>;

/** What the breaking point fails: the design-wide targets, then each request class's, named from the design. */
function breakingFailures(broken: NonNullable<Sweep['breakingPoint']>, design: Design | undefined): string {
  const labels = (targets: SloTarget[]) => targets.map((t) => TARGETS[t].label).join(', ');
  const entry = design?.components.find((c) => c.id === design.workload.entry);
  const name = (id: string) => entry?.operations?.find((o) => o.id === id)?.name ?? id;
  return [
    ...(broken.failedTargets.length > 0 ? [labels(broken.failedTargets)] : []),
    ...Object.entries(broken.failedClasses ?? {}).map(([id, targets]) => `class ${name(id)}: ${labels(targets)}`),
  ].join('; ');
}

/**
 * One line per failing target (per failing step of a sweep), for the report a CI log shows.
 * `design` names a sweep's request classes; the other scenarios' results carry the names.
 */
export function sloFailures(run: RunResult, design?: Design): string[] {
  switch (run.scenario) {
    case 'single':
    case 'baseline-vs-chaos':
    case 'defence-analysis':
      return failuresOf(judged(run)!);
    case 'sweep': {
      const broken = run.breakingPoint;
      return run.points
        .filter((p) => !p.sloPassed)
        .map((p) => {
          const line = `step ${p.step} (${run.parameter} = ${p.value})`;
          if (p.step !== broken?.step) return line;
          return `${line}: the breaking point, fails ${breakingFailures(broken, design)}`;
        });
    }
  }
}
