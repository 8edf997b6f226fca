import { EventEmitter } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import type { Run, RunProgress } from '@faultline/schemas';
import type { RunRepository } from '../repository/run-repository.ts';
import type { Outcome } from './messages.ts';
import { WorkerPool } from './worker-pool.ts';

/** What subscribers of one run hear: progress while it runs, its whole state when the status changes. */
export type RunNews = { type: 'progress'; progress: RunProgress } | { type: 'status'; run: Run };

export interface RunQueueOptions {
  workers: number;
  maxEventsPerRun: number;
  progressIntervalMs: number;
  /** Progress is written to the database at most this often per run; subscribers hear every report. */
  persistIntervalMs: number;
}

/**
 * Runs wait here in creation order until a worker is free. The database is the truth: the
 * in-memory queue only orders what the database says is queued, so a restart loses nothing.
 */
export class RunQueue {
  private readonly waiting: string[] = [];
  private readonly news = new EventEmitter();
  private readonly lastPersisted = new Map<string, number>();
  private readonly pool: WorkerPool;
  private pumping = false;
  private closed = false;

  constructor(
    private readonly runs: RunRepository,
    private readonly log: FastifyBaseLogger,
    private readonly options: RunQueueOptions,
  ) {
    this.news.setMaxListeners(0);
    this.pool = new WorkerPool(options.workers, ({ runId, progress }) => this.progressed(runId, progress));
  }

  /** At start: runs a previous process left queued or running are taken up again. */
  async resume(): Promise<void> {
    const { requeued, queued } = await this.runs.requeueInterrupted();
    if (requeued) this.log.info({ requeued }, 'runs interrupted by a stop are queued again');
    this.waiting.push(...queued);
    void this.pump();
  }

  enqueue(runId: string): void {
    this.waiting.push(runId);
    void this.pump();
  }

  /** Cancels a queued or running run; false if it had already finished. */
  async cancel(runId: string): Promise<boolean> {
    const cancelled = await this.runs.cancel(runId);
    if (!cancelled) return false;
    const at = this.waiting.indexOf(runId);
    if (at >= 0) this.waiting.splice(at, 1);
    await this.pool.cancel(runId);
    await this.announce(runId);
    return true;
  }

  subscribe(runId: string, listener: (news: RunNews) => void): () => void {
    this.news.on(runId, listener);
    return () => this.news.off(runId, listener);
  }

  /** Stops the workers; the runs they held go back to the queue for the next start. */
  async close(): Promise<void> {
    this.closed = true;
    const held = this.pool.busy;
    await this.pool.close();
    await this.runs.release(held);
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (!this.closed && this.pool.free > 0 && this.waiting.length > 0) {
        const runId = this.waiting.shift()!;
        const job = await this.runs.start(runId);
        if (!job) continue; // cancelled while it waited
        await this.announce(runId);
        const order = {
          runId,
          design: job.design,
          settings: job.settings,
          maxEvents: this.options.maxEventsPerRun,
          progressIntervalMs: this.options.progressIntervalMs,
        };
        void this.pool.run(order).then((outcome) => this.finished(outcome));
      }
    } catch (error) {
      this.log.error({ err: error }, 'could not start a run');
    } finally {
      this.pumping = false;
    }
  }

  private progressed(runId: string, progress: RunProgress): void {
    this.news.emit(runId, { type: 'progress', progress } satisfies RunNews);
    const now = Date.now();
    if (now - (this.lastPersisted.get(runId) ?? 0) < this.options.persistIntervalMs) return;
    this.lastPersisted.set(runId, now);
    this.runs
      .saveProgress(runId, progress)
      .catch((error) => this.log.warn({ err: error, runId }, 'could not save progress'));
  }

  private async finished(outcome: Outcome): Promise<void> {
    const { runId } = outcome;
    this.lastPersisted.delete(runId);
    try {
      if (outcome.type === 'succeeded')
        await this.runs.succeed(runId, outcome.body, outcome.sloPassed, outcome.progress);
      else if (outcome.type === 'failed') {
        this.log.warn({ runId, reason: outcome.reason }, 'run failed');
        await this.runs.fail(runId, outcome.reason);
      }
      if (!this.closed) await this.announce(runId);
    } catch (error) {
      this.log.error({ err: error, runId }, 'could not record the end of a run');
    }
    void this.pump();
  }

  private async announce(runId: string): Promise<void> {
    if (this.news.listenerCount(runId) === 0) return;
    const run = await this.runs.get(runId);
    if (run) this.news.emit(runId, { type: 'status', run } satisfies RunNews);
  }
}
