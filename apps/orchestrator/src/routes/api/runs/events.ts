import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RunIdParamsSchema, isFinished, type Run } from '@faultline/schemas';
import { problems } from '@faultline/service-kit';
import { runOrProblem } from '../../../errors.ts';
import type { RunNews } from '../../../run-queue/run-queue.ts';

/** Comments keep proxies from closing a quiet stream (a queued run may wait long). */
const KEEP_ALIVE_MS = 15_000;

/**
 * Server-sent events for one run: `status` with the whole run at once and at every change of
 * status, `progress` while it runs; the stream ends after the final status.
 */
const events: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/events',
    {
      schema: {
        tags: ['runs'],
        summary: 'Follow a run as server-sent events: status, progress …, final status',
        params: RunIdParamsSchema,
        response: { 200: z.string().describe('text/event-stream'), ...problems(404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const run = runOrProblem(id, await app.runs.get(id));
      reply.hijack();
      const stream = reply.raw;
      stream.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const send = (event: string, data: unknown) => stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      const sendStatus = (current: Run) => {
        send('status', current);
        if (isFinished(current.status)) end();
      };

      let unsubscribe = () => {};
      const keepAlive = setInterval(() => stream.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
      const end = () => {
        clearInterval(keepAlive);
        unsubscribe();
        stream.end();
      };
      request.raw.on('close', end);

      unsubscribe = app.runQueue.subscribe(id, (news: RunNews) =>
        news.type === 'progress' ? send('progress', news.progress) : sendStatus(news.run),
      );
      // Read again after subscribing, so a change between the first read and now is not missed.
      sendStatus(isFinished(run.status) ? run : ((await app.runs.get(id)) ?? run));
    },
  );
};
export default events;
