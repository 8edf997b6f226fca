import { randomUUID } from 'node:crypto';
import fp from 'fastify-plugin';
import type { PrismaDb, Provider } from '@faultline/db';
import type { Design, ListRunsQuery, Run, RunPart, RunProgress, RunSettings, RunStatus } from '@faultline/schemas';
import { JOB_COLUMNS, RUN_COLUMNS, toJob, toRun, type RunJob } from './run-rows.ts';

/** The advisory lock that orders launches on PostgreSQL (any fixed number unique to this purpose). */
const PENDING_RUNS_LOCK = 0x6661756c74;

const LAUNCH_TRANSACTION = { maxWait: 15_000, timeout: 15_000 };

/** What a succeeded run's row records beside its result. */
export interface RunEnd {
  sloPassed: boolean;
  progress: RunProgress;
  parts: RunPart[];
}

export interface NewRun {
  designId: string;
  designName: string;
  designVersion: number;
  designHash: string;
  design: Design;
  settings: RunSettings;
  totalMs: number;
}

/**
 * Runs and their results. Every change of status is conditional on the status it leaves, so a
 * cancel racing a worker's result, or two orchestrators, can never move a finished run. Nothing
 * here knows HTTP: a missing run is null, a change that did not happen is false.
 */
export function runRepository(db: PrismaDb, provider: Provider) {
  const now = () => new Date();
  return {
    /**
     * Queues the run if fewer than `maxPending` runs are queued or running; null if not. The count
     * and the insert are one transaction that concurrent launches take one at a time (SQLite
     * writes one transaction at a time; on PostgreSQL a transaction-scoped advisory lock), so
     * launches racing for the last places can never overfill the queue.
     */
    async create(run: NewRun, maxPending: number): Promise<Run | null> {
      return db.$transaction(async (tx) => {
        if (provider === 'postgresql') await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PENDING_RUNS_LOCK})`;
        const pending = await tx.run.count({ where: { status: { in: ['queued', 'running'] } } });
        if (pending >= maxPending) return null;
        const row = await tx.run.create({
          data: { ...run, id: randomUUID(), design: run.design, settings: run.settings, status: 'queued' },
          select: RUN_COLUMNS,
        });
        return toRun(row);
        // Launches wait their turn for the lock rather than fail while others hold it.
      }, LAUNCH_TRANSACTION);
    },

    /** The run; null if there is none with this id. */
    async get(id: string): Promise<Run | null> {
      const row = await db.run.findUnique({ where: { id }, select: RUN_COLUMNS });
      return row && toRun(row);
    },

    async list({ designId, limit }: ListRunsQuery): Promise<Run[]> {
      const rows = await db.run.findMany({
        where: designId ? { designId } : {},
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        take: limit,
        select: RUN_COLUMNS,
      });
      return rows.map(toRun);
    },

    async countPending(): Promise<number> {
      return db.run.count({ where: { status: { in: ['queued', 'running'] } } });
    },

    /** Runs a stop interrupted go back to the queue; then every queued run, oldest first. */
    async requeueInterrupted(): Promise<{ requeued: number; queued: string[] }> {
      const { count } = await db.run.updateMany({ where: { status: 'running' }, data: { status: 'queued' } });
      const queued = await db.run.findMany({
        where: { status: 'queued' },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { id: true },
      });
      return { requeued: count, queued: queued.map((r) => r.id) };
    },

    /** Claims a queued run for a worker; null if it is no longer queued (cancelled meanwhile). */
    async start(id: string): Promise<RunJob | null> {
      const { count } = await db.run.updateMany({
        where: { id, status: 'queued' },
        data: {
          status: 'running',
          startedAt: now(),
          attempts: { increment: 1 },
          parts: [],
          simulatedMs: 0,
          events: 0,
          percent: 0,
        },
      });
      if (count === 0) return null;
      return toJob(await db.run.findUniqueOrThrow({ where: { id }, select: JOB_COLUMNS }));
    },

    /** A run's design and settings, whatever its status; null if there is no such run. */
    async job(id: string): Promise<RunJob | null> {
      const row = await db.run.findUnique({ where: { id }, select: JOB_COLUMNS });
      return row && toJob(row);
    },

    /** Runs queued or running, oldest first. */
    async unfinished(): Promise<string[]> {
      const rows = await db.run.findMany({
        where: { status: { in: ['queued', 'running'] } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { id: true },
      });
      return rows.map((r) => r.id);
    },

    async saveProgress(id: string, progress: RunProgress): Promise<void> {
      await db.run.updateMany({ where: { id, status: 'running' }, data: progress });
    },

    /** Parts are written while the run has `whileStatus`, so news that arrives late never rewrites a finished run's. */
    async saveParts(id: string, parts: RunPart[], whileStatus: RunStatus[] = ['queued', 'running']): Promise<void> {
      await db.run.updateMany({ where: { id, status: { in: whileStatus } }, data: { parts } });
    },

    async succeed(id: string, body: string, end: RunEnd): Promise<boolean> {
      return db.$transaction(async (tx) => {
        const { count } = await tx.run.updateMany({
          where: { id, status: 'running' },
          data: { ...end.progress, parts: end.parts, status: 'succeeded', sloPassed: end.sloPassed, finishedAt: now() },
        });
        if (count === 1) await tx.runResult.create({ data: { runId: id, body } });
        return count === 1;
      });
    },

    async fail(id: string, reason: string, parts?: RunPart[]): Promise<boolean> {
      const { count } = await db.run.updateMany({
        where: { id, status: 'running' },
        data: { status: 'failed', error: reason, finishedAt: now(), ...(parts ? { parts } : {}) },
      });
      return count === 1;
    },

    async cancel(id: string): Promise<boolean> {
      const { count } = await db.run.updateMany({
        where: { id, status: { in: ['queued', 'running'] } },
        data: { status: 'cancelled', finishedAt: now() },
      });
      return count === 1;
    },

    /**
     * A graceful stop hands the runs it was working on back to the queue; the start they lose
     * does not count against them, unlike one a crash interrupted.
     */
    async release(ids: string[]): Promise<void> {
      if (ids.length)
        await db.run.updateMany({
          where: { id: { in: ids }, status: 'running' },
          data: { status: 'queued', attempts: { decrement: 1 } },
        });
    },

    /** The design snapshot the run ran, to name its parts in reports; null if there is no such run. */
    async design(id: string): Promise<Design | null> {
      return (await this.job(id))?.design ?? null;
    },

    async resultBody(id: string): Promise<string | null> {
      const row = await db.runResult.findUnique({ where: { runId: id } });
      return row?.body ?? null;
    },
  };
}
export type RunRepository = ReturnType<typeof runRepository>;

declare module 'fastify' {
  interface FastifyInstance {
    runs: RunRepository;
  }
}

export default fp(async (app) => {
  app.decorate('runs', runRepository(app.db, app.databaseLocation.provider));
});
