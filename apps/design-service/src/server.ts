import { serve, startOrExit } from '@faultline/service-kit';
import { buildApp, databaseFromConfig } from './app.ts';
import { loadConfig } from './config.ts';

await startOrExit('design service', async () => {
  const config = loadConfig();
  const app = await buildApp({ config, database: databaseFromConfig(config) });
  await serve(app, { host: config.HOST, port: config.PORT });
});
