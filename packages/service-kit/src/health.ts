import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { probeStorage, storageTrouble } from './storage.ts';

const DatabaseSchema = z.enum(['sqlite', 'postgresql']);

/**
 * GET /health: ok once the database answers a trivial query through `probe` and can write (a
 * test write, rolled back); else 503 saying what is wrong, e.g. "the database is read-only".
 */
export const health =
  (probe: () => Promise<unknown>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health',
      {
        schema: {
          hide: true,
          response: {
            200: z.object({ status: z.literal('ok'), database: DatabaseSchema }),
            503: z.object({ status: z.literal('unavailable'), database: DatabaseSchema, problem: z.string() }),
          },
        },
      },
      async (_request, reply) => {
        const database = app.databaseLocation.provider;
        const problem = await probe().then(
          () => probeStorage(app.db),
          (error: unknown) => storageTrouble(error) ?? 'the database failed a test read',
        );
        if (problem) {
          app.log.warn({ problem }, 'storage is unavailable');
          return reply
            .code(503)
            .send({ status: 'unavailable' as const, database, problem: `Storage is unavailable: ${problem}` });
        }
        return { status: 'ok' as const, database };
      },
    );
  };
