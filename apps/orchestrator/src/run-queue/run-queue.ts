import type { FastifyBaseLogger } from 'fastify';
import type { RunRepository } from '../repository/run-repository.ts';
import {
  ActiveRun,
  overEventLimit,
  overWallClock,
  WorkerPool,
  type PartOutcome,
  type WorkerMessage,
} from '@faultline/workers';
import { reasonOf, writeRunEnd } from './run-end.ts';
import { RunSubscribers } from './run-news.ts';
import type { RunNews, RunScheduler } from './scheduler.ts';

export interface RunQueueOptions {
  workers: number;
  maxEventsPerRun: number;
  /** Wall-clock time one run may take from its start; past it, it fails and says so. */
  maxRunWallMs: number;
  /** Starts a run may have: one interrupted by a crash this many times is failed, not run again. */
  maxAttempts: number;
  progressIntervalMs: number;
  /** Progress is written to the database at most this often per run; subscribers hear every report. */
  persistIntervalMs: number;
  /** Waits between tries of writing a run's end before giving up on it. */
  writeRetryDelaysMs: readonly number[];
}

type Ending = { type: 'succeeded'; run: ActiveRun } | { type: 'failed'; reason: string; failedPart?: number };

/**
 * Runs wait here in creation order; each started run's parts share the worker threads, the
 * runs started first served first, so one run's sweep uses every thread when it is alone and
 * no run waits behind a later one. The database is the truth: the in-memory queue only orders
 * what the database says is queued, so a restart loses nothing.
 */
export class RunQueue implements RunScheduler {
  private readonly waiting: string[] = [];
  private readonly active = new Map<string, ActiveRun>();
  private readonly wallClocks = new Map<string, NodeJS.Timeout>();
  private readonly subscribers: RunSubscribers;
  private readonly lastPersisted = new Map<string, number>();
  private readonly pool: WorkerPool;
  private pumping = false;
  private closed = false;

  constructor(
    private readonly runs: RunRepository,
    private readonly log: FastifyBaseLogger,
    private readonly options: RunQueueOptions,
  ) {
    this.subscribers = new RunSubscribers(runs);
    this.pool = new WorkerPool(options.workers, (message) => this.progressed(message));
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
    const run = this.active.get(runId);
    this.forget(runId);
    await this.pool.cancel(runId);
    if (run) {
      run.stopped(null);
      await this.runs.saveParts(runId, run.records, ['cancelled']);
    }
    await this.subscribers.status(runId);
    void this.pump();
    return true;
  }

  subscribe(runId: string, listener: (news: RunNews) => void): () => void {
    return this.subscribers.subscribe(runId, listener);
  }

  /** Stops the workers; the runs they held go back to the queue for the next start. */
  async close(): Promise<void> {
    this.closed = true;
    const held = [...this.active.keys()];
    for (const runId of held) this.forget(runId);
    await this.pool.close();
    await this.runs.release(held);
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (!this.closed && this.pool.free > 0) {
        const next = this.nextPart();
        if (next) this.launch(next.run, next.part);
        else if (this.waiting.length > 0) await this.startRun(this.waiting.shift()!);
        else break;
      }
    } catch (error) {
      this.log.error({ err: error }, 'could not start a run');
    } finally {
      this.pumping = false;
    }
  }

  /** The next part to run: from the run started first that has one ready. */
  private nextPart(): { run: ActiveRun; part: number } | null {
    for (const run of this.active.values()) {
      const part = run.nextReady();
      if (part !== null) return { run, part };
    }
    return null;
  }

  private async startRun(runId: string): Promise<void> {
    const job = await this.runs.start(runId);
    if (!job) return; // cancelled while it waited
    if (job.attempts > this.options.maxAttempts) {
      // Each start after a crash counts: a run that takes its process down is not run forever.
      const reason = `The run was started ${job.attempts - 1} times and each time the orchestrator stopped before it ended; it is not run again, as it may be what stops it.`;
      this.log.warn({ runId, attempts: job.attempts }, 'run given up after repeated interruptions');
      await this.runs.fail(runId, reason);
      await this.subscribers.status(runId);
      return;
    }
    let run: ActiveRun;
    try {
      run = new ActiveRun(runId, job.design, job.settings);
    } catch (error) {
      // Launch checks make this rare; a run that cannot be split must still end, with the reason.
      const reason = `The run could not be split into its parts: ${reasonOf(error)}`;
      await writeRunEnd(this.runs, this.log, this.options.writeRetryDelaysMs, runId, {
        type: 'failed',
        reason,
        parts: [],
      });
      await this.subscribers.status(runId, reason);
      return;
    }
    this.active.set(runId, run);
    const wallClock = setTimeout(() => void this.timedOut(run), this.options.maxRunWallMs);
    wallClock.unref();
    this.wallClocks.set(runId, wallClock);
    await this.subscribers.status(runId);
  }

  private launch(run: ActiveRun, part: number): void {
    const order = run.start(part, {
      maxEvents: this.options.maxEventsPerRun,
      progressIntervalMs: this.options.progressIntervalMs,
    });
    const { worker, outcome } = this.pool.run(order);
    run.runsOn(part, worker);
    this.saveParts(run);
    void outcome.then((ended) => this.partEnded(run, ended));
  }

  private async partEnded(run: ActiveRun, outcome: PartOutcome): Promise<void> {
    if (this.active.get(run.runId) !== run || outcome.type === 'cancelled') return;
    if (outcome.type === 'failed') return this.end(run, { ...outcome, failedPart: outcome.part });
    run.succeeded(outcome.part, outcome.result, outcome.progress);
    if (run.progress.totalEvents > this.options.maxEventsPerRun) return this.overLimit(run);
    if (run.done) return this.end(run, { type: 'succeeded', run });
    this.saveParts(run);
    this.report(run);
    void this.pump();
  }

  private progressed({ runId, part, progress }: Extract<WorkerMessage, { type: 'progress' }>): void {
    const run = this.active.get(runId);
    if (!run) return;
    run.progress.report(part, progress.simulatedMs, progress.events);
    // The limit is per run: parts on several threads pass it together before any one of them does.
    if (run.progress.totalEvents > this.options.maxEventsPerRun) void this.overLimit(run);
    else this.report(run);
  }

  private report(run: ActiveRun): void {
    const progress = run.progress.current();
    this.subscribers.progress(run.runId, progress);
    const now = Date.now();
    if (now - (this.lastPersisted.get(run.runId) ?? 0) < this.options.persistIntervalMs) return;
    this.lastPersisted.set(run.runId, now);
    this.runs
      .saveProgress(run.runId, progress)
      .catch((error) => this.log.warn({ err: error, runId: run.runId }, 'could not save progress'));
  }

  /** Parts change state a few times per run: each change is written at once, for GET /api/runs/:id. */
  private saveParts(run: ActiveRun): void {
    this.runs
      .saveParts(run.runId, run.records)
      .catch((error) => this.log.warn({ err: error, runId: run.runId }, 'could not save the parts of a run'));
  }

  private overLimit(run: ActiveRun): Promise<void> {
    return this.end(run, {
      type: 'failed',
      reason: overEventLimit(run.progress.totalEvents, this.options.maxEventsPerRun),
    });
  }

  private timedOut(run: ActiveRun): Promise<void> {
    const { percent } = run.progress.current();
    return this.end(run, { type: 'failed', reason: overWallClock(this.options.maxRunWallMs, percent) });
  }

  /** A run's end: the other parts stop, the result or reason is written (with retries) and announced. */
  private async end(run: ActiveRun, ending: Ending): Promise<void> {
    if (this.active.get(run.runId) !== run) return;
    const { runId } = run;
    this.forget(runId);
    await this.pool.cancel(runId);
    void this.pump();
    if (ending.type === 'failed') run.stopped(ending.failedPart ?? null);
    const failure = await writeRunEnd(
      this.runs,
      this.log,
      this.options.writeRetryDelaysMs,
      runId,
      ending.type === 'failed'
        ? { type: 'failed', reason: ending.reason, parts: run.records }
        : { type: 'succeeded', result: () => run.result(), progress: run.progress.current(), parts: run.records },
    );
    if (!this.closed) await this.subscribers.status(runId, failure);
  }

  private forget(runId: string): void {
    this.active.delete(runId);
    clearTimeout(this.wallClocks.get(runId));
    this.wallClocks.delete(runId);
    this.lastPersisted.delete(runId);
  }
}
