import type { Design, RunSettings, SimulationResult } from '@faultline/schemas';

/**
 * What the orchestrator sends a worker thread: one part of a run to simulate. The thread derives
 * the part from the run's design and settings (`partsOf`), so only the index travels.
 */
export interface PartOrder {
  runId: string;
  part: number;
  design: Design;
  settings: RunSettings;
  /** The result of the part this one is measured against (the chaos side's baseline), if any. */
  baseline?: SimulationResult;
  maxEvents: number;
  progressIntervalMs: number;
}

export interface PartProgress {
  simulatedMs: number;
  events: number;
}

/** What a worker thread answers, in order: progress any number of times, then one outcome. */
export type WorkerMessage =
  | { type: 'progress'; runId: string; part: number; progress: PartProgress }
  | { type: 'succeeded'; runId: string; part: number; result: SimulationResult; progress: PartProgress }
  | { type: 'failed'; runId: string; part: number; reason: string };

export type PartOutcome =
  Exclude<WorkerMessage, { type: 'progress' }> | { type: 'cancelled'; runId: string; part: number };
