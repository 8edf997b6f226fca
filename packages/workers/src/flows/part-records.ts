import type { Job } from 'bullmq';
import type { Part } from '@faultline/runs';
import type { RunPart } from '@faultline/schemas';
import type { PartJobData, PartJobProgress, PartJobResult } from './queues.ts';

/** The reason a part's job records when its run was stopped (cancelled, or failed elsewhere). */
export const PART_STOPPED = 'The run was stopped before this part ended (cancelled, or another part failed).';

/** BullMQ's reason for a part whose worker died more often than allowed. */
const STALLED = /stalled more than allowable limit/;

/** A part's failure in words a person can act on. */
export function partFailure(reason: string): string {
  return STALLED.test(reason)
    ? 'The worker simulating a part of this run stopped twice while it ran (killed or out of memory); it is not run again, as it may be what stops them.'
    : reason;
}

export type PartJob = Job<PartJobData, PartJobResult>;

/**
 * A part as GET /api/runs/:id shows it, read from its job: where it ran (the worker reports its
 * host, process and thread as progress), when, and how it ended. `missing` is the status of a
 * part whose job is not in Redis: not yet added while a run starts, removed once it was cancelled.
 */
export function partRecord(part: Part, index: number, job: PartJob | undefined, missing: RunPart['status']): RunPart {
  const base = { kind: part.kind, index, leg: part.leg, replication: part.replication };
  if (!job) return { ...base, status: missing, worker: null, startedAt: null, finishedAt: null };
  const progress = typeof job.progress === 'object' ? (job.progress as Partial<PartJobProgress>) : {};
  const at = (ms: number | undefined) => (ms ? new Date(ms).toISOString() : null);
  const status: RunPart['status'] = job.failedReason
    ? job.failedReason === PART_STOPPED
      ? 'cancelled'
      : 'failed'
    : job.finishedOn
      ? 'succeeded'
      : job.processedOn
        ? 'running'
        : 'waiting';
  return {
    ...base,
    status,
    worker: job.returnvalue?.worker ?? progress.worker ?? null,
    startedAt: at(job.processedOn),
    finishedAt: status === 'running' || status === 'waiting' ? null : at(job.finishedOn),
  };
}
