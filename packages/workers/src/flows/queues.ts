import type { Design, RunSettings, SimulationResult } from '@faultline/schemas';
import type { PartProgress } from '../messages.ts';

/**
 * The two BullMQ queues of a team deployment (SPEC §2): a run is a job of `runs` whose children
 * are its parts in `parts`; a chaos part is in turn the parent of its baseline part, so BullMQ
 * itself holds it back until the baseline is done and hands it the baseline's result.
 */
export const RUNS_QUEUE = 'runs';
export const PARTS_QUEUE = 'parts';

/** Job ids are the run's id (the run job) and the run's id with the part's index: adding a run twice adds nothing. */
export const partJobId = (runId: string, part: number): string => `${runId}.${part}`;

export function partOfJobId(jobId: string): { runId: string; part: number } | null {
  const at = jobId.lastIndexOf('.');
  const part = Number(jobId.slice(at + 1));
  return at > 0 && Number.isInteger(part) ? { runId: jobId.slice(0, at), part } : null;
}

/** What a part job carries: everything a worker needs, so workers need Redis alone. */
export interface PartJobData {
  runId: string;
  part: number;
  design: Design;
  settings: RunSettings;
  maxEvents: number;
  /** Wall-clock time the run may take from the start of its first part, wherever it runs (MAX_RUN_WALL_MS). */
  maxRunWallMs: number;
}

export interface RunJobData {
  runId: string;
}

/** A part job's progress as BullMQ carries it: where it runs and how far it is. */
export interface PartJobProgress extends PartProgress {
  worker: string;
}

/** A part job's return value. */
export interface PartJobResult {
  result: SimulationResult;
  progress: PartProgress;
  worker: string;
}

/** Channel on which cancelled and failed runs are told to every worker and orchestrator. */
export const stopChannel = (prefix: string): string => `${prefix}:stopped-runs`;
/** Set while a run is cancelled or failed, so a worker never starts one of its parts. */
export const stoppedKey = (prefix: string, runId: string): string => `${prefix}:stopped:${runId}`;
/** When the run's first part started (epoch ms), the start of its wall-clock time on every host. */
export const startedKey = (prefix: string, runId: string): string => `${prefix}:started:${runId}`;
/** Events simulated by all of a run's parts, wherever they run: the per-run limit holds across hosts. */
export const eventsKey = (prefix: string, runId: string): string => `${prefix}:events:${runId}`;
/** How long those keys outlive a run. */
export const RUN_KEY_TTL_S = 7 * 24 * 3600;
