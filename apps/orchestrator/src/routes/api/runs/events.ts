import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RunIdParamsSchema, isFinished, type Run } from '@faultline/schemas';
import { problems } from '@faultline/service-kit';
import { runOrProblem } from '../../../errors.ts';
import type { RunNews } from '../../../run-queue/scheduler.ts';

/** Comments keep proxies from closing a quiet stream (a queued run may wait long). */
const KEEP_ALIVE_MS = 15_000;

/** How long one stream stays open unless configured (`STREAM_MAX_MS`). */
export const DEFAULT_STREAM_MAX_MS = 5 * 60 * 1000;

/** How long a client waits before it reconnects to a stream the server closed on time. */
const RECONNECT_AFTER_MS = 1_000;

/**
 * Server-sent events for one run: `status` with the whole run at once and at every change of
 * status, `progress` while it runs; the stream ends after the final status. No stream outlives
 * `maxStreamMs` (a queued run may wait for hours, and every open stream holds a connection and
 * a subscriber): it is closed with a `retry:` hint, and since every stream starts with the run's
 * current status, a client that reconnects (EventSource does by itself) resumes where it was.
 */
const events: FastifyPluginAsyncZod<{ maxStreamMs?: number }> = async (
  app,
  { maxStreamMs = DEFAULT_STREAM_MAX_MS },
) => {
  // A stopping server closes its streams (clients reconnect to the next one) rather than wait
  // for them to end on their own.
  const openStreams = new Set<(why: string) => void>();
  app.addHook('preClose', async () => {
    for (const close of openStreams) close('the server is stopping');
  });
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
      const closeForReconnect = (why: string) => {
        stream.write(`: ${why}; reconnect to follow on\nretry: ${RECONNECT_AFTER_MS}\n\n`);
        end();
      };
      const timeLimit = setTimeout(
        () => closeForReconnect(`open for ${maxStreamMs} ms, the longest a stream stays`),
        maxStreamMs,
      );
      const end = () => {
        clearInterval(keepAlive);
        clearTimeout(timeLimit);
        unsubscribe();
        openStreams.delete(closeForReconnect);
        stream.end();
      };
      openStreams.add(closeForReconnect);
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
