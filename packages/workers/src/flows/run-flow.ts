import type { FlowJob } from 'bullmq';
import { partsOf } from '@faultline/runs';
import type { Design, RunSettings } from '@faultline/schemas';
import { PARTS_QUEUE, partJobId, RUNS_QUEUE, type PartJobData, type RunJobData } from './queues.ts';

export interface FlowLimits {
  maxEvents: number;
  maxRunWallMs: number;
}

/** Finished jobs stay this long: the run job's id then keeps a second launch of the same run a no-op. */
const KEEP_FINISHED_S = 24 * 3600;

/**
 * A run as a BullMQ flow: the run job waits for its parts; a chaos part waits for its baseline,
 * which BullMQ hands it as a child's return value. A part that fails does not fail the run job
 * (its failure is read there and becomes the run's reason); a failed baseline fails its chaos
 * part. Parts are not retried: the engine is deterministic, so a part that failed fails again.
 * A part whose worker died is not a failure: the stalled-job check runs it again elsewhere.
 */
export function runFlow(runId: string, design: Design, settings: RunSettings, limits: FlowLimits): FlowJob {
  const parts = partsOf(design, settings);
  const nested = new Set(parts.flatMap((part) => (part.after === null ? [] : [part.after])));
  const partJob = (index: number, underChaos: boolean): FlowJob => {
    const after = parts[index]!.after;
    const data: PartJobData = {
      runId,
      part: index,
      design,
      settings,
      maxEvents: limits.maxEvents,
      maxRunWallMs: limits.maxRunWallMs,
    };
    return {
      name: parts[index]!.kind,
      queueName: PARTS_QUEUE,
      data,
      opts: {
        jobId: partJobId(runId, index),
        attempts: 1,
        removeOnComplete: { age: KEEP_FINISHED_S },
        removeOnFail: { age: KEEP_FINISHED_S },
        ...(underChaos ? { failParentOnFailure: true } : { ignoreDependencyOnFailure: true }),
      },
      ...(after === null ? {} : { children: [partJob(after, true)] }),
    };
  };
  const data: RunJobData = { runId };
  return {
    name: 'run',
    queueName: RUNS_QUEUE,
    data,
    opts: {
      jobId: runId,
      // Storing the result may meet a database in trouble: the run job is tried again.
      attempts: 5,
      backoff: { type: 'exponential', delay: 2_000 },
      removeOnComplete: { age: KEEP_FINISHED_S },
      removeOnFail: { age: KEEP_FINISHED_S },
    },
    children: parts.flatMap((_, index) => (nested.has(index) ? [] : [partJob(index, false)])),
  };
}
