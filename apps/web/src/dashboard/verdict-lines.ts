import { count, faultLine, type SimulationResult, type SloTarget, type SloVerdict } from '@faultline/schemas';
import { ms, pct, secs } from './format.ts';

/** One line per fault window, in the words the Markdown report uses too (`faultLine`). */
export function faultLines(result: SimulationResult) {
  return result.faultWindows.map((w) => ({
    key: `${w.faultId}-${w.startMs}`,
    state: w.state,
    text: faultLine(w, result.settings),
  }));
}

export const TARGET_WORDS: Record<SloTarget, string> = {
  availability: 'availability',
  errorRate: 'error rate',
  p99LatencyMs: 'p99 latency',
  latencyDegradationMs: 'latency degradation',
  mttrMs: 'MTTR',
  recoveryTimeMs: 'recovery time',
};

/** A target's figure in its unit: ratios as percentages, latencies in ms, recoveries in s. */
export function targetValue(target: SloTarget, value: number | null): string {
  if (target === 'availability' || target === 'errorRate') return pct(value);
  if (target === 'mttrMs' || target === 'recoveryTimeMs') return secs(value);
  return ms(value);
}

/** "412 ms against ≤ 300 ms": the measured value beside its threshold, the way the target reads. */
export function measuredAgainst(v: SloVerdict): string {
  const bound = v.target === 'availability' ? '≥' : '≤';
  return `${targetValue(v.target, v.measured)} against ${bound} ${targetValue(v.target, v.threshold)}`;
}

/** How the grade was reached: the windows that recovered or had no impact over those exercised. */
export function gradeBasis(result: SimulationResult): string {
  const exercised = result.faultWindows.filter((w) => w.state !== 'not-exercised');
  if (!exercised.length) return 'no fault was exercised, so there is no grade';
  const recovered = exercised.filter((w) => w.state === 'recovered').length;
  const noImpact = exercised.filter((w) => w.state === 'no-impact').length;
  const rate = result.scorecard.recoveryRate;
  return `${recovered} recovered + ${noImpact} no impact of ${count(exercised.length, 'exercised fault')}${rate === null ? '' : ` (${pct(rate, 0)})`}`;
}

/** Each request class's failing verdicts (SPEC §3.7), said with the class's name first. */
function failingClassTargets(result: SimulationResult): string[] {
  return Object.entries(result.slo.classes ?? {}).flatMap(([id, slo]) =>
    Object.values(slo.verdicts)
      .filter((v) => v.status === 'fail')
      .map((v) => `${result.classes?.[id]?.name ?? id} ${failingTarget(v)}`),
  );
}

const failingTarget = (v: SloVerdict) =>
  `${TARGET_WORDS[v.target]} ${measuredAgainst(v)}${v.reason ? ` (${v.reason})` : ''}`;

/** The run's verdict in one line that agrees with the cards beside it: each failing target by its figures. */
export function overallLine(result: SimulationResult): string {
  const verdicts = Object.values(result.slo.verdicts);
  const failing = [...verdicts.filter((v) => v.status === 'fail').map(failingTarget), ...failingClassTargets(result)];
  const grade = result.scorecard.grade ? ` · grade ${result.scorecard.grade}: ${gradeBasis(result)}` : '';
  if (!failing.length) {
    const classVerdicts = Object.values(result.slo.classes ?? {}).flatMap((c) => Object.values(c.verdicts));
    const held = [...verdicts, ...classVerdicts].filter((v) => v.status === 'pass').length;
    return `${held ? `Every SLO target held (${count(held, 'target')})` : 'No SLO target applied'}${grade}`;
  }
  return `SLO missed: ${failing.join('; ')}${grade}`;
}
