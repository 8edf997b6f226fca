import type { AddressInfo } from 'node:net';
import { allowedHostsFrom } from '@faultline/service-kit';
import { buildGateway, DEFAULT_BODY_LIMITS } from './app.ts';
import { loadConfig } from './config.ts';
import { buildLogger } from './logger.ts';
import { SupervisedService } from './supervisor.ts';

// `pnpm start`: the whole application on one origin. Unless DESIGN_SERVICE_URL and
// ORCHESTRATOR_URL point at running services, they are started here as supervised children
// (sharing one database: SQLite under data/ unless DATABASE_URL says otherwise), restarted when
// they die, and stopped with the gateway.
const config = loadConfig();
const started: SupervisedService[] = [];

/** SIGTERM to exit, whatever a child or a connection does: stopping never takes longer. */
const STOP_DEADLINE_MS = 9_000;

async function stopChildren(): Promise<void> {
  await Promise.all(started.map((s) => s.stop()));
}

// The children listen on loopback only and are reached by the gateway alone: the gateway's own
// ALLOWED_HOSTS is not theirs.
const { ALLOWED_HOSTS: _gatewayOnly, ...childEnv } = process.env;

try {
  const log = buildLogger(config.LOG_LEVEL);
  let designService = config.DESIGN_SERVICE_URL;
  if (!designService) {
    const service = await SupervisedService.start(
      'design service',
      new URL('../../design-service/src/server.ts', import.meta.url),
      childEnv,
      log,
    );
    started.push(service);
    designService = service.url;
  }
  let orchestrator = config.ORCHESTRATOR_URL;
  if (!orchestrator) {
    const service = await SupervisedService.start(
      'orchestrator',
      new URL('../../orchestrator/src/server.ts', import.meta.url),
      { ...childEnv, DESIGN_SERVICE_URL: designService },
      log,
    );
    started.push(service);
    orchestrator = service.url;
  }
  const app = await buildGateway(
    { designService, orchestrator },
    {
      logLevel: config.LOG_LEVEL,
      logger: log,
      allowedHosts: allowedHostsFrom(config.ALLOWED_HOSTS, config.HOST),
      bodyLimits: {
        designService: config.BODY_LIMIT_BYTES ?? DEFAULT_BODY_LIMITS.designService,
        orchestrator: config.BODY_LIMIT_BYTES ?? DEFAULT_BODY_LIMITS.orchestrator,
      },
      upstreamTimeoutMs: config.UPSTREAM_TIMEOUT_MS,
    },
  );
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      app.log.info({ signal }, 'shutting down');
      setTimeout(() => {
        app.log.error('not stopped in time; exiting anyway');
        process.exit(1);
      }, STOP_DEADLINE_MS).unref();
      // The children first: the gateway's own close waits for the streams they hold open.
      void Promise.all([stopChildren(), app.close()]).finally(() => process.exit(0));
    });
  }
  await app.listen({ host: config.HOST, port: config.PORT });
  const shownHost = ['0.0.0.0', '::', '127.0.0.1'].includes(config.HOST) ? 'localhost' : config.HOST;
  const { port } = app.server.address() as AddressInfo;
  console.log(`\nFaultline is running at http://${shownHost}:${port}\n`);
} catch (error) {
  console.error(`Faultline could not start: ${(error as Error).message}`);
  await stopChildren();
  process.exit(1);
}
