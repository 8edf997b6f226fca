import { resolveDatabaseLocation } from '@faultline/db';
import { serve, startOrExit } from '@faultline/service-kit';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';

await startOrExit('orchestrator', async () => {
  const config = loadConfig();
  const app = await buildApp({ config, database: resolveDatabaseLocation(config.DATABASE_URL) });
  await serve(app, { host: config.HOST, port: config.PORT });
});
