import type { Design, RunSettings, SimulationResult } from '@faultline/schemas';
import { designHash } from './hash.ts';
import { Simulation, type Progress } from './model/simulation.ts';
import { buildResult } from './result.ts';
import { summariseReplications } from './stats/replications.ts';

export interface SimulationOptions {
  /** false runs the design with every fault switched off (the baseline of baseline-vs-chaos). */
  faults?: boolean;
  /**
   * The p99 (ms) of the scenario's baseline run, when it has one: latency degradation in each
   * fault window is measured against it (SPEC §4.2). Without it, against the p99 before the first fault.
   */
  baselineP99Ms?: number | null;
}

/**
 * A run that proceeds in slices, for progress and cancellation: call `advance` until `done`,
 * then `result()`. Replications run one after another with seeds seed, seed + 1, …
 *
 * The engine runs one design under one setting of its faults; scenarios that compare runs
 * (baseline-vs-chaos, sweeps) are composed by the caller from several of these.
 */
export interface RunningSimulation {
  advance(options?: { maxEvents?: number }): Progress & { replication: number };
  readonly done: boolean;
  result(): SimulationResult;
}

/** `design` must be a parsed design (every default filled in) and `settings` parsed run settings. */
export function createSimulation(
  design: Design,
  settings: RunSettings,
  options: SimulationOptions = {},
): RunningSimulation {
  const hash = designHash(design);
  const faults = options.faults ?? true;
  const results: SimulationResult[] = [];
  let current = new Simulation(design, settings, settings.seed, faults);
  let totalEvents = 0;

  return {
    advance({ maxEvents = Infinity } = {}) {
      let progress = current.advance(maxEvents);
      if (progress.done && results.length < settings.replications) {
        totalEvents += progress.events;
        const replication = results.length;
        results.push(buildResult(current, { ...settings }, hash, options.baselineP99Ms));
        if (results.length < settings.replications) {
          current = new Simulation(design, settings, settings.seed + results.length, faults);
          progress = { ...progress, done: false };
        }
        return { ...progress, events: totalEvents, replication };
      }
      return { ...progress, events: totalEvents + progress.events, replication: results.length };
    },
    get done() {
      return results.length === settings.replications;
    },
    result() {
      if (results.length < settings.replications) throw new Error('result() before the simulation is done');
      const [first] = results;
      return settings.replications > 1 ? { ...first!, replications: summariseReplications(results) } : first!;
    },
  };
}

/** Runs to the end and returns the result. */
export function simulate(design: Design, settings: RunSettings, options?: SimulationOptions): SimulationResult {
  const run = createSimulation(design, settings, options);
  while (!run.done) run.advance();
  return run.result();
}
