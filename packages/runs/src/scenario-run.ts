import type { Design, RunProgress, RunResult, RunSettings, SimulationResult } from '@faultline/schemas';
import type { RunningSimulation } from '@faultline/sim-engine';
import { assemble, partsOf, startPart, type Part } from './parts.ts';
import { PartsProgress } from './parts-progress.ts';

/** A scenario in progress: `advance` until `done`, then `result()`. Pure: no I/O, no clock. */
export interface ScenarioRun {
  advance(maxEvents?: number): RunProgress & { done: boolean };
  readonly done: boolean;
  result(): RunResult;
}

/**
 * Runs the parts a scenario needs one after another, with the same seed for each leg, so every
 * leg sees the same traffic (common random numbers), and assembles their results exactly as the
 * orchestrator does when it runs the parts at once on several threads.
 * `design` must be parsed and valid; a sweep must have passed `checkSweep`.
 */
export function createScenarioRun(design: Design, settings: RunSettings): ScenarioRun {
  const parts = partsOf(design, settings);
  const results: SimulationResult[] = [];
  const progress = new PartsProgress(parts.length, settings.durationMs);
  const begin = (part: Part) => startPart(part, part.after === null ? undefined : results[part.after]);
  let current: RunningSimulation = begin(parts[0]!);

  return {
    advance(maxEvents = Infinity) {
      const index = results.length;
      const step = current.advance({ maxEvents });
      progress.report(index, step.simulatedMs, step.events, current.done);
      if (!current.done) return { ...progress.current(), done: false };
      results.push(current.result());
      const next = parts[results.length];
      if (next) current = begin(next);
      return { ...progress.current(), done: !next };
    },
    get done() {
      return results.length === parts.length;
    },
    result() {
      if (results.length < parts.length) throw new Error('result() before the scenario is done');
      return assemble(design, settings, parts, results);
    },
  };
}

/** Overall SLO verdict of a run: the design as it is (the chaos side), every step of a sweep. */
export function sloPassed(result: RunResult): boolean {
  switch (result.scenario) {
    case 'single':
      return result.result.slo.passed;
    case 'baseline-vs-chaos':
      return result.chaos.slo.passed;
    case 'sweep':
      return result.points.every((p) => p.sloPassed);
    case 'defence-analysis':
      return result.chaos.slo.passed;
  }
}

/** Runs a scenario to the end. */
export function runScenario(design: Design, settings: RunSettings): RunResult {
  const run = createScenarioRun(design, settings);
  while (!run.done) run.advance();
  return run.result();
}
