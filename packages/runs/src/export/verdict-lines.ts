import { faultLine, type SimulationResult, type SloVerdict } from '@faultline/schemas';
import { className } from './classes.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const TARGETS: Record<SloVerdict['target'], [string, (v: number) => string, 'at least' | 'at most']> = {
  availability: ['Availability', (v) => `${(v * 100).toFixed(2)} %`, 'at least'],
  errorRate: ['Error rate', (v) => `${(v * 100).toFixed(2)} %`, 'at most'],
  p99LatencyMs: ['p99 latency', (v) => `${Number(v.toFixed(1))} ms`, 'at most'],
  latencyDegradationMs: ['Latency degradation', (v) => `${Number(v.toFixed(1))} ms`, 'at most'],
  mttrMs: ['MTTR', seconds, 'at most'],
  recoveryTimeMs: ['Recovery time', seconds, 'at most'],
};

/** "Availability 97.21 % against at least 99.00 %: **fail**, below the threshold" */
export function verdictLine(v: SloVerdict): string {
  const [label, format, bound] = TARGETS[v.target];
  const measured = v.measured === null ? 'nothing measured' : format(v.measured);
  const status = v.status === 'fail' ? '**fail**' : v.status;
  const why =
    v.reason ?? (v.status === 'fail' ? (bound === 'at least' ? 'below the threshold' : 'above the threshold') : null);
  return `${label} ${measured} against ${bound} ${format(v.threshold)}: ${status}${why ? `, ${why}` : ''}`;
}

/** "- Checkout: Availability 89.10 % against at least 99.00 %: **fail**, below the threshold", one per class target. */
function classVerdictLines(result: SimulationResult): string {
  return Object.entries(result.slo.classes ?? {})
    .flatMap(([id, { verdicts }]) =>
      Object.values(verdicts).map((v) => `- ${className(result, id)}: ${verdictLine(v)}`),
    )
    .join('\n');
}

/** The report's opening: the overall verdict, one line per fault by name, one per SLO target. */
export function verdictSection(result: SimulationResult): string {
  const { slo, scorecard, faultWindows } = result;
  const exercised = faultWindows.filter((w) => w.state !== 'not-exercised').length;
  const grade =
    scorecard.grade === null
      ? 'no grade: no fault was exercised'
      : `grade ${scorecard.grade} (${((scorecard.recoveryRate ?? 0) * 100).toFixed(0)} % of ${exercised} exercised fault window${exercised === 1 ? '' : 's'} without impact or recovered)`;
  const lines = [
    `## Verdict`,
    `**SLO ${slo.passed ? 'passed' : 'FAILED'}** · ${grade}`,
    faultWindows.length
      ? faultWindows.map((w) => `- ${faultLine(w, result.settings)}`).join('\n')
      : 'No fault in this run.',
    Object.values(slo.verdicts)
      .map((v) => `- ${verdictLine(v)}`)
      .join('\n'),
    classVerdictLines(result),
  ];
  return lines.filter(Boolean).join('\n\n');
}
