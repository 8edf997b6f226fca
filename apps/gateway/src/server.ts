import { buildGateway } from './app.ts';
import { loadConfig } from './config.ts';
import { startService, type RunningService } from '@faultline/service-kit';

// `pnpm start`: the whole application on one origin. Unless DESIGN_SERVICE_URL and
// ORCHESTRATOR_URL point at running services, they are started here (sharing one database:
// SQLite under data/ unless DATABASE_URL says otherwise) and stopped with the gateway.
const config = loadConfig();
const started: RunningService[] = [];
let stopping = false;

async function shutdown(code: number): Promise<never> {
  stopping = true;
  await Promise.all(started.map((s) => s.stop()));
  process.exit(code);
}

try {
  let designService = config.DESIGN_SERVICE_URL;
  if (!designService) {
    const service = await startService(
      'design service',
      new URL('../../design-service/src/server.ts', import.meta.url),
    );
    started.push(service);
    designService = service.url;
  }
  let orchestrator = config.ORCHESTRATOR_URL;
  if (!orchestrator) {
    const service = await startService('orchestrator', new URL('../../orchestrator/src/server.ts', import.meta.url), {
      ...process.env,
      DESIGN_SERVICE_URL: designService,
    });
    started.push(service);
    orchestrator = service.url;
  }
  const app = await buildGateway({ designService, orchestrator }, config.LOG_LEVEL);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      stopping = true;
      app.log.info({ signal }, 'shutting down');
      void app.close().finally(() => shutdown(0));
    });
  }
  for (const service of started) {
    service.process.once('exit', (code) => {
      if (stopping) return;
      app.log.error({ service: service.name, code }, 'a service stopped; stopping Faultline');
      void app.close().finally(() => shutdown(1));
    });
  }
  await app.listen({ host: config.HOST, port: config.PORT });
  const shownHost = ['0.0.0.0', '::', '127.0.0.1'].includes(config.HOST) ? 'localhost' : config.HOST;
  console.log(`\nFaultline is running at http://${shownHost}:${config.PORT}\n`);
} catch (error) {
  console.error(`Faultline could not start: ${(error as Error).message}`);
  await shutdown(1);
}
