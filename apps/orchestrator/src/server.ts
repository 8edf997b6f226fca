import { resolveDatabaseLocation } from '@faultline/db';
import { serve, startOrExit } from '@faultline/service-kit';
import { checkRedis } from '@faultline/workers/flows';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';

await startOrExit('orchestrator', async () => {
  const config = loadConfig();
  if (config.REDIS_URL) await checkRedis(config.REDIS_URL);
  const app = await buildApp({ config, database: resolveDatabaseLocation(config.DATABASE_URL) });
  await serve(app, { host: config.HOST, port: config.PORT });
});
