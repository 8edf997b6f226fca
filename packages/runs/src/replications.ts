import type { RunSettings, SimulationResult } from '@faultline/schemas';
import { summariseReplications } from '@faultline/sim-engine';

/** Replications as the engine reports them: the first one's result with the summary of all. */
export function asOneResult(settings: RunSettings, runs: SimulationResult[]): SimulationResult {
  if (runs.length === 1) return runs[0]!;
  return { ...runs[0]!, settings, seed: settings.seed, replications: summariseReplications(runs) };
}
