import { randomUUID } from 'node:crypto';
import fp from 'fastify-plugin';
import type { PrismaDb } from '@faultline/db';
import type { Design, ListRunsQuery, Run, RunProgress, RunSettings } from '@faultline/schemas';
import { JOB_COLUMNS, RUN_COLUMNS, toJob, toRun, type RunJob } from './run-rows.ts';

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
export function runRepository(db: PrismaDb) {
  const now = () => new Date();
  return {
    async create(run: NewRun): Promise<Run> {
      const row = await db.run.create({
        data: {
          ...run,
          id: randomUUID(),
          design: run.design,
          settings: run.settings,
          status: 'queued',
        },
        select: RUN_COLUMNS,
      });
      return toRun(row);
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
          simulatedMs: 0,
          events: 0,
          percent: 0,
        },
      });
      if (count === 0) return null;
      return toJob(await db.run.findUniqueOrThrow({ where: { id }, select: JOB_COLUMNS }));
    },

    async saveProgress(id: string, progress: RunProgress): Promise<void> {
      await db.run.updateMany({ where: { id, status: 'running' }, data: progress });
    },

    async succeed(id: string, body: string, sloPassed: boolean, progress: RunProgress): Promise<boolean> {
      return db.$transaction(async (tx) => {
        const { count } = await tx.run.updateMany({
          where: { id, status: 'running' },
          data: { ...progress, status: 'succeeded', sloPassed, finishedAt: now() },
        });
        if (count === 1) await tx.runResult.create({ data: { runId: id, body } });
        return count === 1;
      });
    },

    async fail(id: string, reason: string): Promise<boolean> {
      const { count } = await db.run.updateMany({
        where: { id, status: 'running' },
        data: { status: 'failed', error: reason, finishedAt: now() },
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
      const row = await db.run.findUnique({ where: { id }, select: JOB_COLUMNS });
      return row && toJob(row).design;
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
  app.decorate('runs', runRepository(app.db));
});
