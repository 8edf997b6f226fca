import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { WorkerMessage } from '../messages.ts';
import { overEventLimit, overWallClock } from '../simulate-part.ts';
import { WorkerPool } from '../worker-pool.ts';
import {
  eventsKey,
  PARTS_QUEUE,
  partJobId,
  RUN_KEY_TTL_S,
  stopChannel,
  startedKey,
  stoppedKey,
  type PartJobData,
  type PartJobProgress,
  type PartJobResult,
} from './queues.ts';
import { PART_STOPPED } from './part-records.ts';
import { redisConnection } from './redis.ts';

export interface PartWorkerOptions {
  redisUrl: string;
  /** Key prefix of the deployment's queues (`QUEUE_PREFIX`). */
  prefix: string;
  /** Parts simulated at once, one worker thread each. */
  threads: number;
  /**
   * How long a part's lock lasts unless renewed. A worker that dies (SIGKILL, a lost host) stops
   * renewing; after about this long BullMQ's stalled-job check hands its parts to another worker.
   */
  lockMs: number;
  progressIntervalMs?: number;
}

interface Running {
  job: Job<PartJobData, PartJobResult>;
  worker: string;
  events: number;
}

/**
 * Takes parts from Redis and simulates them on this process's worker threads: `faultline worker`
 * on any host, and the orchestrator itself in a team deployment. Progress goes out as BullMQ job
 * progress, the result as the job's return value. A stopped run (cancel, another part's failure)
 * is announced on a channel and its threads here are terminated at once. On a graceful stop the
 * parts held go back to the queue for another worker; after a crash, BullMQ's stalled-job check
 * does the same once their locks lapse.
 */
export class PartWorker {
  private readonly commands: Redis;
  private readonly subscriber: Redis;
  /** BullMQ leaves a connection it was given open on close: this one is closed here. */
  private readonly taking: Redis;
  private readonly pool: WorkerPool;
  private readonly worker: Worker<PartJobData, PartJobResult>;
  private readonly running = new Map<string, Running>();
  /** Why a run's parts here were stopped, for the failure their jobs record. */
  private readonly stopReasons = new Map<string, string>();
  private stopping = false;

  constructor(private readonly options: PartWorkerOptions) {
    this.commands = redisConnection(options.redisUrl);
    this.subscriber = redisConnection(options.redisUrl);
    this.taking = redisConnection(options.redisUrl);
    this.pool = new WorkerPool(options.threads, (message) => void this.progressed(message));
    this.subscriber.subscribe(stopChannel(options.prefix)).catch(() => {}); // retried on reconnect by ioredis
    this.subscriber.on('message', (_channel, runId: string) => void this.stop(runId, PART_STOPPED));
    this.worker = new Worker(PARTS_QUEUE, (job, token) => this.process(job, token), {
      connection: this.taking,
      prefix: options.prefix,
      concurrency: options.threads,
      lockDuration: options.lockMs,
      stalledInterval: options.lockMs,
      // A part whose worker dies twice is failed: it may be what kills them.
      maxStalledCount: 1,
    });
    // Connection trouble is retried by ioredis; it is logged by the caller through `on('error')`.
    this.worker.on('error', () => {});
  }

  /** Hears the worker's errors (lost connections and the like), to log them. */
  onError(listener: (error: Error) => void): void {
    this.worker.on('error', listener);
  }

  /** Resolves once the worker takes jobs, its threads loaded. */
  async ready(): Promise<void> {
    await Promise.all([this.worker.waitUntilReady(), this.pool.warm()]);
  }

  private async process(job: Job<PartJobData, PartJobResult>, token?: string): Promise<PartJobResult> {
    const { runId, part, maxRunWallMs } = job.data;
    const prefix = this.options.prefix;
    if (await this.commands.exists(stoppedKey(prefix, runId))) throw new UnrecoverableError(PART_STOPPED);
    const left = (await this.runStart(runId)) + maxRunWallMs - Date.now();
    if (left <= 0) throw new UnrecoverableError(overWallClock(maxRunWallMs));

    const baseline = Object.values(await job.getChildrenValues<PartJobResult>())[0]?.result;
    const { worker, outcome } = this.pool.run({
      runId,
      part,
      design: job.data.design,
      settings: job.data.settings,
      ...(baseline ? { baseline } : {}),
      maxEvents: job.data.maxEvents,
      progressIntervalMs: this.options.progressIntervalMs ?? 500,
    });
    const key = partJobId(runId, part);
    this.running.set(key, { job, worker, events: 0 });
    const outOfTime = setTimeout(() => void this.stop(runId, overWallClock(maxRunWallMs)), left);
    try {
      await job.updateProgress({ worker, simulatedMs: 0, events: 0 } satisfies PartJobProgress);
      const ended = await outcome;
      if (ended.type === 'succeeded') {
        const total = await this.count(key, ended.progress.events);
        if (total <= job.data.maxEvents) {
          // Its final count, for the orchestrators that follow the run's progress.
          await job.updateProgress({ worker, ...ended.progress } satisfies PartJobProgress);
          return { result: ended.result, progress: ended.progress, worker };
        }
        const reason = overEventLimit(total, job.data.maxEvents);
        await this.stop(runId, reason);
        throw new UnrecoverableError(reason);
      }
      if (ended.type === 'failed') throw new UnrecoverableError(ended.reason);
      if (this.stopping) {
        // A graceful stop: the part goes back to the queue at once, for another worker.
        await job.moveToDelayed(Date.now(), token);
        throw new DelayedError();
      }
      throw new UnrecoverableError(this.stopReasons.get(runId) ?? PART_STOPPED);
    } finally {
      clearTimeout(outOfTime);
      this.running.delete(key);
    }
  }

  /** When the run's first part started, here or on any other host. */
  private async runStart(runId: string): Promise<number> {
    const key = startedKey(this.options.prefix, runId);
    const [, [, started]] = (await this.commands
      .multi()
      .set(key, Date.now(), 'EX', RUN_KEY_TTL_S, 'NX')
      .get(key)
      .exec()) as [unknown, [unknown, string]];
    return Number(started);
  }

  private async progressed({ runId, part, progress }: Extract<WorkerMessage, { type: 'progress' }>): Promise<void> {
    const key = partJobId(runId, part);
    const running = this.running.get(key);
    if (!running) return;
    await running.job.updateProgress({ worker: running.worker, ...progress } satisfies PartJobProgress).catch(() => {});
    const total = await this.count(key, progress.events);
    if (total > running.job.data.maxEvents) await this.stop(runId, overEventLimit(total, running.job.data.maxEvents));
  }

  /** Adds a part's new events to its run's total, kept in Redis so that the limit holds across hosts. */
  private async count(key: string, events: number): Promise<number> {
    const running = this.running.get(key);
    if (!running) return 0;
    const delta = events - running.events;
    running.events = events;
    const totalKey = eventsKey(this.options.prefix, running.job.data.runId);
    const [[, total]] = (await this.commands
      .multi()
      .incrby(totalKey, delta)
      .expire(totalKey, RUN_KEY_TTL_S)
      .exec()) as [[unknown, number]];
    return total;
  }

  private async stop(runId: string, reason: string): Promise<void> {
    if (!this.stopReasons.has(runId)) this.stopReasons.set(runId, reason);
    await this.pool.cancel(runId);
    // Reasons are kept only while parts of the run may still be here.
    setTimeout(() => this.stopReasons.delete(runId), 60_000).unref();
  }

  /** Stops taking parts; those running here go back to the queue at once, for another worker. */
  async close(): Promise<void> {
    this.stopping = true;
    await this.worker.pause(true);
    await Promise.all(this.pool.busy.map((runId) => this.pool.cancel(runId)));
    await this.worker.close();
    await this.pool.close();
    for (const connection of [this.taking, this.subscriber, this.commands]) connection.disconnect();
  }
}
