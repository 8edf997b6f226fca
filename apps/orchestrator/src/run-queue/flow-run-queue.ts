import { FlowProducer, Queue, QueueEvents, Worker, type Job } from 'bullmq';
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import { assemble, partsOf } from '@faultline/runs';
import { isFinished, type RunPart, type RunProgress } from '@faultline/schemas';
import {
  eventsKey,
  PART_STOPPED,
  partFailure,
  partJobId,
  partOfJobId,
  partRecord,
  PartWorker,
  PARTS_QUEUE,
  redisConnection,
  runFlow,
  RUN_KEY_TTL_S,
  RUNS_QUEUE,
  startedKey,
  stopChannel,
  stoppedKey,
  type PartJob,
  type PartJobProgress,
  type PartJobResult,
  type RunJobData,
} from '@faultline/workers/flows';
import type { RunRepository } from '../repository/run-repository.ts';
import { FollowedRun } from './followed-run.ts';
import { reasonOf, writeRunEnd } from './run-end.ts';
import { RunSubscribers } from './run-news.ts';
import type { RunNews, RunScheduler } from './scheduler.ts';

export interface FlowRunQueueOptions {
  redisUrl: string;
  prefix: string;
  /** Parts this orchestrator simulates itself; 0 leaves them all to `faultline worker`s. */
  workers: number;
  lockMs: number;
  maxEventsPerRun: number;
  maxRunWallMs: number;
  progressIntervalMs: number;
  persistIntervalMs: number;
  writeRetryDelaysMs: readonly number[];
  /** How often runs the database holds unfinished are checked against Redis. */
  reconcileIntervalMs: number;
}

/**
 * Runs as BullMQ flows (SPEC §2, "Runs at scale"): any number of orchestrators and workers on
 * one Redis and one database. The database says which runs exist and how they ended; Redis holds
 * their parts. Every orchestrator hears every part's news through queue events, so any of them
 * serves any run's stream and keeps its stored progress; the run job (done once its parts are)
 * is taken by exactly one orchestrator, which assembles and stores the result. Job ids are run
 * ids, so launching a run twice (a launch racing the reconciliation of another orchestrator, or
 * a restart) runs it once.
 */
export class FlowRunQueue implements RunScheduler {
  private readonly commands: Redis;
  private readonly subscriber: Redis;
  /** Every connection opened here: BullMQ leaves those it is given open when it closes. */
  private readonly connections: Redis[] = [];
  private readonly flows: FlowProducer;
  private readonly partsQueue: Queue<PartJob['data'], PartJobResult>;
  private readonly runsQueue: Queue<RunJobData>;
  private readonly partEvents: QueueEvents;
  private readonly runEvents: QueueEvents;
  private readonly runWorker: Worker<RunJobData>;
  private readonly partWorker: PartWorker | null;
  private readonly followed = new Map<string, Promise<FollowedRun | null>>();
  private readonly subscribers: RunSubscribers;
  private readonly lastPersisted = new Map<string, number>();
  private reconciler: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly runs: RunRepository,
    private readonly log: FastifyBaseLogger,
    private readonly options: FlowRunQueueOptions,
  ) {
    this.subscribers = new RunSubscribers(runs);
    const { redisUrl, prefix } = options;
    const connection = () => {
      const redis = redisConnection(redisUrl);
      this.connections.push(redis);
      return redis;
    };
    this.commands = connection();
    this.subscriber = connection();
    this.flows = new FlowProducer({ connection: this.commands, prefix });
    this.partsQueue = new Queue(PARTS_QUEUE, { connection: this.commands, prefix });
    this.runsQueue = new Queue(RUNS_QUEUE, { connection: this.commands, prefix });
    this.partEvents = new QueueEvents(PARTS_QUEUE, { connection: connection(), prefix });
    this.runEvents = new QueueEvents(RUNS_QUEUE, { connection: connection(), prefix });
    this.runWorker = new Worker(RUNS_QUEUE, (job) => this.finish(job), {
      connection: connection(),
      prefix,
      concurrency: 2,
    });
    this.partWorker =
      options.workers > 0
        ? new PartWorker({
            redisUrl,
            prefix,
            threads: options.workers,
            lockMs: options.lockMs,
            progressIntervalMs: options.progressIntervalMs,
          })
        : null;
    const trouble = (error: Error) => this.log.warn({ err: error }, 'Redis connection trouble');
    this.runWorker.on('error', trouble);
    this.partEvents.on('error', trouble);
    this.runEvents.on('error', trouble);
    this.commands.on('error', trouble);
    this.subscriber.on('error', trouble);
    this.partWorker?.onError(trouble);
    this.listen();
  }

  async resume(): Promise<void> {
    await Promise.all([
      this.partEvents.waitUntilReady(),
      this.runEvents.waitUntilReady(),
      this.runWorker.waitUntilReady(),
      this.partWorker?.ready(),
      this.subscriber.subscribe(stopChannel(this.options.prefix)),
    ]);
    await this.reconcile();
    this.reconciler = setInterval(() => void this.reconcile(), this.options.reconcileIntervalMs);
    this.reconciler.unref();
  }

  enqueue(runId: string): void {
    void this.launch(runId).catch((error) => this.log.error({ err: error, runId }, 'could not launch a run'));
  }

  async cancel(runId: string): Promise<boolean> {
    // Followed before the cancel is stored: a finished run is not followed, and its waiting parts are removed by their records.
    const run = await this.follow(runId);
    if (!(await this.runs.cancel(runId))) return false;
    await this.stopParts(runId);
    if (run) {
      for (const [i, record] of run.records.entries()) {
        if (record.status === 'waiting' || record.status === 'running') run.update(i, 'cancelled');
      }
      await this.runs.saveParts(runId, run.records, ['cancelled']);
    }
    await this.subscribers.status(runId);
    return true;
  }

  subscribe(runId: string, listener: (news: RunNews) => void): () => void {
    return this.subscribers.subscribe(runId, listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.reconciler);
    // Parts simulated here go back to the queue; the run jobs wait for another orchestrator.
    await this.partWorker?.close();
    await this.runWorker.close();
    await Promise.all([this.partEvents.close(), this.runEvents.close(), this.flows.close()]);
    await Promise.all([this.partsQueue.close(), this.runsQueue.close()]);
    for (const redis of this.connections) redis.disconnect();
  }

  /**
   * Runs the database holds unfinished but Redis does not (an orchestrator stopped between
   * storing a launch and adding its flow) are launched; a run job that failed every try is
   * failed in the database. Done at start and now and then, by every orchestrator.
   */
  private async reconcile(): Promise<void> {
    try {
      for (const runId of await this.runs.unfinished()) {
        const job = await this.runsQueue.getJob(runId);
        if (!job) await this.launch(runId);
        else if (await job.isFailed()) {
          await this.end(runId, { type: 'failed', reason: job.failedReason, parts: [] });
        }
      }
    } catch (error) {
      this.log.warn({ err: error }, 'could not check unfinished runs against the queue');
    }
  }

  private async launch(runId: string): Promise<void> {
    const job = await this.runs.job(runId);
    if (!job) return;
    let flow;
    try {
      flow = runFlow(runId, job.design, job.settings, {
        maxEvents: this.options.maxEventsPerRun,
        maxRunWallMs: this.options.maxRunWallMs,
      });
    } catch (error) {
      await this.runs.start(runId);
      const reason = `The run could not be split into its parts: ${reasonOf(error)}`;
      await this.end(runId, { type: 'failed', reason, parts: [] });
      return;
    }
    await this.flows.add(flow);
  }

  private listen(): void {
    // News handled after close would use closed connections: it is another orchestrator's now.
    const handle = (work: () => Promise<void>) => {
      if (!this.closed) work().catch((error) => this.log.warn({ err: error }, 'could not follow a part'));
    };
    this.partEvents.on('active', ({ jobId }) => handle(() => this.partNews(jobId, 'running')));
    this.partEvents.on('progress', ({ jobId, data }) =>
      handle(() => this.partNews(jobId, 'running', data as PartJobProgress)),
    );
    this.partEvents.on('completed', ({ jobId }) => handle(() => this.partNews(jobId, 'succeeded')));
    this.partEvents.on('failed', ({ jobId, failedReason }) => handle(() => this.partFailed(jobId, failedReason)));
    // The run job's end: the orchestrator that stored it has told its own subscribers.
    this.runEvents.on('completed', ({ jobId }) => handle(() => this.ended(jobId)));
    this.runEvents.on('failed', ({ jobId }) => handle(() => this.ended(jobId)));
    // A run cancelled, or failed by a part, through another orchestrator.
    this.subscriber.on('message', (_channel: string, runId: string) => handle(() => this.ended(runId)));
  }

  /** A run this orchestrator follows: built once from the database and the part jobs in Redis. */
  private follow(runId: string): Promise<FollowedRun | null> {
    let run = this.followed.get(runId);
    if (!run) {
      run = (async () => {
        const job = await this.runs.job(runId);
        // News of a run that has ended (a part stopped after a cancel) needs no following.
        if (!job || isFinished(job.status)) {
          this.followed.delete(runId);
          return null;
        }
        const parts = partsOf(job.design, job.settings);
        return new FollowedRun(runId, parts, job.settings.durationMs, await this.partJobs(runId, parts.length));
      })().catch((error) => {
        this.log.warn({ err: error, runId }, 'could not read the parts of a run');
        this.followed.delete(runId);
        return null;
      });
      this.followed.set(runId, run);
    }
    return run;
  }

  private async partNews(jobId: string, status: RunPart['status'], progress?: PartJobProgress): Promise<void> {
    const at = partOfJobId(jobId);
    if (!at) return;
    const run = await this.follow(at.runId);
    if (!run) return;
    // queued → running, once, by whichever orchestrator hears of it first.
    if (status === 'running' && (await this.runs.start(at.runId).catch(() => null)))
      await this.subscribers.status(at.runId);
    const changed = run.update(at.part, status, progress?.worker) || run.unsaved;
    run.unsaved = false;
    if (progress) run.progress.report(at.part, progress.simulatedMs, progress.events);
    // The worker reports a part's last progress before it completes it.
    if (status === 'succeeded') run.progress.done(at.part);
    const current = run.progress.current();
    this.subscribers.progress(at.runId, current);
    this.persist(run, current, changed);
  }

  /** Writes progress now and then and parts when they change, while the run is unfinished. */
  private persist(run: FollowedRun, progress: RunProgress, partsChanged: boolean): void {
    const now = Date.now();
    const due = now - (this.lastPersisted.get(run.runId) ?? 0) >= this.options.persistIntervalMs;
    if (due) this.lastPersisted.set(run.runId, now);
    const writes = [
      ...(due ? [this.runs.saveProgress(run.runId, progress)] : []),
      ...(partsChanged ? [this.runs.saveParts(run.runId, run.records)] : []),
    ];
    Promise.all(writes).catch((error) => this.log.warn({ err: error, runId: run.runId }, 'could not save progress'));
  }

  /** A part that failed fails its run at once: the other parts are stopped, not waited for. */
  private async partFailed(jobId: string, failedReason: string): Promise<void> {
    const at = partOfJobId(jobId);
    if (!at) return;
    const stopped = failedReason === PART_STOPPED;
    const run = await this.follow(at.runId);
    run?.update(at.part, stopped ? 'cancelled' : 'failed');
    if (stopped) return;
    await this.stopParts(at.runId);
    await this.end(at.runId, { type: 'failed', reason: partFailure(failedReason), parts: run?.records ?? [] });
  }

  /** Tells every worker to stop the run's parts and never start one; removes the parts that wait. */
  private async stopParts(runId: string): Promise<void> {
    const { prefix } = this.options;
    await this.commands.set(stoppedKey(prefix, runId), '1', 'EX', RUN_KEY_TTL_S);
    await this.commands.publish(stopChannel(prefix), runId);
    const run = await this.follow(runId);
    for (const [i, record] of (run?.records ?? []).entries()) {
      if (record.status !== 'waiting') continue;
      const job = await this.partsQueue.getJob(partJobId(runId, i));
      if (job && (await job.isWaiting())) await job.remove().catch(() => {});
    }
  }

  /**
   * The run job, taken by one orchestrator once every part has ended: assembles the parts'
   * results in their own order (the same bytes as one process) and stores the run's end.
   */
  private async finish(job: Job<RunJobData>): Promise<void> {
    const { runId } = job.data;
    const stored = await this.runs.job(runId);
    if (!stored) return;
    const parts = partsOf(stored.design, stored.settings);
    if (isFinished(stored.status)) return this.cleanUp(runId, parts.length);
    if (stored.status === 'queued') await this.runs.start(runId);
    const jobs = await this.partJobs(runId, parts.length);
    const records = parts.map((part, i) => partRecord(part, i, jobs[i], 'cancelled'));
    const failed = records.findIndex((r) => r.status !== 'succeeded');
    if (failed >= 0) {
      const reason = jobs[failed]?.failedReason ?? 'A part of the run was removed before it ran.';
      await this.end(runId, { type: 'failed', reason: partFailure(reason), parts: records });
    } else {
      const results = jobs.map((j) => j!.returnvalue.result);
      const progress = new FollowedRun(runId, parts, stored.settings.durationMs, jobs).progress.current();
      const result = () => assemble(stored.design, stored.settings, parts, results);
      await this.end(runId, { type: 'succeeded', result, progress, parts: records });
    }
    await this.cleanUp(runId, parts.length);
  }

  private partJobs(runId: string, parts: number): Promise<(PartJob | undefined)[]> {
    return Promise.all(Array.from({ length: parts }, (_, i) => this.partsQueue.getJob(partJobId(runId, i))));
  }

  private async end(runId: string, ending: Parameters<typeof writeRunEnd>[4]): Promise<void> {
    const failure = await writeRunEnd(this.runs, this.log, this.options.writeRetryDelaysMs, runId, ending);
    await this.ended(runId, failure);
  }

  /** Once a run's job is done its parts' jobs and keys are no longer needed. */
  private async cleanUp(runId: string, parts: number): Promise<void> {
    const { prefix } = this.options;
    for (let i = 0; i < parts; i++) await this.partsQueue.remove(partJobId(runId, i)).catch(() => 0);
    await this.commands.del(eventsKey(prefix, runId), startedKey(prefix, runId));
  }

  /** A run ended (here or elsewhere): subscribers hear its state, and it is no longer followed. */
  private async ended(runId: string, failure: string | null = null): Promise<void> {
    this.followed.delete(runId);
    this.lastPersisted.delete(runId);
    await this.subscribers.status(runId, failure);
  }
}
