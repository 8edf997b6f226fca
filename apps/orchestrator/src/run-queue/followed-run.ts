import { PartsProgress, type Part } from '@faultline/runs';
import type { RunPart } from '@faultline/schemas';
import { partRecord, type PartJob, type PartJobProgress } from '@faultline/workers/flows';

/** Each status a part can reach, in the order it reaches them: news never moves a part back. */
const ORDER: Record<RunPart['status'], number> = { waiting: 0, running: 1, succeeded: 2, failed: 2, cancelled: 2 };

/**
 * A run whose parts run on BullMQ workers, as one orchestrator follows it from queue events: its
 * parts' records and summed progress. Built from the part jobs in Redis, so an orchestrator that
 * starts mid-run (or serves a stream of a run another one launched) knows what happened before.
 */
export class FollowedRun {
  readonly records: RunPart[];
  readonly progress: PartsProgress;
  /** Records read from Redis, not yet written: news may have moved them before this orchestrator heard any. */
  unsaved = true;

  /** `parts` are the run's (`partsOf`), each `partMs` of simulated time; `jobs` their jobs in Redis, by index. */
  constructor(
    readonly runId: string,
    parts: Part[],
    partMs: number,
    jobs: (PartJob | undefined)[],
  ) {
    this.records = parts.map((part, i) => partRecord(part, i, jobs[i], 'waiting'));
    this.progress = new PartsProgress(parts.length, partMs);
    jobs.forEach((job, i) => {
      const progress = typeof job?.progress === 'object' ? (job.progress as PartJobProgress) : null;
      if (progress)
        this.progress.report(i, progress.simulatedMs, progress.events, this.records[i]!.status === 'succeeded');
    });
  }

  /** Applies a part's news; true when its record changed (worth writing at once). */
  update(part: number, status: RunPart['status'], worker?: string): boolean {
    const record = this.records[part];
    if (!record || ORDER[status] < ORDER[record.status]) return false;
    const changed = status !== record.status || (worker !== undefined && worker !== record.worker);
    if (status !== record.status) {
      if (status === 'running') record.startedAt = new Date().toISOString();
      else if (ORDER[status] === 2) record.finishedAt = new Date().toISOString();
      record.status = status;
    }
    if (worker !== undefined) record.worker = worker;
    return changed;
  }
}
