import type { FaultWindow, SimulationResult, SloVerdict } from '@faultline/schemas';

const count = (n: number) => n.toLocaleString('en');
/** Seconds as a person writes them: 60, 2.5. */
const at = (ms: number) => String(Number((ms / 1000).toFixed(1)));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const failures = (n: number) => `${count(n)} failure${n === 1 ? '' : 's'} caused`;

function span({ startMs, endMs }: FaultWindow): string {
  if (endMs !== null) return `${at(startMs)}–${at(endMs)} s`;
  return startMs <= 0 ? 'whole run' : `from ${at(startMs)} s to the end`;
}

/**
 * What became of one fault, by name, in one line: "Orders DB outage (60–90 s): recovered 2.1 s
 * after it ended", "Price cache unreachable (whole run): absorbed, no failures caused (fallback
 * served 1,438)". The same words as the dashboard's verdict header.
 */
export function faultLine(w: FaultWindow): string {
  return `${w.name} (${span(w)}): ${whatBecameOf(w)}`;
}

function whatBecameOf(w: FaultWindow): string {
  switch (w.state) {
    case 'not-exercised':
      return `not exercised: ${w.reason ?? 'never active in the measured period'}`;
    case 'no-impact': {
      if (w.affectedRequests === 0) return 'no impact: it acted on no request';
      if (w.failuresCaused > 0) return `no impact: availability stayed at the SLO (${failures(w.failuresCaused)})`;
      const served = w.degradedCaused > 0 ? ` (fallback served ${count(w.degradedCaused)})` : '';
      return `absorbed, no failures caused${served}`;
    }
    case 'recovered':
      return `recovered ${seconds(w.recoveryTimeMs ?? 0)} after it ended (${failures(w.failuresCaused)})`;
    case 'not-recovered':
      return `not recovered: ${w.reason ?? 'availability stayed below the SLO until the end'} (${failures(w.failuresCaused)})`;
  }
}

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
    faultWindows.length ? faultWindows.map((w) => `- ${faultLine(w)}`).join('\n') : 'No fault in this run.',
    Object.values(slo.verdicts)
      .map((v) => `- ${verdictLine(v)}`)
      .join('\n'),
  ];
  return lines.filter(Boolean).join('\n\n');
}
