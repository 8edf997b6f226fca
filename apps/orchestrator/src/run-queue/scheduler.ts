import type { Run, RunProgress } from '@faultline/schemas';

/** What subscribers of one run hear: progress while it runs, its whole state when the status changes. */
export type RunNews = { type: 'progress'; progress: RunProgress } | { type: 'status'; run: Run };

/**
 * Where launched runs go: worker threads in this process (`RunQueue`, the embedded default) or
 * BullMQ flows shared by every orchestrator and worker on one Redis (`FlowRunQueue`).
 */
export interface RunScheduler {
  /** At start: takes up the runs the database says are queued or running. */
  resume(): Promise<void>;
  enqueue(runId: string): void;
  /** Cancels a queued or running run; false if it had already finished. */
  cancel(runId: string): Promise<boolean>;
  subscribe(runId: string, listener: (news: RunNews) => void): () => void;
  close(): Promise<void>;
}
