import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const health: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    { schema: { hide: true, response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgresql']) }) } } },
    async () => {
      await app.db.run.count({ take: 1 });
      return { status: 'ok' as const, database: app.databaseLocation.provider };
    },
  );
};
export default health;
