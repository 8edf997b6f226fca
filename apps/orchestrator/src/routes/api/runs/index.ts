import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateRunBodySchema,
  DesignSchema,
  LaunchedRunSchema,
  ListRunsQuerySchema,
  RunExportQuerySchema,
  RunIdParamsSchema,
  RunListSchema,
  RunResultSchema,
  RunSchema,
  isFinished,
  launchWarnings,
  type RunResult,
} from '@faultline/schemas';
import { exportRun } from '@faultline/runs';
import { problems } from '@faultline/service-kit';
import { appError, runOrProblem, valueOrProblem } from '../../../errors.ts';
import { queueFull, runLaunchChecks, type LaunchLimits } from '../../../run-launch-checks.ts';

/** When a client refused for a full queue should try again: runs end every few seconds. */
const RETRY_AFTER_SECONDS = 10;

/** Launching runs, following them, and reading what they found. */
const runs: FastifyPluginAsyncZod<{ limits: LaunchLimits }> = async (app, { limits }) => {
  app.addHook('onSend', async (_request, reply) => {
    if (reply.statusCode === 429) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  });
  const checkLaunch = runLaunchChecks(limits, {
    countPending: () => app.runs.countPending(),
    findDesign: (id) => app.designClient.get(id),
  });

  app.post(
    '/',
    {
      schema: {
        tags: ['runs'],
        summary:
          'Launch a run of a design: 202 with the run, which is queued, and warnings about faults its measured period will not see',
        body: CreateRunBodySchema,
        response: { 202: LaunchedRunSchema, ...problems(400, 422, 429, 502) },
      },
    },
    async (request, reply) => {
      const launch = valueOrProblem(await checkLaunch(request.body));
      const run = await app.runs.create(launch, limits.MAX_PENDING_RUNS);
      if (!run) throw appError('RUN_QUEUE_FULL', queueFull(limits.MAX_PENDING_RUNS));
      app.runQueue.enqueue(run.id);
      const warnings = launchWarnings(launch.design, launch.settings);
      return reply
        .code(202)
        .header('location', `/api/runs/${run.id}`)
        .send({ ...run, warnings });
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
    async (request) => runOrProblem(request.params.id, await app.runs.get(request.params.id)),
  );

  app.get(
    '/:id/design',
    {
      schema: {
        tags: ['runs'],
        summary: 'The design snapshot the run ran: the names its result is read with',
        params: RunIdParamsSchema,
        response: { 200: DesignSchema, ...problems(404) },
      },
    },
    async (request) => runOrProblem(request.params.id, await app.runs.design(request.params.id)),
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
      const run = runOrProblem(id, await app.runs.get(id));
      if (!(await app.runQueue.cancel(id))) {
        throw appError(
          'RUN_ALREADY_FINISHED',
          `Run "${id}" has already ${run.status === 'cancelled' ? 'been cancelled' : run.status}`,
        );
      }
      return runOrProblem(id, await app.runs.get(id));
    },
  );

  const finishedBody = async (id: string) => {
    const run = runOrProblem(id, await app.runs.get(id));
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
        summary:
          'The result of a succeeded run (by scenario: one result, baseline and chaos, a sweep curve, or a defence analysis)',
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
      // Reports name components by the design the run ran, not the design as it is now.
      const design = await app.runs.design(run.id);
      const exported = exportRun(RunResultSchema.parse(JSON.parse(body)), request.query.format, {
        runId: run.id,
        designId: run.designId,
        designName: run.designName,
        ...(design ? { design } : {}),
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
