import {
  COLLAPSE_SUCCESS_RATE,
  type Design,
  type RunResult,
  type RunSettings,
  type SimulationResult,
  type SloTarget,
} from '@faultline/schemas';
import { headlineMetrics } from '@faultline/sim-engine';
import { composeDefenceAnalysis } from './defence/defence-analysis.ts';
import { sweepValues } from './sweep.ts';

/** The scenario's result from its legs' results, in the order `legsOf` gave them. */
export function compose(design: Design, settings: RunSettings, results: SimulationResult[]): RunResult {
  const { scenario } = settings;
  switch (scenario.kind) {
    case 'single':
      return { scenario: 'single', result: results[0]! };
    case 'baseline-vs-chaos': {
      const [baseline, chaos] = results as [SimulationResult, SimulationResult];
      const before = headlineMetrics(baseline);
      const after = headlineMetrics(chaos);
      const difference = Object.fromEntries(
        Object.entries(after).map(([name, value]) => {
          const base = before[name as keyof typeof before];
          return [name, value === null || base === null ? null : value - base];
        }),
      ) as typeof after;
      return { scenario: 'baseline-vs-chaos', baseline, chaos, difference };
    }
    case 'sweep': {
      const values = sweepValues(scenario);
      const points = results.map((result, step) => {
        const headline = headlineMetrics(result);
        return {
          step,
          value: values[step]!,
          requests: result.totals.requests,
          successRate: headline.availability,
          headline,
          sloPassed: result.slo.passed,
          grade: result.scorecard.grade,
        };
      });
      const broken = results.findIndex((r) => failedTargets(r).length > 0 || failedClasses(r) !== null);
      const collapsed = points.find((p) => p.successRate !== null && p.successRate < COLLAPSE_SUCCESS_RATE);
      return {
        scenario: 'sweep',
        parameter: scenario.parameter,
        points,
        collapse: collapsed ? { step: collapsed.step, value: collapsed.value } : null,
        breakingPoint: broken < 0 ? null : breakingPointAt(broken, values[broken]!, results[broken]!),
      };
    }
    case 'defence-analysis':
      return composeDefenceAnalysis(design, settings, results);
  }
}

function breakingPointAt(step: number, value: number, result: SimulationResult) {
  const classes = failedClasses(result);
  return { step, value, failedTargets: failedTargets(result), ...(classes ? { failedClasses: classes } : {}) };
}

/** Per request class whose own targets failed, those targets (SPEC §3.7); null when none did. */
function failedClasses(result: SimulationResult): Record<string, SloTarget[]> | null {
  const failed = Object.entries(result.slo.classes ?? {})
    .map(
      ([id, c]) =>
        [
          id,
          Object.values(c.verdicts)
            .filter((v) => v.status === 'fail')
            .map((v) => v.target),
        ] as const,
    )
    .filter(([, targets]) => targets.length > 0);
  return failed.length > 0 ? Object.fromEntries(failed) : null;
}

/** The SLO targets whose status is `fail`, in the order the verdicts list them. */
function failedTargets(result: SimulationResult): SloTarget[] {
  return Object.values(result.slo.verdicts)
    .filter((v) => v.status === 'fail')
    .map((v) => v.target);
}
