import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateRunBodySchema,
  DesignSchema,
  ListRunsQuerySchema,
  RunExportQuerySchema,
  RunIdParamsSchema,
  RunListSchema,
  RunResultSchema,
  RunSchema,
  designOf,
  isFinished,
  toFieldIssues,
  type RunResult,
} from '@faultline/schemas';
import { checkSweep, exportRun } from '@faultline/runs';
import { designHash } from '@faultline/sim-engine';
import { problems } from '@faultline/service-kit';
import type { Config } from '../../../config.ts';
import { appError } from '../../../errors.ts';
import { expectedArrivals, simulationsOf } from '../../../limits.ts';

type Limits = Pick<Config, 'MAX_PENDING_RUNS' | 'MAX_RUN_DURATION_MS' | 'MAX_EVENTS_PER_RUN'>;

/** Launching runs, following them, and reading what they found. */
const runs: FastifyPluginAsyncZod<{ limits: Limits }> = async (app, { limits }) => {
  app.post(
    '/',
    {
      schema: {
        tags: ['runs'],
        summary: 'Launch a run of a design: 202 with the run, which is queued',
        body: CreateRunBodySchema,
        response: { 202: RunSchema, ...problems(400, 422, 429, 502) },
      },
    },
    async (request, reply) => {
      const { designId, settings } = request.body;
      if (settings.durationMs > limits.MAX_RUN_DURATION_MS) {
        throw appError('RUN_LIMIT_EXCEEDED', `A run may simulate at most ${limits.MAX_RUN_DURATION_MS} ms`, [
          { path: '/settings/durationMs', message: `must be at most ${limits.MAX_RUN_DURATION_MS}` },
        ]);
      }
      if ((await app.runs.countPending()) >= limits.MAX_PENDING_RUNS) {
        throw appError(
          'RUN_QUEUE_FULL',
          `${limits.MAX_PENDING_RUNS} runs are already queued or running; wait for some to finish or cancel them`,
        );
      }
      const stored = await app.designClient.get(designId);
      if (!stored) {
        throw appError('RUN_DESIGN_NOT_FOUND', `Design "${designId}" does not exist`, [
          { path: '/designId', message: 'no design has this id' },
        ]);
      }
      const parsed = DesignSchema.safeParse(designOf(stored));
      if (!parsed.success)
        throw appError('RUN_INVALID', `Design "${designId}" is not valid`, toFieldIssues(parsed.error));
      const design = parsed.data;
      if (settings.scenario.kind === 'sweep') {
        const issues = checkSweep(design, settings.scenario);
        if (issues.length) throw appError('RUN_INVALID', 'The sweep does not fit the design', issues);
      }
      const arrivals = expectedArrivals(design, settings);
      if (arrivals > limits.MAX_EVENTS_PER_RUN) {
        throw appError(
          'RUN_LIMIT_EXCEEDED',
          `The workload alone is expected to bring ${arrivals} requests, each at least one event, over the limit of ${limits.MAX_EVENTS_PER_RUN} events per run`,
          [{ path: '/settings/durationMs', message: "too long for the workload's rate within the event limit" }],
        );
      }
      const run = await app.runs.create({
        designId,
        designName: design.name,
        designVersion: stored.version,
        designHash: designHash(design),
        design,
        settings,
        totalMs: settings.durationMs * simulationsOf(settings),
      });
      app.runQueue.enqueue(run.id);
      return reply.code(202).header('location', `/api/runs/${run.id}`).send(run);
    },
  );

  app.get(
    '/',
    {
      schema: {
        tags: ['runs'],
        summary: 'Runs, newest first',
        querystring: ListRunsQuerySchema,
        response: { 200: RunListSchema, ...problems(400) },
      },
    },
    async (request) => ({ items: await app.runs.list(request.query) }),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags: ['runs'],
        summary: 'One run: status, progress, timings',
        params: RunIdParamsSchema,
        response: { 200: RunSchema, ...problems(404) },
      },
    },
    async (request) => app.runs.get(request.params.id),
  );

  app.post(
    '/:id/cancel',
    {
      schema: {
        tags: ['runs'],
        summary: 'Cancel a queued or running run',
        params: RunIdParamsSchema,
        response: { 200: RunSchema, ...problems(404, 409) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const run = await app.runs.get(id);
      if (!(await app.runQueue.cancel(id))) {
        throw appError(
          'RUN_ALREADY_FINISHED',
          `Run "${id}" has already ${run.status === 'cancelled' ? 'been cancelled' : run.status}`,
        );
      }
      return app.runs.get(id);
    },
  );

  const finishedBody = async (id: string) => {
    const run = await app.runs.get(id);
    const body = run.status === 'succeeded' ? await app.runs.resultBody(id) : null;
    if (body === null) {
      const why = isFinished(run.status)
        ? `it ended as ${run.status}${run.error ? `: ${run.error}` : ''}`
        : `it is ${run.status}`;
      throw appError('RUN_NOT_FINISHED', `Run "${id}" has no result: ${why}`);
    }
    return { run, body };
  };

  app.get(
    '/:id/result',
    {
      schema: {
        tags: ['runs'],
        summary: 'The result of a succeeded run (by scenario: one result, baseline and chaos, or a sweep curve)',
        params: RunIdParamsSchema,
        response: { 200: RunResultSchema, ...problems(404, 409) },
      },
    },
    async (request, reply) => {
      const { body } = await finishedBody(request.params.id);
      // Sent as stored: the exact bytes the run produced, not parsed and serialised again.
      return reply
        .type('application/json; charset=utf-8')
        .serializer((b) => b as string)
        .send(body as unknown as RunResult);
    },
  );

  app.get(
    '/:id/export',
    {
      schema: {
        tags: ['runs'],
        summary: 'A succeeded run as JSON, CSV (time series), Prometheus text or a Markdown report',
        params: RunIdParamsSchema,
        querystring: RunExportQuerySchema,
        response: { 200: z.string().describe('The export'), ...problems(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const { run, body } = await finishedBody(request.params.id);
      const exported = exportRun(RunResultSchema.parse(JSON.parse(body)), request.query.format, {
        runId: run.id,
        designId: run.designId,
        designName: run.designName,
      });
      return reply
        .type(exported.contentType)
        .header(
          'content-disposition',
          `attachment; filename="faultline-run-${run.id.slice(0, 8)}.${exported.extension}"`,
        )
        .serializer((text) => text as string)
        .send(exported.body);
    },
  );
};
export default runs;
