import {
  COLLAPSE_SUCCESS_RATE,
  type Design,
  type RunProgress,
  type RunResult,
  type RunSettings,
  type SimulationResult,
} from '@faultline/schemas';
import { createSimulation, headlineMetrics, type RunningSimulation } from '@faultline/sim-engine';
import { sweepValues, withParameter } from './sweep.ts';

/** One engine simulation a scenario needs: baseline-vs-chaos has two, a sweep one per step. */
interface Leg {
  design: Design;
  faults: boolean;
}

/** A scenario in progress: `advance` until `done`, then `result()`. Pure: no I/O, no clock. */
export interface ScenarioRun {
  advance(maxEvents?: number): RunProgress & { done: boolean };
  readonly done: boolean;
  result(): RunResult;
}

function legsOf(design: Design, settings: RunSettings): Leg[] {
  const { scenario } = settings;
  switch (scenario.kind) {
    case 'single':
      return [{ design, faults: true }];
    case 'baseline-vs-chaos':
      return [
        { design, faults: false },
        { design, faults: true },
      ];
    case 'sweep':
      return sweepValues(scenario).map((value) => ({
        design: withParameter(design, scenario.parameter, value),
        faults: true,
      }));
  }
}

/**
 * Runs the simulations a scenario needs one after another, with the same seed each, so every
 * one of them sees the same traffic (common random numbers), and composes their results.
 * `design` must be parsed and valid; a sweep must have passed `checkSweep`.
 */
export function createScenarioRun(design: Design, settings: RunSettings): ScenarioRun {
  const legs = legsOf(design, settings);
  const legMs = settings.durationMs * settings.replications;
  const results: SimulationResult[] = [];
  let current: RunningSimulation = createSimulation(legs[0]!.design, settings, { faults: legs[0]!.faults });
  let eventsBefore = 0;

  const progress = (simulatedMs: number, events: number) => {
    const totalMs = legMs * legs.length;
    const doneMs = Math.min(totalMs, results.length * legMs + simulatedMs);
    return {
      simulatedMs: doneMs,
      totalMs,
      events: eventsBefore + events,
      percent: Math.round((doneMs / totalMs) * 1000) / 10,
    };
  };

  return {
    advance(maxEvents = Infinity) {
      const step = current.advance({ maxEvents });
      const inLeg = step.replication * settings.durationMs + step.simulatedMs;
      if (!current.done) return { ...progress(inLeg, step.events), done: false };
      results.push(current.result());
      eventsBefore += step.events;
      const next = legs[results.length];
      if (next) current = createSimulation(next.design, settings, legOptions(settings, next, results));
      return { ...progress(0, 0), done: !next };
    },
    get done() {
      return results.length === legs.length;
    },
    result() {
      if (results.length < legs.length) throw new Error('result() before the scenario is done');
      return compose(settings, results);
    },
  };
}

/** The chaos side of baseline-vs-chaos measures latency degradation against the baseline's p99 (SPEC §4.2). */
function legOptions(settings: RunSettings, leg: Leg, done: SimulationResult[]) {
  const baseline = settings.scenario.kind === 'baseline-vs-chaos' && leg.faults ? done[0] : undefined;
  return { faults: leg.faults, ...(baseline ? { baselineP99Ms: baseline.latency.p99 } : {}) };
}

function compose(settings: RunSettings, results: SimulationResult[]): RunResult {
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
      const collapsed = points.find((p) => p.successRate !== null && p.successRate < COLLAPSE_SUCCESS_RATE);
      return {
        scenario: 'sweep',
        parameter: scenario.parameter,
        points,
        collapse: collapsed ? { step: collapsed.step, value: collapsed.value } : null,
      };
    }
  }
}

/** Overall SLO verdict of a run: the chaos side of baseline-vs-chaos, every step of a sweep. */
export function sloPassed(result: RunResult): boolean {
  switch (result.scenario) {
    case 'single':
      return result.result.slo.passed;
    case 'baseline-vs-chaos':
      return result.chaos.slo.passed;
    case 'sweep':
      return result.points.every((p) => p.sloPassed);
  }
}

/** Runs a scenario to the end. */
export function runScenario(design: Design, settings: RunSettings): RunResult {
  const run = createScenarioRun(design, settings);
  while (!run.done) run.advance();
  return run.result();
}
