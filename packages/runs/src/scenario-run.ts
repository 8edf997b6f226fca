import type { Design, RunProgress, RunResult, RunSettings, SimulationResult } from '@faultline/schemas';
import { createSimulation, type RunningSimulation } from '@faultline/sim-engine';
import { compose } from './compose.ts';
import { legsOf, type Leg } from './legs.ts';

/** A scenario in progress: `advance` until `done`, then `result()`. Pure: no I/O, no clock. */
export interface ScenarioRun {
  advance(maxEvents?: number): RunProgress & { done: boolean };
  readonly done: boolean;
  result(): RunResult;
}

/**
 * Runs the simulations a scenario needs one after another, with the same seed each, so every
 * one of them sees the same traffic (common random numbers), and composes their results.
 * `design` must be parsed and valid; a sweep must have passed `checkSweep`.
 */
export function createScenarioRun(design: Design, settings: RunSettings): ScenarioRun {
  const legs = legsOf(design, settings);
  // Every leg of a scenario simulates the same span: the run's replications, or one of them.
  const legMs = legs[0]!.settings.durationMs * legs[0]!.settings.replications;
  const results: SimulationResult[] = [];
  let current: RunningSimulation = start(legs[0]!, settings, results);
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
      if (next) current = start(next, settings, results);
      return { ...progress(0, 0), done: !next };
    },
    get done() {
      return results.length === legs.length;
    },
    result() {
      if (results.length < legs.length) throw new Error('result() before the scenario is done');
      return compose(design, settings, results);
    },
  };
}

/** The chaos side of baseline-vs-chaos measures latency degradation against the baseline's p99 (SPEC §4.2). */
function start(leg: Leg, settings: RunSettings, done: SimulationResult[]): RunningSimulation {
  const baseline = settings.scenario.kind === 'baseline-vs-chaos' && leg.faults ? done[0] : undefined;
  return createSimulation(leg.design, leg.settings, {
    faults: leg.faults,
    ...(baseline ? { baselineP99Ms: baseline.latency.p99 } : {}),
  });
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
