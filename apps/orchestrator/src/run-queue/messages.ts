import type { Design, RunProgress, RunSettings } from '@faultline/schemas';

/** What the orchestrator sends a worker thread: one run to simulate. */
export interface WorkOrder {
  runId: string;
  design: Design;
  settings: RunSettings;
  maxEvents: number;
  progressIntervalMs: number;
}

/** What a worker thread answers, in order: progress any number of times, then one outcome. */
export type WorkerMessage =
  | { type: 'progress'; runId: string; progress: RunProgress }
  | { type: 'succeeded'; runId: string; body: string; sloPassed: boolean; progress: RunProgress }
  | { type: 'failed'; runId: string; reason: string };

export type Outcome = Exclude<WorkerMessage, { type: 'progress' }> | { type: 'cancelled'; runId: string };
