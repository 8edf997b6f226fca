import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** GET /health: ok once the database answers a trivial query through `probe`. */
export const health =
  (probe: () => Promise<unknown>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health',
      {
        schema: {
          hide: true,
          response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgresql']) }) },
        },
      },
      async () => {
        await probe();
        return { status: 'ok' as const, database: app.databaseLocation.provider };
      },
    );
  };
